import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ISCO_PATTERN } from '@werkbrug/werksoorten';
import {
  Validate,
  ValidatorConstraint,
  ValidatorConstraintInterface,
  IsObject,
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDateString,
  IsEmail,
  IsIn,
  IsInt,
  IsNumber,
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
  BENEFIT_TYPES,
  type BenefitType,
  CERTIFICATE_PATTERN,
  DAYPARTS,
  type Day,
  type Daypart,
  DAYS,
  DemandProfileDto,
  LANGUAGE_LEVELS,
  type LanguageLevel,
  ROUTES,
  type Route,
  TRAVEL_MODES,
  type TravelMode,
} from '@werkbrug/domain';
import { IsDutchPostcode } from '@werkbrug/domain';
import { PageQuery } from '@werkbrug/http';

const CODE = /^[a-z][a-z0-9-]{1,39}$/;

/** At most one decimal (0.5 km steps and the like); also safe for numbers written with an exponent. */
@ValidatorConstraint({ name: 'isTenths' })
class IsTenths implements ValidatorConstraintInterface {
  validate(value: unknown) {
    return (
      typeof value === 'number' &&
      Number.isFinite(value) &&
      Math.abs(Math.round(value * 10) / 10 - value) < 1e-9
    );
  }
  defaultMessage() {
    return '$property may have at most one decimal';
  }
}

