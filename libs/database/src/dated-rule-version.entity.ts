import { Column } from 'typeorm';
import { BaseEntity } from './base.entity';

/**
 * Columns of every table of dated rule versions (arrangement_rules, trajectory_rules,
 * instrument_rule_versions): the period a version is in force, as DatedVersion in @werkbrug/domain
 * describes it and its helpers (inForce, planSuccession, inForceSql) read it.
 */
export abstract class DatedRuleVersion extends BaseEntity {
  /** The first day the version is in force. */
  @Column({ type: 'date' }) validFrom!: string;
  /** The last day it is in force; null while no newer version has ended it. */
  @Column({ type: 'date', nullable: true }) validTo!: string | null;
}
