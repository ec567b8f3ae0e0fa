import { Column, Entity, JoinColumn, OneToOne } from 'typeorm';
import { BaseEntity } from '@werkbrug/database';
import type { BenefitType } from '@werkbrug/domain';
import type { Candidate } from './candidate.entity';

/** Special-category data (AVG art. 9 risk): never in search documents, never shown to employers. */
@Entity('candidate_protected')
export class CandidateProtected extends BaseEntity {
  @Column({ type: 'uuid' }) candidateId!: string;

  @OneToOne('Candidate', 'protectedData')
  @JoinColumn({ name: 'candidate_id' })
  candidate?: Candidate;

  @Column({ type: 'text' }) firstName!: string;
  @Column({ type: 'text' }) lastName!: string;
  @Column({ type: 'text', nullable: true }) email!: string | null;
  @Column({ type: 'text', nullable: true }) phone!: string | null;
  @Column({ type: 'text', nullable: true }) address!: string | null;
  @Column({ type: 'date', nullable: true }) dateOfBirth!: string | null;
  @Column({ type: 'text', nullable: true }) benefitType!: BenefitType | null;
  @Column({ type: 'boolean' }) banenafspraak!: boolean;
  @Column({ type: 'smallint', nullable: true }) loonwaardePct!: number | null;
  @Column({ type: 'text' }) notes!: string;
}
