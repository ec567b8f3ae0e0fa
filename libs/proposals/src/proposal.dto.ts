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
} from 'class-validator';
import { Transform } from 'class-transformer';
import { PageQuery } from '@werkbrug/http';
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
    description: 'Required when interested',
  })
  @IsOptional()
  @IsIn(MEETING_KINDS)
  meetingKind?: MeetingKind;

  @ApiPropertyOptional({
    type: [String],
    example: ['2026-12-01T10:00:00+01:00'],
    description: 'Proposed dates',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5)
  @IsDateString({ strict: true }, { each: true })
  meetingDates?: string[];

  @ApiPropertyOptional({ enum: DECLINE_CODES, description: 'Required when declined' })
  @IsOptional()
  @IsIn(DECLINE_CODES)
  reason?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class StatusChangeDto {
  @ApiProperty({ enum: PROPOSAL_STATUSES }) @IsIn(PROPOSAL_STATUSES) status!: ProposalStatus;
  @ApiPropertyOptional({ enum: DECLINE_CODES }) @IsOptional() @IsIn(DECLINE_CODES) reason?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
  @ApiPropertyOptional({ type: [String], description: 'New dates, when moving to meeloopdag' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
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
  @ApiPropertyOptional({
    description:
      "Search (part of a word): the candidate's pseudonym, the workplace's title or the employer's name; for a werkmakelaar also the names of their own caseload.",
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export const meetingDates = (dates: string[] | undefined) => (dates ?? []).map((d) => new Date(d));
