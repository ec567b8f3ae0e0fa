import { Column, Entity } from 'typeorm';
import { BaseEntity } from '@werkbrug/database';

/** One line of the append-only audit trail. A database trigger refuses updates and deletes. */
@Entity('audit_log')
export class AuditEntry extends BaseEntity {
  @Column({ type: 'uuid', nullable: true }) actorUserId!: string | null;
  @Column({ type: 'text' }) actorRole!: string;
  @Column({ type: 'uuid', nullable: true }) actorOrganisationId!: string | null;
  @Column({ type: 'text' }) action!: string;
  @Column({ type: 'uuid', nullable: true }) candidateId!: string | null;
  @Column({ type: 'text', nullable: true }) purpose!: string | null;
  @Column({ type: 'jsonb' }) details!: Record<string, unknown>;
}
