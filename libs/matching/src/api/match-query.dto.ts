import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ARRANGEMENTS, type Arrangement } from '@werkbrug/domain';
import { OptionalIntQuery } from '@werkbrug/http';
import { ISCO_PATTERN } from '@werkbrug/werksoorten';

export class CandidateMatchQuery {
  @OptionalIntQuery(1, 50, 20)
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

  @ApiPropertyOptional({ description: 'ISCO-08 unit group of the werksoort', example: '9112' })
  @IsOptional()
  @Matches(ISCO_PATTERN, { message: 'isco must be an ISCO-08 unit group of 4 digits' })
  isco?: string;

  @ApiPropertyOptional({ enum: ARRANGEMENTS })
  @IsOptional()
  @IsIn(ARRANGEMENTS)
  arrangement?: Arrangement;
}

export class VacancyMatchQuery {
  @OptionalIntQuery(1, 50, 20)
  limit?: number;
}

export class VacancySearchQuery {
  @ApiPropertyOptional({ description: 'Free text, typo tolerant, with werksoort synonyms' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional() @IsOptional() @Matches(/^[a-z][a-z0-9-]{1,39}$/) werksoort?: string;
  @ApiPropertyOptional({ description: 'ISCO-08 unit group of the werksoort', example: '9112' })
  @IsOptional()
  @Matches(ISCO_PATTERN, { message: 'isco must be an ISCO-08 unit group of 4 digits' })
  isco?: string;
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

  @OptionalIntQuery(1, 300, 25)
  radiusKm?: number;

  @OptionalIntQuery(1, 100, 20)
  limit?: number;

  @OptionalIntQuery(0, 900, 0)
  offset?: number;
}
