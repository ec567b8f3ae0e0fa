import { Column, Entity } from 'typeorm';
import { BaseEntity } from '@werkbrug/database';

export const CHECKIN_KINDS = [
  'gesprek',
  'telefoon',
  'werkplekbezoek',
  'evaluatie',
  'overig',
] as const;
export type CheckinKind = (typeof CHECKIN_KINDS)[number];

/** A contact moment logged by the werkmakelaar or jobcoach (the Op Koers rhythm: every 14 days). */
@Entity('checkins')
export class Checkin extends BaseEntity {
  @Column({ type: 'uuid' }) candidateId!: string;
  @Column({ type: 'uuid', nullable: true }) placementId!: string | null;
  @Column({ type: 'uuid' }) byUserId!: string;
  @Column({ type: 'date' }) contactOn!: string;
  @Column({ type: 'text' }) kind!: CheckinKind;
  @Column({ type: 'text' }) note!: string;
}
