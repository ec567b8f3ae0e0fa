import { Column, Entity, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '@werkbrug/database';
import { Employer } from '@werkbrug/employers';
import { Werksoort } from '@werkbrug/werksoorten';
import type {
  Arrangement,
  Day,
  Daypart,
  Instrument,
  LanguageLevel,
  VacancyStatus,
} from '@werkbrug/domain';
import type { VacancyData } from './vacancy-data';

/**
 * A workplace on offer: what it asks (hours, certificates, demands) and what it offers (support, instruments).
 * `implements VacancyData`: a field added there does not compile until it has a column here.
 */
@Entity('vacancies')
export class Vacancy extends BaseEntity implements VacancyData {
  @Column({ type: 'uuid' }) employerId!: string;
  @Column({ type: 'uuid' }) werksoortId!: string;

  @ManyToOne(() => Employer)
  @JoinColumn({ name: 'employer_id' })
  employer?: Employer;

  @ManyToOne(() => Werksoort)
  @JoinColumn({ name: 'werksoort_id' })
  werksoort?: Werksoort;

  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text' }) description!: string;
  @Column({ type: 'text' }) address!: string;
  @Column({ type: 'char', length: 6 }) postcode!: string;
  @Column({ type: 'text' }) place!: string;
  @Column({ type: 'double precision' }) lat!: number;
  @Column({ type: 'double precision' }) lng!: number;
  @Column({ type: 'text', array: true }) arrangements!: Arrangement[];
  @Column({ type: 'smallint' }) hoursMin!: number;
  @Column({ type: 'smallint' }) hoursMax!: number;
  @Column({ type: 'text', array: true }) workingDays!: Day[];
  @Column({ type: 'text', array: true }) dayparts!: Daypart[];
  @Column({ type: 'boolean' }) hoursAdjustable!: boolean;
  @Column({ type: 'text' }) hoursAdjustmentNote!: string;
  @Column({ type: 'text', array: true }) requiredCertificates!: string[];
  @Column({ type: 'text', array: true }) desiredCertificates!: string[];
  @Column({ type: 'text' }) minLanguageLevel!: LanguageLevel;
  @Column({ type: 'smallint' }) demandLifting!: number;
  @Column({ type: 'smallint' }) demandStanding!: number;
  @Column({ type: 'smallint' }) demandPace!: number;
  @Column({ type: 'smallint' }) demandStimuli!: number;
  @Column({ type: 'smallint' }) demandOutdoor!: number;
  @Column({ type: 'boolean' }) jobcoachWelcome!: boolean;
  @Column({ type: 'boolean' }) buddyAvailable!: boolean;
  @Column({ type: 'boolean' }) wheelchairAccessible!: boolean;
  @Column({ type: 'smallint' }) places!: number;
  @Column({ type: 'smallint' }) placesFilled!: number;
  @Column({ type: 'date', nullable: true }) startDate!: string | null;
  @Column({ type: 'text' }) status!: VacancyStatus;
  @Column({ type: 'text', array: true }) instruments!: Instrument[];
}
