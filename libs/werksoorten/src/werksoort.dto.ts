import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { PageQuery } from '@werkbrug/http';
import type { Werksoort } from './werksoort.entity';

export class CreateWerksoortDto {
  @ApiProperty({ example: 'zorg', pattern: '^[a-z][a-z0-9-]{1,39}$' })
  @Matches(/^[a-z][a-z0-9-]{1,39}$/, {
    message: 'code must be 2–40 lowercase letters, digits or -',
  })
  code!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(100) name!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) description?: string;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MinLength(2, { each: true })
  @MaxLength(60, { each: true })
  synonyms?: string[];
}

export class UpdateWerksoortDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(100) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) description?: string;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MinLength(2, { each: true })
  @MaxLength(60, { each: true })
  synonyms?: string[];
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) version?: number;
}

export class WerksoortListQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'true or false' })
  @IsOptional()
  @Matches(/^(true|false)$/)
  active?: string;
}

export const toWerksoortView = (w: Werksoort) => ({
  id: w.id,
  code: w.code,
  name: w.name,
  description: w.description,
  synonyms: w.synonyms,
  active: w.active,
  createdAt: w.createdAt.toISOString(),
  updatedAt: w.updatedAt.toISOString(),
  version: w.version,
});
export type WerksoortView = ReturnType<typeof toWerksoortView>;
