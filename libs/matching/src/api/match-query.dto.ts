import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { ARRANGEMENTS, type Arrangement } from '@werkbrug/domain';

export class CandidateMatchQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 50, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  limit?: number;

  @ApiPropertyOptional({
    description: 'Free text; narrows the matches to workplaces that match it',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ description: 'Werksoort code' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9-]{1,39}$/)
  werksoort?: string;

  @ApiPropertyOptional({ enum: ARRANGEMENTS })
  @IsOptional()
  @IsIn(ARRANGEMENTS)
  arrangement?: Arrangement;
}

export class VacancyMatchQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 50, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  limit?: number;
}

export class VacancySearchQuery {
  @ApiPropertyOptional({ description: 'Free text, typo tolerant, with werksoort synonyms' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional() @IsOptional() @Matches(/^[a-z][a-z0-9-]{1,39}$/) werksoort?: string;
  @ApiPropertyOptional({ enum: ARRANGEMENTS })
  @IsOptional()
  @IsIn(ARRANGEMENTS)
  arrangement?: Arrangement;

  @ApiPropertyOptional({
    example: '52.0857,4.8833',
    description: 'lat,lng: sort by distance and filter by radiusKm',
  })
  @IsOptional()
  @Matches(/^-?\d{1,2}(\.\d{1,7})?,-?\d{1,3}(\.\d{1,7})?$/, { message: 'near must be lat,lng' })
  near?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 300, default: 25 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(300)
  radiusKm?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 900, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(900)
  offset?: number;
}
