import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsDateString,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { Transform, Type } from 'class-transformer';
import { PageQuery } from '@werkbrug/http';
import { MeetingOptionDto } from './meeting.dto';
import { MAX_MEETING_OPTIONS } from './meeting-status';
import {
  DECLINE_REASONS,
  EMPLOYER_ANSWERS,
  MEETING_KINDS,
  PROPOSAL_STATUSES,
  type EmployerAnswer,
  type MeetingKind,
  type ProposalStatus,
  SHAREABLE,
  type Shareable,
} from './proposal-status';

export class CreateProposalDto {
  @ApiProperty() @IsUUID() candidateId!: string;
  @ApiProperty() @IsUUID() vacancyId!: string;
  @ApiProperty({
    description: 'Why this workplace fits; shown to the candidate and, after consent, the employer',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  motivation!: string;
}

export class ConsentDto {
  @ApiProperty({
    enum: SHAREABLE,
    isArray: true,
    description: 'Shared on top of the anonymous work profile',
  })
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(SHAREABLE.length)
  @IsIn(SHAREABLE, { each: true })
  share!: Shareable[];

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 365,
    default: 90,
    description: 'How long the consent lasts',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  validForDays?: number;
}

const DECLINE_CODES = Object.keys(DECLINE_REASONS);

export class EmployerAnswerDto {
  @ApiProperty({ enum: EMPLOYER_ANSWERS })
  @IsIn(EMPLOYER_ANSWERS)
  answer!: EmployerAnswer;

  @ApiPropertyOptional({
    enum: MEETING_KINDS,
    description: 'Required when interested; refused otherwise',
  })
  @IsOptional()
  @IsIn(MEETING_KINDS)
  meetingKind?: MeetingKind;

  @ApiPropertyOptional({
    type: [MeetingOptionDto],
    minItems: 1,
    maxItems: MAX_MEETING_OPTIONS,
    description:
      'When interested: the moments offered (when, where, with whom). Or give meetingDates. Refused otherwise.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_MEETING_OPTIONS)
  @ValidateNested({ each: true })
  @Type(() => MeetingOptionDto)
  meetingOptions?: MeetingOptionDto[];

  @ApiPropertyOptional({
    type: [String],
    example: ['2026-12-01T10:00:00+01:00'],
    maxItems: MAX_MEETING_OPTIONS,
    description:
      'When interested, instead of meetingOptions: start times only (a kennismaking lasts an hour, a meeloopdag four), at `place` with `withWhom` (default: the workplace and its contact). Refused otherwise.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_MEETING_OPTIONS)
  @IsDateString({ strict: true }, { each: true })
  meetingDates?: string[];

  @ApiPropertyOptional({ maxLength: 200, description: 'Where, for meetingDates' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  place?: string;

  @ApiPropertyOptional({ maxLength: 200, description: 'With whom, for meetingDates' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  withWhom?: string;

  @ApiPropertyOptional({
    enum: DECLINE_CODES,
    description: 'Required when declined; refused otherwise',
  })
  @IsOptional()
  @IsIn(DECLINE_CODES)
  reason?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class StatusChangeDto {
  @ApiProperty({ enum: PROPOSAL_STATUSES }) @IsIn(PROPOSAL_STATUSES) status!: ProposalStatus;
  @ApiPropertyOptional({ enum: DECLINE_CODES }) @IsOptional() @IsIn(DECLINE_CODES) reason?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
  @ApiPropertyOptional({
    type: [String],
    maxItems: MAX_MEETING_OPTIONS,
    description:
      'When moving to meeloopdag: start times of the moments offered (four hours each, at the workplace); POST /{id}/meetings says more',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_MEETING_OPTIONS)
  @IsDateString({ strict: true }, { each: true })
  meetingDates?: string[];
}

export class ProposalListQuery extends PageQuery {
  @ApiPropertyOptional({
    type: String,
    description: `One status, or several separated by commas (${PROPOSAL_STATUSES.join(', ')}).`,
    example: 'geplaatst,afgewezen,ingetrokken',
  })
  @IsOptional()
  // A list in one parameter, so a page can ask for a group (e.g. everything closed) and keep paging.
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.split(',') : value,
  )
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(PROPOSAL_STATUSES.length)
  @IsIn(PROPOSAL_STATUSES, { each: true })
  status?: ProposalStatus[];
  @ApiPropertyOptional() @IsOptional() @IsUUID() vacancyId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() candidateId?: string;
}

export const meetingDates = (dates: string[] | undefined) => (dates ?? []).map((d) => new Date(d));
