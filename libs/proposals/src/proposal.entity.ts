import { Column, Entity } from 'typeorm';
import { BaseEntity } from '@werkbrug/database';
import type { EmployerAnswer, MeetingKind, ProposalStatus } from './proposal-status';

/** A werkmakelaar proposes a candidate for a workplace; the candidate decides before the employer sees it. */
@Entity('proposals')
export class Proposal extends BaseEntity {
  @Column({ type: 'uuid' }) candidateId!: string;
  @Column({ type: 'uuid' }) vacancyId!: string;
  @Column({ type: 'uuid' }) organisationId!: string;
  @Column({ type: 'uuid' }) werkmakelaarId!: string;
  @Column({ type: 'text' }) motivation!: string;
  @Column({ type: 'text' }) status!: ProposalStatus;
  @Column({ type: 'text', nullable: true }) employerAnswer!: EmployerAnswer | null;
  @Column({ type: 'text', nullable: true }) meetingKind!: MeetingKind | null;
  @Column({ type: 'timestamptz', array: true }) meetingDates!: Date[];
  @Column({ type: 'text', nullable: true }) closedByRole!: string | null;
  @Column({ type: 'text', nullable: true }) closedReason!: string | null;
  @Column({ type: 'text', nullable: true }) closedNote!: string | null;
}
