import { Column, Entity } from 'typeorm';
import { BaseEntity } from '@werkbrug/database';

/** The history of a proposal: every status change, by whom and why. */
@Entity('proposal_events')
export class ProposalEvent extends BaseEntity {
  @Column({ type: 'uuid' }) proposalId!: string;
  @Column({ type: 'text', nullable: true }) fromStatus!: string | null;
  @Column({ type: 'text' }) toStatus!: string;
  @Column({ type: 'uuid', nullable: true }) actorUserId!: string | null;
  @Column({ type: 'text' }) actorRole!: string;
  @Column({ type: 'text', nullable: true }) reason!: string | null;
  @Column({ type: 'text', nullable: true }) note!: string | null;
}
