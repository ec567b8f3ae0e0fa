import { Column, Entity } from 'typeorm';
import { BaseEntity } from '@werkbrug/database';

/** The candidate's consent for one proposal: what is shared, from when, until when, and its withdrawal. */
@Entity('consents')
export class Consent extends BaseEntity {
  @Column({ type: 'uuid' }) proposalId!: string;
  @Column({ type: 'uuid' }) candidateId!: string;
  @Column({ type: 'uuid', nullable: true }) givenByUserId!: string | null;
  @Column({ type: 'text', array: true }) sharedFields!: string[];
  @Column({ type: 'timestamptz' }) givenAt!: Date;
  @Column({ type: 'timestamptz' }) expiresAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) withdrawnAt!: Date | null;
  /**
   * The motivation as the employer reads it under this consent: identifying items it does not share
   * masked when the candidate said yes (identifying-text.ts). Null for consents from before.
   */
  @Column({ type: 'text', nullable: true }) motivation!: string | null;
}

export const consentActive = (c: Consent | null | undefined, now = new Date()) =>
  !!c && !c.withdrawnAt && c.expiresAt > now;
