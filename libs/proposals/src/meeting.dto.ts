import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDateString,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { MAX_MEETING_OPTIONS, MEETING_OUTCOMES, type MeetingOutcome } from './meeting-status';
import { MEETING_KINDS, type MeetingKind } from './proposal-status';

/** One moment offered for a kennismaking or meeloopdag. */
export class MeetingOptionDto {
  @ApiProperty({ example: '2026-12-15T10:00:00+01:00', description: 'Start, with its offset' })
  @IsDateString({ strict: true })
  startsAt!: string;

  @ApiProperty({ example: '2026-12-15T11:00:00+01:00', description: 'End, the same day' })
  @IsDateString({ strict: true })
  endsAt!: string;

  @ApiProperty({ example: 'Kaasmakerij De Wit, Dorpsstraat 1, Gouda', maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  place!: string;

  @ApiProperty({ example: 'Anja de Wit', description: 'Who the candidate meets', maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  withWhom!: string;
}

/** The version a change was based on: If-Match or this field (optional; a stale one is 409). */
class VersionedDto {
  @ApiPropertyOptional({ minimum: 1, description: 'Alternative to If-Match.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

const optionsProperty: ApiPropertyOptions = {
  type: [MeetingOptionDto],
  minItems: 1,
  maxItems: MAX_MEETING_OPTIONS,
  description: `One to ${MAX_MEETING_OPTIONS} moments, in the future`,
};

export class OfferMeetingDto {
  @ApiProperty({
    enum: MEETING_KINDS,
    description:
      "The proposal's current step, or meeloopdag after a kennismaking (the proposal moves on)",
  })
  @IsIn(MEETING_KINDS)
  kind!: MeetingKind;

  @ApiProperty(optionsProperty)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_MEETING_OPTIONS)
  @ValidateNested({ each: true })
  @Type(() => MeetingOptionDto)
  options!: MeetingOptionDto[];
}

export class PickMeetingDto extends VersionedDto {
  @ApiProperty({ description: 'One of the offered moments that can still be picked' })
  @IsUUID()
  optionId!: string;
}

export class MoveMeetingDto extends VersionedDto {
  @ApiPropertyOptional({
    ...optionsProperty,
    description:
      'New moments (employer or werkmakelaar; required for the employer). Without them the agreed moment is dropped and the others are asked for new moments; the candidate always moves this way.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_MEETING_OPTIONS)
  @ValidateNested({ each: true })
  @Type(() => MeetingOptionDto)
  options?: MeetingOptionDto[];

  @ApiPropertyOptional({
    maxLength: 500,
    description: 'Why; the employer never sees another side’s reason',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class CancelMeetingDto extends VersionedDto {
  @ApiProperty({
    maxLength: 500,
    description: 'Why; the employer never sees another side’s reason',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason!: string;
}

export class MeetingOutcomeDto extends VersionedDto {
  @ApiProperty({ enum: MEETING_OUTCOMES, description: 'How it went, for the caller’s own side' })
  @IsIn(MEETING_OUTCOMES)
  outcome!: MeetingOutcome;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

/** Options as instants, for the service and the rules (momentProblems). */
export const momentsOf = (options: readonly MeetingOptionDto[]) =>
  options.map((o) => ({
    startsAt: new Date(o.startsAt),
    endsAt: new Date(o.endsAt),
    place: o.place.trim(),
    withWhom: o.withWhom.trim(),
  }));
