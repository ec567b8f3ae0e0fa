import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  ValidateIf,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { PageQuery } from '@werkbrug/http';
import type { Werksoort } from './werksoort.entity';
import { BRC_NAME_MAX, BRC_PATTERN, ISCO_PATTERN } from './standard-codes';

/** A code field is checked unless left out or sent empty (the API takes no null: "" clears it). */
const given = (value: unknown) => value !== undefined && value !== '';

/** The standard codes, the same on create and update; an empty string clears a code. */
class StandardCodeFields {
  @ApiPropertyOptional({
    example: '9112',
    description: 'ISCO-08 unit group (4 digits); "" clears it',
  })
  @ValidateIf((o: StandardCodeFields) => given(o.iscoCode))
  @Matches(ISCO_PATTERN, { message: 'iscoCode must be an ISCO-08 unit group of 4 digits' })
  iscoCode?: string;

  @ApiPropertyOptional({
    example: '1121',
    description:
      'BRC 2014 beroepsgroep (CBS): 4 digits, beroepsklasse 01–13, with brcName; "" clears it',
  })
  @ValidateIf((o: StandardCodeFields) => given(o.brcCode))
  @Matches(BRC_PATTERN, { message: 'brcCode must be a BRC 2014 beroepsgroep such as 1121' })
  brcCode?: string;

  @ApiPropertyOptional({
    example: 'Schoonmakers',
    description: 'The CBS name of the BRC 2014 beroepsgroep; "" clears it',
  })
  @ValidateIf((o: StandardCodeFields) => given(o.brcName))
  @IsString()
  @MinLength(2)
  @MaxLength(BRC_NAME_MAX)
  brcName?: string;
}

export class CreateWerksoortDto extends StandardCodeFields {
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

export class UpdateWerksoortDto extends StandardCodeFields {
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
  @ApiPropertyOptional({ description: 'ISCO-08 unit group', example: '9112' })
  @IsOptional()
  @Matches(ISCO_PATTERN)
  isco?: string;
}

export class MergeWerksoortDto {
  @ApiProperty({ description: 'The werksoort that takes over the workplaces and wishes' })
  @IsUUID()
  into!: string;
}

export const toWerksoortView = (w: Werksoort) => ({
  id: w.id,
  code: w.code,
  name: w.name,
  description: w.description,
  synonyms: w.synonyms,
  active: w.active,
  iscoCode: w.iscoCode,
  brcCode: w.brcCode,
  brcName: w.brcName,
  mergedIntoId: w.mergedIntoId,
  createdAt: w.createdAt.toISOString(),
  updatedAt: w.updatedAt.toISOString(),
  version: w.version,
});
export type WerksoortView = ReturnType<typeof toWerksoortView>;
