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

/**
 * Whether the employer agreed to the placement: it starts te_bevestigen; the employer confirms it (or
 * asks for a change, which the werkmakelaar answers by adjusting it and asking again), or the
 * werkmakelaar records that the employer agreed by phone. Only a confirmed placement fills a place
 * on the workplace and counts in the reports.
 */
export const CONFIRMATION_STATES = ['te_bevestigen', 'bevestigd', 'wijziging_gevraagd'] as const;
export type ConfirmationState = (typeof CONFIRMATION_STATES)[number];
/** How the employer's agreement came: confirmed in Werkbrug, or by phone as a werkmakelaar recorded. */
export const CONFIRMED_VIA = ['werkgever', 'telefoon'] as const;
export type ConfirmedVia = (typeof CONFIRMED_VIA)[number];

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
  @Column({ type: 'text' }) confirmation!: ConfirmationState;
  @Column({ type: 'timestamptz', nullable: true }) confirmedAt!: Date | null;
  /** The employer user who confirmed, or the werkmakelaar who recorded the phone agreement. */
  @Column({ type: 'uuid', nullable: true }) confirmedByUserId!: string | null;
  /** Null for placements confirmed before the employer was asked (taken as confirmed). */
  @Column({ type: 'text', nullable: true }) confirmedVia!: ConfirmedVia | null;
  @Column({ type: 'date', nullable: true }) phoneAgreedOn!: string | null;
  /** The werkmakelaar's note with a phone agreement (brokers and the candidate only). */
  @Column({ type: 'text', nullable: true }) confirmationNote!: string | null;
  /** What the employer asked to change; kept until the werkmakelaar adjusts the placement. */
  @Column({ type: 'text', nullable: true }) changeRequest!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) changeRequestedAt!: Date | null;
}
