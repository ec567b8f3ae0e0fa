import { Column, Entity } from 'typeorm';
import { DatedRuleVersion } from '@werkbrug/database';

/** How long an arrangement may last, valid for a period: rules change every year, so they are data. */
@Entity('arrangement_rules')
export class ArrangementRule extends DatedRuleVersion {
  @Column({ type: 'text' }) arrangement!: string;
  @Column({ type: 'smallint' }) initialMonths!: number;
  @Column({ type: 'smallint' }) maxTotalMonths!: number;
  @Column({ type: 'smallint', nullable: true }) minContractIntentMonths!: number | null;
  @Column({ type: 'text' }) source!: string;
}

export const ruleView = (r: ArrangementRule) => ({
  id: r.id,
  arrangement: r.arrangement,
  initialMonths: r.initialMonths,
  maxTotalMonths: r.maxTotalMonths,
  minContractIntentMonths: r.minContractIntentMonths,
  validFrom: r.validFrom,
  validTo: r.validTo,
  knownUntil: r.knownUntil,
  source: r.source,
});
