import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ISCO_PATTERN } from '@werkbrug/werksoorten';
import {
  IsObject,
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  ARRANGEMENTS,
  type Arrangement,
  CERTIFICATE_PATTERN,
  DAYPARTS,
  type Day,
  type Daypart,
  DAYS,
  DemandProfileDto,
  INSTRUMENTS,
  type Instrument,
  LANGUAGE_LEVELS,
  type LanguageLevel,
  LocationDto,
  VACANCY_STATUSES,
  type VacancyStatus,
} from '@werkbrug/domain';
import { PageQuery } from '@werkbrug/http';

const CODE = /^[a-z][a-z0-9-]{1,39}$/;

/** Fields shared by create and update; on update every field is optional. */
export class VacancyFields {
  @ApiProperty({ example: 'groen', description: 'Werksoort code' })
  @Matches(CODE, { message: 'werksoort must be a werksoort code' })
  werksoort!: string;

  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) title!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(10_000) description?: string;

  @ApiProperty({ type: LocationDto })
  @IsObject()
  @ValidateNested()
  @Type(() => LocationDto)
  location!: LocationDto;

  @ApiProperty({ enum: ARRANGEMENTS, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(ARRANGEMENTS, { each: true })
  arrangements!: Arrangement[];

  @ApiProperty({ minimum: 1, maximum: 40 }) @IsInt() @Min(1) @Max(40) hoursMin!: number;
  @ApiProperty({ minimum: 1, maximum: 40 }) @IsInt() @Min(1) @Max(40) hoursMax!: number;

  @ApiProperty({ enum: DAYS, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(DAYS, { each: true })
  workingDays!: Day[];

  @ApiProperty({
    enum: DAYPARTS,
    isArray: true,
    description: 'Time windows: ochtend 6–12, middag 12–18, avond 18–24, nacht 0–6',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(DAYPARTS, { each: true })
  dayparts!: Daypart[];

  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() hoursAdjustable?: boolean;
  @ApiPropertyOptional({ description: 'How hours can be adjusted' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  hoursAdjustmentNote?: string;

  @ApiPropertyOptional({ type: [String], example: ['heftruck'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @Matches(CERTIFICATE_PATTERN, {
    each: true,
    message: 'certificates are lowercase codes such as heftruck',
  })
  requiredCertificates?: string[];

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @Matches(CERTIFICATE_PATTERN, {
    each: true,
    message: 'certificates are lowercase codes such as vca',
  })
  desiredCertificates?: string[];

  @ApiPropertyOptional({ enum: LANGUAGE_LEVELS, default: 'geen' })
  @IsOptional()
  @IsIn(LANGUAGE_LEVELS)
  minLanguageLevel?: LanguageLevel;

  @ApiProperty({ type: DemandProfileDto })
  @IsObject()
  @ValidateNested()
  @Type(() => DemandProfileDto)
  demands!: DemandProfileDto;

  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() jobcoachWelcome?: boolean;
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() buddyAvailable?: boolean;
  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  wheelchairAccessible?: boolean;
  @ApiPropertyOptional({ default: 1, minimum: 1, maximum: 500 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(500)
  places?: number;
  @ApiPropertyOptional({ example: '2026-12-01' })
  @IsOptional()
  @IsDateString({ strict: true })
  startDate?: string;
  @ApiPropertyOptional({ enum: VACANCY_STATUSES, default: 'open' })
  @IsOptional()
  @IsIn(VACANCY_STATUSES)
  status?: VacancyStatus;

  @ApiPropertyOptional({ enum: INSTRUMENTS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(INSTRUMENTS, { each: true })
  instruments?: Instrument[];
}

export class CreateVacancyDto extends VacancyFields {
  @ApiPropertyOptional({
    description: 'Required for admins and werkmakelaars; werkgevers post for their own employer.',
  })
  @IsOptional()
  @IsUUID()
  employerId?: string;
}

/** Every field optional; PartialType keeps the validation rules and marks them optional. */
export class UpdateVacancyDto extends PartialType(VacancyFields) {
  @ApiPropertyOptional({ description: 'Alternative to If-Match.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class VacancyListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: VACANCY_STATUSES })
  @IsOptional()
  @IsIn(VACANCY_STATUSES)
  status?: VacancyStatus;
  @ApiPropertyOptional({ description: 'Werksoort code' })
  @IsOptional()
  @Matches(CODE)
  werksoort?: string;
  @ApiPropertyOptional({ description: 'ISCO-08 unit group of the werksoort', example: '9112' })
  @IsOptional()
  @Matches(ISCO_PATTERN, { message: 'isco must be an ISCO-08 unit group of 4 digits' })
  isco?: string;
  @ApiPropertyOptional({ enum: ARRANGEMENTS })
  @IsOptional()
  @IsIn(ARRANGEMENTS)
  arrangement?: Arrangement;
  @ApiPropertyOptional() @IsOptional() @IsUUID() employerId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) place?: string;
}
