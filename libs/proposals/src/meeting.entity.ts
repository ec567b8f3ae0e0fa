import { Column, Entity } from 'typeorm';
import { BaseEntity } from '@werkbrug/database';
import type { MeetingKind } from './proposal-status';
import type { MeetingOutcome, MeetingSide, MeetingStatus } from './meeting-status';

/** A kennismaking or meeloopdag of a proposal: the moments offered, the one picked, its end. */
@Entity('meetings')
export class Meeting extends BaseEntity {
  @Column({ type: 'uuid' }) proposalId!: string;
  @Column({ type: 'text' }) kind!: MeetingKind;
  @Column({ type: 'text' }) status!: MeetingStatus;
  /** The current round of moments (moving offers a new round). */
  @Column({ type: 'int' }) round!: number;
  @Column({ type: 'uuid', nullable: true }) chosenOptionId!: string | null;
  @Column({ type: 'uuid', nullable: true }) offeredByUserId!: string | null;
  @Column({ type: 'text' }) offeredByRole!: MeetingSide;
  @Column({ type: 'uuid', nullable: true }) pickedByUserId!: string | null;
  @Column({ type: 'text', nullable: true }) pickedByRole!: MeetingSide | null;
  @Column({ type: 'timestamptz', nullable: true }) pickedAt!: Date | null;
  @Column({ type: 'text', nullable: true }) movedByRole!: MeetingSide | null;
  @Column({ type: 'text', nullable: true }) moveReason!: string | null;
  @Column({ type: 'text', nullable: true }) cancelledByRole!: MeetingSide | null;
  @Column({ type: 'text', nullable: true }) cancelReason!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) cancelledAt!: Date | null;
  /** The SEQUENCE of the next calendar message (RFC 5545): each one goes out higher than the last. */
  @Column({ type: 'int' }) icsSequence!: number;
  /** The start of the chosen moment the day-before reminder went out for (a moved moment is reminded again). */
  @Column({ type: 'timestamptz', nullable: true }) reminderSentFor!: Date | null;
}

/** One offered moment: when, where and with whom. */
@Entity('meeting_options')
export class MeetingOption extends BaseEntity {
  @Column({ type: 'uuid' }) meetingId!: string;
  @Column({ type: 'int' }) round!: number;
  @Column({ type: 'smallint' }) position!: number;
  @Column({ type: 'timestamptz' }) startsAt!: Date;
  @Column({ type: 'timestamptz' }) endsAt!: Date;
  @Column({ type: 'text' }) place!: string;
  @Column({ type: 'text' }) withWhom!: string;
  /** Someone said they cannot come at this moment: it can no longer be picked. */
  @Column({ type: 'timestamptz', nullable: true }) unavailableAt!: Date | null;
}

/** How the meeting went, for one side. */
@Entity('meeting_outcomes')
export class MeetingOutcomeRecord extends BaseEntity {
  @Column({ type: 'uuid' }) meetingId!: string;
  @Column({ type: 'text' }) side!: MeetingSide;
  @Column({ type: 'text' }) outcome!: MeetingOutcome;
  @Column({ type: 'text', nullable: true }) note!: string | null;
  @Column({ type: 'uuid', nullable: true }) recordedByUserId!: string | null;
}