/** The home area: postcode (looked up to coordinates) or explicit coordinates in the Netherlands. */
export class HomeAreaDto {
  @ApiProperty({ example: '3441 AB' }) @IsDutchPostcode() postcode!: string;
  @ApiPropertyOptional({ example: 'Woerden' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  place?: string;
  @ApiPropertyOptional() @IsOptional() @IsNumber() @Min(50.75) @Max(53.55) lat?: number;
  @ApiPropertyOptional() @IsOptional() @IsNumber() @Min(3.35) @Max(7.25) lng?: number;
}

export class SupportNeedsDto {
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() jobcoach?: boolean;
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() buddy?: boolean;
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() wheelchairAccess?: boolean;
}

/** The work profile: shareable in anonymous form. */
export class WorkProfileFields {
  @ApiProperty({
    type: [String],
    example: ['groen', 'productie'],
    description: 'Werksoort codes in order of preference',
  })
  @IsArray()
  @ArrayMaxSize(7)
  @ArrayUnique()
  @Matches(CODE, { each: true, message: 'werksoortWishes holds werksoort codes' })
  werksoortWishes!: string[];

  @ApiPropertyOptional({ example: 'buiten werken met planten' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  interests?: string;
  @ApiProperty({ minimum: 1, maximum: 40 }) @IsInt() @Min(1) @Max(40) hoursMin!: number;
  @ApiProperty({ minimum: 1, maximum: 40 }) @IsInt() @Min(1) @Max(40) hoursMax!: number;

  @ApiProperty({ enum: DAYS, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(DAYS, { each: true })
  days!: Day[];

  @ApiProperty({ enum: DAYPARTS, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(DAYPARTS, { each: true })
  dayparts!: Daypart[];

  @ApiProperty({ type: HomeAreaDto })
  @IsObject()
  @ValidateNested()
  @Type(() => HomeAreaDto)
  homeArea!: HomeAreaDto;
  @ApiProperty({ enum: TRAVEL_MODES }) @IsIn(TRAVEL_MODES) travelMode!: TravelMode;
  @ApiPropertyOptional({ description: 'Maximum travel distance; defaults per travel mode' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Validate(IsTenths)
  @Min(0.5)
  @Max(200)
  maxTravelKm?: number;
  @ApiPropertyOptional({
    description: 'Maximum travel time; converted with the speed of the travel mode',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(180)
  maxTravelMinutes?: number;

  @ApiProperty({ minimum: 1, maximum: 6, description: 'Participatieladder rung' })
  @IsInt()
  @Min(1)
  @Max(6)
  ladderRung!: number;
  @ApiProperty({ example: '2026-10-01' }) @IsDateString({ strict: true }) ladderMeasuredOn!: string;
  @ApiProperty({ enum: ROUTES }) @IsIn(ROUTES) route!: Route;

  @ApiPropertyOptional({
    enum: ARRANGEMENTS,
    isArray: true,
    description: 'Overrides the defaults for the rung',
  })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(ARRANGEMENTS, { each: true })
  arrangements?: Arrangement[];

  @ApiPropertyOptional({ type: [String], example: ['heftruck'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @ArrayUnique()
  @Matches(CERTIFICATE_PATTERN, {
    each: true,
    message: 'certificates are lowercase codes such as heftruck',
  })
  certificates?: string[];

  @ApiPropertyOptional({ enum: LANGUAGE_LEVELS, default: 'geen' })
  @IsOptional()
  @IsIn(LANGUAGE_LEVELS)
  languageLevel?: LanguageLevel;

  @ApiProperty({
    type: DemandProfileDto,
    description: 'The most the candidate can take on, per aspect',
  })
  @IsObject()
  @ValidateNested()
  @Type(() => DemandProfileDto)
  abilities!: DemandProfileDto;

  @ApiPropertyOptional({ type: SupportNeedsDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => SupportNeedsDto)
  supportNeeds?: SupportNeedsDto;

  @ApiPropertyOptional({ description: 'End of the trajectory; starts the retention period' })
  @IsOptional()
  @IsDateString({ strict: true })
  trajectoryEndedOn?: string;
}

/** Protected data: personal, contact and benefit details. */
export class PersonalDataDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(100) firstName!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(100) lastName!: string;
  @ApiPropertyOptional() @IsOptional() @IsEmail() @MaxLength(254) email?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^[+0-9][0-9 ()-]{7,19}$/, { message: 'phone is not a phone number' })
  phone?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) address?: string;
  @ApiPropertyOptional({ example: '1990-05-17' })
  @IsOptional()
  @IsDateString({ strict: true })
  dateOfBirth?: string;
  @ApiPropertyOptional({ enum: BENEFIT_TYPES })
  @IsOptional()
  @IsIn(BENEFIT_TYPES)
  benefitType?: BenefitType;
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() banenafspraak?: boolean;
  @ApiPropertyOptional({ minimum: 0, maximum: 100 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  loonwaardePct?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(10_000) notes?: string;
}

export class CreateCandidateDto extends WorkProfileFields {
  @ApiProperty({ type: PersonalDataDto })
  @IsObject()
  @ValidateNested()
  @Type(() => PersonalDataDto)
  personal!: PersonalDataDto;
  @ApiPropertyOptional({ description: 'Defaults to the creating werkmakelaar' })
  @IsOptional()
  @IsUUID()
  werkmakelaarId?: string;
}

export class UpdatePersonalDataDto extends PartialType(PersonalDataDto) {}

export class UpdateCandidateDto extends PartialType(WorkProfileFields) {
  @ApiPropertyOptional({ type: UpdatePersonalDataDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => UpdatePersonalDataDto)
  personal?: UpdatePersonalDataDto;
  @ApiPropertyOptional() @IsOptional() @IsUUID() werkmakelaarId?: string;
  @ApiPropertyOptional({ description: 'Alternative to If-Match.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class CandidateListQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() werkmakelaarId?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 6 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(6)
  ladderRung?: number;
  @ApiPropertyOptional({ enum: ROUTES }) @IsOptional() @IsIn(ROUTES) route?: Route;
  @ApiPropertyOptional({ description: 'Has this werksoort among the wishes' })
  @IsOptional()
  @Matches(CODE)
  werksoort?: string;
  @ApiPropertyOptional({
    description: 'Has a werksoort of this ISCO-08 unit group among the wishes',
    example: '9112',
  })
  @IsOptional()
  @Matches(ISCO_PATTERN, { message: 'isco must be an ISCO-08 unit group of 4 digits' })
  isco?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) place?: string;
}

/** What a kandidaat may change in their own file; the rest is the werkmakelaar's assessment. */
export const CANDIDATE_SELF_EDITABLE = new Set([
  'werksoortWishes',
  'interests',
  'hoursMin',
  'hoursMax',
  'days',
  'dayparts',
  'homeArea',
  'travelMode',
  'maxTravelKm',
  'maxTravelMinutes',
  'certificates',
  'supportNeeds',
  'personal',
  'version',
]);
export const PERSONAL_SELF_EDITABLE = new Set([
  'firstName',
  'lastName',
  'email',
  'phone',
  'address',
]);
