import { ApiProperty } from '@nestjs/swagger';
import { MEETING_OUTCOMES, MEETING_SIDES, MEETING_STATUSES } from './meeting-status';
import type { MeetingOutcome, MeetingSide, MeetingStatus } from './meeting-status';
import { MEETING_ACTIONS, type MeetingAction } from './meeting.views';
import { MEETING_KINDS, type MeetingKind } from './proposal-status';

/* Response classes for the OpenAPI document; keep them in step with meeting.views.ts (MeetingView). */

export class MeetingOptionResponse {
  @ApiProperty({ type: String, format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, format: 'date-time' }) startsAt!: string;
  @ApiProperty({ type: String, format: 'date-time' }) endsAt!: string;
  @ApiProperty({ type: String }) place!: string;
  @ApiProperty({ type: String }) withWhom!: string;
  @ApiProperty({
    type: Boolean,
    description: 'Can still be picked: in the future, and nobody said they cannot come',
  })
  available!: boolean;
}

export class MeetingMovedResponse {
  @ApiProperty({ enum: MEETING_SIDES }) byRole!: MeetingSide;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Not shown to the employer unless theirs',
  })
  reason!: string | null;
}

export class MeetingCancelledResponse {
  @ApiProperty({ enum: MEETING_SIDES }) byRole!: MeetingSide;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Not shown to the employer unless theirs',
  })
  reason!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) at!: string;
}

export class MeetingOutcomeResponse {
  @ApiProperty({ enum: MEETING_SIDES }) side!: MeetingSide;
  @ApiProperty({ enum: MEETING_OUTCOMES }) outcome!: MeetingOutcome;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) recordedAt!: string;
}

export class MeetingResponse {
  @ApiProperty({ type: String, format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, format: 'uuid' }) proposalId!: string;
  @ApiProperty({ enum: MEETING_KINDS }) kind!: MeetingKind;
  @ApiProperty({ enum: MEETING_STATUSES }) status!: MeetingStatus;
  @ApiProperty({ type: MeetingOptionResponse, isArray: true, description: 'The current offer' })
  options!: MeetingOptionResponse[];
  @ApiProperty({ type: MeetingOptionResponse, nullable: true, description: 'The agreed moment' })
  chosen!: MeetingOptionResponse | null;
  @ApiProperty({ enum: MEETING_SIDES }) offeredByRole!: MeetingSide;
  @ApiProperty({ enum: MEETING_SIDES, nullable: true }) pickedByRole!: MeetingSide | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) pickedAt!: string | null;
  @ApiProperty({ type: MeetingMovedResponse, nullable: true }) moved!: MeetingMovedResponse | null;
  @ApiProperty({ type: MeetingCancelledResponse, nullable: true })
  cancelled!: MeetingCancelledResponse | null;
  @ApiProperty({
    type: MeetingOutcomeResponse,
    isArray: true,
    description: "The werkmakelaar sees every side's; the employer and the candidate their own",
  })
  outcomes!: MeetingOutcomeResponse[];
  @ApiProperty({ enum: MEETING_ACTIONS, isArray: true, description: 'What the caller may do now' })
  allowedActions!: MeetingAction[];
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ type: Number }) version!: number;
}
