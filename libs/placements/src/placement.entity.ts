import { Column, Entity } from 'typeorm';
import { BaseEntity } from '@werkbrug/database';

export const OUTCOMES = [
  'contract',
  'detachering_loopt_door',
  'studie',
  'vrijwilligerswerk_participatie',
  'voortijdig_niet_haalbaar',
  'voortijdig_zelf_beeindigd',
  'voortijdig_overig',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const PLACEMENT_STATUSES = ['lopend', 'beeindigd'] as const;
export type PlacementStatus = (typeof PLACEMENT_STATUSES)[number];

/** A candidate at work on a workplace, in one arrangement, until it ends with an outcome. */
@Entity('placements')
export class Placement extends BaseEntity {
  @Column({ type: 'uuid', nullable: true }) proposalId!: string | null;
  /** When the candidate agreed to the placement (and the employer seeing it); null: employers do not see it. */
  @Column({ type: 'timestamptz', nullable: true }) consentRecordedAt!: Date | null;
  @Column({ type: 'uuid', nullable: true }) consentRecordedBy!: string | null;
  @Column({ type: 'uuid' }) candidateId!: string;
  @Column({ type: 'uuid' }) vacancyId!: string;
  @Column({ type: 'uuid' }) organisationId!: string;
  @Column({ type: 'uuid' }) werkmakelaarId!: string;
  @Column({ type: 'text' }) arrangement!: string;
  @Column({ type: 'uuid', nullable: true }) ruleId!: string | null;
  @Column({ type: 'date' }) startDate!: string;
  @Column({ type: 'date', nullable: true }) plannedEndDate!: string | null;
  @Column({ type: 'smallint' }) hoursPerWeek!: number;
  @Column({ type: 'uuid', nullable: true }) jobcoachUserId!: string | null;
  @Column({ type: 'text', nullable: true }) jobcoachName!: string | null;
  @Column({ type: 'text', array: true }) instruments!: string[];
  @Column({ type: 'date', array: true }) evaluationDates!: string[];
  @Column({ type: 'smallint' }) extensions!: number;
  @Column({ type: 'text' }) status!: PlacementStatus;
  @Column({ type: 'text', nullable: true }) outcome!: Outcome | null;
  @Column({ type: 'smallint', nullable: true }) outcomeContractMonths!: number | null;
  @Column({ type: 'smallint', nullable: true }) outcomeContractHours!: number | null;
  @Column({ type: 'date', nullable: true }) endedOn!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) endingNoticeSentAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) noContactNoticeSentAt!: Date | null;
}
