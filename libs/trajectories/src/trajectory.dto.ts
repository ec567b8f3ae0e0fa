import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  Validate,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { ROUTES, type Route } from '@werkbrug/domain';
import {
  DECIDED_BY,
  GOAL_STATUSES,
  TRAJECTORY_OUTCOMES,
  TRAJECTORY_STATUSES,
  WORK_FORMS,
  type DecidedBy,
  type GoalStatus,
  type TrajectoryOutcome,
  type TrajectoryStatus,
  type WorkForm,
} from './vocabulary';

/**
 * At most one decimal. Not IsNumber's maxDecimalPlaces: it splits the number's text on '.', and a
 * number written with an exponent (1e-9) has none, which throws inside class-validator (a 500).
 */
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

/** Who coaches and where: offered again when the person switches back to this form. */
class FormDetailsFields {
  @ApiPropertyOptional({ description: 'The jobcoach in this form of work' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  jobcoachName?: string;
  @ApiPropertyOptional({ description: 'The workplace (vacancy) in this form of work' })
  @IsOptional()
  @IsUUID()
  vacancyId?: string;
  @ApiPropertyOptional({ description: 'The workplace in words, when it is not a vacancy here' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  workplace?: string;
}

export class CreateTrajectoryDto extends FormDetailsFields {
  @ApiProperty() @IsUUID() candidateId!: string;
  @ApiProperty({ enum: ROUTES }) @IsIn(ROUTES) route!: Route;
  @ApiProperty({ example: '2026-09-01' }) @IsDateString({ strict: true }) startDate!: string;
  @ApiPropertyOptional({ description: 'Werksoort code the track works in' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  werksoort?: string;
  @ApiPropertyOptional({ enum: WORK_FORMS, description: 'The form of work at the start' })
  @IsOptional()
  @IsIn(WORK_FORMS)
  form?: WorkForm;
}

export class EndTrajectoryDto {
  @ApiProperty({ enum: TRAJECTORY_OUTCOMES })
  @IsIn(TRAJECTORY_OUTCOMES)
  outcome!: TrajectoryOutcome;
  @ApiProperty({ example: '2027-03-01' }) @IsDateString({ strict: true }) endDate!: string;
  @ApiPropertyOptional({
    description: 'The person moved to another gemeente (the funnel counts it)',
  })
  @IsOptional()
  @IsBoolean()
  movedAway?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) version?: number;
}

export class LogHoursDto {
  @ApiProperty({ example: '2026-11-23', description: 'The Monday of the week' })
  @IsDateString({ strict: true })
  weekStart!: string;
  @ApiProperty({ minimum: 0.5, maximum: 80, example: 16 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Validate(IsTenths)
  @Min(0.5)
  @Max(80)
  hours!: number;
  @ApiPropertyOptional({
    description:
      'Why the hour limit may be passed this time; without it, hours beyond the limit are refused',
  })
  @IsOptional()
  @IsString()
  @MinLength(3)
  @MaxLength(1000)
  overrideReason?: string;
}

export class CreateGoalDto {
  @ApiProperty({ example: 'Op tijd komen en afmelden bij ziekte' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  description!: string;
  @ApiPropertyOptional({ example: '2027-01-15' })
  @IsOptional()
  @IsDateString({ strict: true })
  evaluationDate?: string;
  @ApiPropertyOptional({ enum: GOAL_STATUSES, default: 'open' })
  @IsOptional()
  @IsIn(GOAL_STATUSES)
  status?: GoalStatus;
}

export class UpdateGoalDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  description?: string;
  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsDateString({ strict: true })
  evaluationDate?: string;
  @ApiPropertyOptional({ enum: GOAL_STATUSES })
  @IsOptional()
  @IsIn(GOAL_STATUSES)
  status?: GoalStatus;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) version?: number;
}

export class CreateTransitionDto extends FormDetailsFields {
  @ApiProperty({ enum: WORK_FORMS }) @IsIn(WORK_FORMS) toForm!: WorkForm;
  @ApiProperty({ example: '2026-12-01' }) @IsDateString({ strict: true }) switchedOn!: string;
  @ApiProperty({ example: 'Wil weer meer structuur' })
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  reason!: string;
  @ApiProperty({ enum: DECIDED_BY }) @IsIn(DECIDED_BY) decidedBy!: DecidedBy;
}

export class CreateLadderMeasurementDto {
  @ApiProperty({ minimum: 1, maximum: 6 }) @IsInt() @Min(1) @Max(6) rung!: number;
  @ApiProperty({ example: '2026-11-20' }) @IsDateString({ strict: true }) measuredOn!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() trajectoryId?: string;
}

export class TrajectoryListQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() candidateId?: string;
  @ApiPropertyOptional({ enum: TRAJECTORY_STATUSES })
  @IsOptional()
  @IsIn(TRAJECTORY_STATUSES)
  status?: TrajectoryStatus;
}

/** One page of the werkmakelaar's trajectory list (TrajectoriesService.page; not an API parameter set). */
export interface TrajectoryPageQuery {
  /** Part of a pseudonym, of a name of the werkmakelaar's own caseload, or of the workplace. */
  q?: string;
  statuses?: readonly TrajectoryStatus[];
  limit: number;
  offset?: number;
}

export class CreateTrajectoryRuleDto {
  @ApiProperty() @IsUUID() organisationId!: string;
  @ApiProperty({ example: 100 }) @IsInt() @Min(1) @Max(2000) diagnosisHours!: number;
  @ApiProperty({ example: 350 }) @IsInt() @Min(1) @Max(2000) blockHours!: number;
  @ApiProperty({ example: 800 }) @IsInt() @Min(1) @Max(5000) maxHours!: number;
  @ApiProperty({ example: 40, description: 'Warn this many hours before an evaluation or the end' })
  @IsInt()
  @Min(0)
  @Max(500)
  warnWithinHours!: number;
  @ApiProperty({ example: '2026-01-01' }) @IsDateString({ strict: true }) validFrom!: string;
  @ApiPropertyOptional({
    example: '2026-12-31',
    description:
      'The last day the rule is known to hold; default 31 December of the year it starts',
  })
  @IsOptional()
  @IsDateString({ strict: true })
  knownUntil?: string;
  @ApiProperty({ description: 'Where the rule comes from, quoted when hours are refused' })
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  source!: string;
}

export class TrajectoryRuleQuery {
  @ApiPropertyOptional({ description: 'Administrators: one organisation' })
  @IsOptional()
  @IsUUID()
  organisationId?: string;
}
