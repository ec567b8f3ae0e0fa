import { Column, Entity, OneToOne } from 'typeorm';
import { BaseEntity } from '@werkbrug/database';
import type { Arrangement, Day, Daypart, LanguageLevel, Route, TravelMode } from '@werkbrug/domain';
import { CandidateProtected } from './candidate-protected.entity';

/**
 * The work profile: what the candidate wants and can do, phrased as work conditions.
 * It may be shared in anonymous form; protected data lives in CandidateProtected.
 */
@Entity('candidates')
export class Candidate extends BaseEntity {
  @Column({ type: 'uuid' }) organisationId!: string;
  @Column({ type: 'uuid', nullable: true }) werkmakelaarId!: string | null;
  /** Set by the database default (see the initial migration); declared so INSERT … RETURNING brings it back. */
  @Column({
    type: 'text',
    insert: false,
    update: false,
    default: () =>
      "('K-' || lpad(((nextval('candidate_pseudonym_seq') * 7919) % 999983)::text, 6, '0'))",
  })
  pseudonym!: string;
  /** Werksoort codes in order of preference. */
  @Column({ type: 'text', array: true }) werksoortWishes!: string[];
  @Column({ type: 'text' }) interests!: string;
  @Column({ type: 'smallint' }) hoursMin!: number;
  @Column({ type: 'smallint' }) hoursMax!: number;
  @Column({ type: 'text', array: true }) days!: Day[];
  @Column({ type: 'text', array: true }) dayparts!: Daypart[];
  @Column({ type: 'char', length: 6 }) postcode!: string;
  @Column({ type: 'text' }) place!: string;
  @Column({ type: 'double precision' }) lat!: number;
  @Column({ type: 'double precision' }) lng!: number;
  @Column({ type: 'text' }) travelMode!: TravelMode;
  @Column({
    type: 'numeric',
    precision: 5,
    scale: 1,
    nullable: true,
    transformer: {
      to: (v: number | null) => v,
      from: (v: string | null) => (v === null ? null : Number(v)),
    },
  })
  maxTravelKm!: number | null;
  @Column({ type: 'smallint', nullable: true }) maxTravelMinutes!: number | null;
  @Column({ type: 'smallint' }) ladderRung!: number;
  @Column({ type: 'date' }) ladderMeasuredOn!: string;
  @Column({ type: 'text' }) route!: Route;
  /** Null: the defaults for the rung apply (see matching). */
  @Column({ type: 'text', array: true, nullable: true }) arrangements!: Arrangement[] | null;
  @Column({ type: 'text', array: true }) certificates!: string[];
  @Column({ type: 'text' }) languageLevel!: LanguageLevel;
  @Column({ type: 'smallint' }) abilityLifting!: number;
  @Column({ type: 'smallint' }) abilityStanding!: number;
  @Column({ type: 'smallint' }) abilityPace!: number;
  @Column({ type: 'smallint' }) abilityStimuli!: number;
  @Column({ type: 'smallint' }) abilityOutdoor!: number;
  @Column({ type: 'boolean' }) needsJobcoach!: boolean;
  @Column({ type: 'boolean' }) needsBuddy!: boolean;
  @Column({ type: 'boolean' }) needsWheelchairAccess!: boolean;
  @Column({ type: 'date', nullable: true }) trajectoryEndedOn!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) erasedAt!: Date | null;

  @OneToOne(() => CandidateProtected, (p) => p.candidate)
  protectedData?: CandidateProtected;
}
