import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  Equals,
  IsArray,
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
} from 'class-validator';
import { Transform } from 'class-transformer';
import { ARRANGEMENTS, INSTRUMENTS } from '@werkbrug/domain';
import { PageQuery } from '@werkbrug/http';
import { CHECKIN_KINDS, type CheckinKind } from './checkin.entity';
import {
  CONFIRMATION_STATES,
  OUTCOMES,
  PLACEMENT_STATUSES,
  type ConfirmationState,
  type Outcome,
  type PlacementStatus,
} from './placement.entity';

export class CreatePlacementDto {
  @ApiPropertyOptional({
    description: 'The proposal this placement follows (it becomes geplaatst)',
  })
  @IsOptional()
  @IsUUID()
  proposalId?: string;
  @ApiPropertyOptional({ description: 'Without a proposal: the candidate' })
  @IsOptional()
  @IsUUID()
  candidateId?: string;
  @ApiPropertyOptional({ description: 'Without a proposal: the vacancy' })
  @IsOptional()
  @IsUUID()
  vacancyId?: string;
  @ApiPropertyOptional({
    type: 'boolean',
    example: true,
    description:
      'Without a proposal: must be true once the candidate agreed to this placement and to the employer seeing it ' +
      '(pseudonym, dates, arrangement). Recorded with who confirmed it and when.',
  })
  @IsOptional()
  @Equals(true, { message: 'candidateConsent must be true' })
  candidateConsent?: true;
  @ApiProperty({ enum: ARRANGEMENTS }) @IsIn(ARRANGEMENTS) arrangement!: string;
  @ApiProperty({ example: '2026-12-01' }) @IsDateString({ strict: true }) startDate!: string;
  @ApiPropertyOptional({ description: 'Defaults to the rule of the arrangement' })
  @IsOptional()
  @IsDateString({ strict: true })
  plannedEndDate?: string;
  @ApiProperty({ minimum: 1, maximum: 40 }) @IsInt() @Min(1) @Max(40) hoursPerWeek!: number;
  @ApiPropertyOptional() @IsOptional() @IsUUID() jobcoachUserId?: string;
  @ApiPropertyOptional({ description: 'An external jobcoach' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  jobcoachName?: string;
  @ApiPropertyOptional({ enum: INSTRUMENTS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(INSTRUMENTS, { each: true })
  instruments?: string[];
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(24)
  @IsDateString({ strict: true }, { each: true })
  evaluationDates?: string[];
}

export class ExtendPlacementDto {
  @ApiProperty({ example: '2027-05-01' }) @IsDateString({ strict: true }) plannedEndDate!: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) version?: number;
}

export class EndPlacementDto {
  @ApiProperty({ enum: OUTCOMES }) @IsIn(OUTCOMES) outcome!: Outcome;
  @ApiProperty({ example: '2027-02-01' }) @IsDateString({ strict: true }) endedOn!: string;
  @ApiPropertyOptional({ description: 'For a contract: its length' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(600)
  contractMonths?: number;
  @ApiPropertyOptional({ description: 'For a contract: hours per week' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(40)
  contractHours?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) version?: number;
}

/** The employer confirms the placement as it stands (the version they saw). */
export class ConfirmPlacementDto {
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) version?: number;
}

/** The employer asks for a change before confirming: what should change. */
export class RequestPlacementChangeDto {
  @ApiProperty({ example: 'Graag starten op maandag 4 januari, en 20 uur per week.' })
  @IsString()
  @Matches(/\S/, { message: 'note must say what should change' })
  @MaxLength(2000)
  note!: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) version?: number;
}

/** The werkmakelaar records that the employer agreed by phone: when, and a note. */
export class RecordPhoneAgreementDto {
  @ApiProperty({ example: '2026-12-03', description: 'The day of the call: today or earlier' })
  @IsDateString({ strict: true })
  agreedOn!: string;
  @ApiProperty({ example: 'Gebeld met Gert Groen: akkoord met start en uren.' })
  @IsString()
  @Matches(/\S/, { message: 'note must not be empty' })
  @MaxLength(2000)
  note!: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) version?: number;
}

/**
 * The werkmakelaar adjusts a placement the employer has not confirmed yet (start, hours, planned end)
 * and asks the employer again.
 */
export class AdjustPlacementDto {
  @ApiProperty({ example: '2027-01-04' }) @IsDateString({ strict: true }) startDate!: string;
  @ApiPropertyOptional({ description: 'Defaults to the rule of the arrangement' })
  @IsOptional()
  @IsDateString({ strict: true })
  plannedEndDate?: string;
  @ApiProperty({ minimum: 1, maximum: 40 }) @IsInt() @Min(1) @Max(40) hoursPerWeek!: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) version?: number;
}

export class CreateCheckinDto {
  @ApiProperty() @IsUUID() candidateId!: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() placementId?: string;
  @ApiProperty({ example: '2026-11-20' }) @IsDateString({ strict: true }) contactOn!: string;
  @ApiProperty({ enum: CHECKIN_KINDS }) @IsIn(CHECKIN_KINDS) kind!: CheckinKind;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) note?: string;
}

export class PlacementListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: PLACEMENT_STATUSES })
  @IsOptional()
  @IsIn(PLACEMENT_STATUSES)
  status?: PlacementStatus;
  @ApiPropertyOptional({
    type: String,
    description: `Whether the employer confirmed: one state, or several separated by commas (${CONFIRMATION_STATES.join(', ')}).`,
    example: 'te_bevestigen,wijziging_gevraagd',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.split(',') : value,
  )
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(CONFIRMATION_STATES.length)
  @IsIn(CONFIRMATION_STATES, { each: true })
  confirmation?: ConfirmationState[];
  @ApiPropertyOptional() @IsOptional() @IsUUID() candidateId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() vacancyId?: string;
  @ApiPropertyOptional({
    description:
      "Search (part of a word): the candidate's pseudonym, the workplace's title or the employer's name; for a werkmakelaar also the names of their own caseload.",
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
  @ApiPropertyOptional({ description: 'The placement that followed this proposal' })
  @IsOptional()
  @IsUUID()
  proposalId?: string;
}

export class CreateRuleDto {
  @ApiProperty({ enum: ARRANGEMENTS }) @IsIn(ARRANGEMENTS) arrangement!: string;
  @ApiProperty() @IsInt() @Min(1) @Max(60) initialMonths!: number;
  @ApiProperty() @IsInt() @Min(1) @Max(120) maxTotalMonths!: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(120) minContractIntentMonths?: number;
  @ApiProperty({ example: '2027-01-01' }) @IsDateString({ strict: true }) validFrom!: string;
  @ApiPropertyOptional({
    example: '2027-12-31',
    description:
      'The last day the rule is known to hold; default 31 December of the year it starts',
  })
  @IsOptional()
  @IsDateString({ strict: true })
  knownUntil?: string;
  @ApiProperty({ description: 'Where the rule comes from, quoted when a placement is refused' })
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  source!: string;
}
