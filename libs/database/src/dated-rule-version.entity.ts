import { Column, type EntityManager } from 'typeorm';
import { BaseEntity } from './base.entity';
import { queryRows } from './query-rows';

/**
 * Columns of every table of dated rule versions (arrangement_rules, trajectory_rules,
 * instrument_rule_versions): the period a version is in force and its horizon, as DatedVersion in
 * @werkbrug/domain describes them and its helpers (inForce, planSuccession, versionOn,
 * splitByVersions, inForceSql) read them.
 */
export abstract class DatedRuleVersion extends BaseEntity {
  /** The first day the version is in force. */
  @Column({ type: 'date' }) validFrom!: string;
  /** The last day it is in force; null while no newer version has ended it. */
  @Column({ type: 'date', nullable: true }) validTo!: string | null;
  /** The last day its figures are known (set by the administrator); past it answers are provisional. */
  @Column({ type: 'date' }) knownUntil!: string;
  /** When the administrators were mailed that the horizon comes near (once per version). */
  @Column({ type: 'timestamptz', nullable: true }) horizonNoticeSentAt!: Date | null;
}

/** The tables built on DatedRuleVersion; each is owned (and named here by) its own module. */
export type DatedRuleTable = 'arrangement_rules' | 'trajectory_rules' | 'instrument_rule_versions';

/**
 * Stamps the versions the administrators were mailed about, so each is mailed once (for
 * instrument_rule_versions its immutability trigger allows only this change).
 */
export async function stampHorizonNotice(
  em: Pick<EntityManager, 'query'>,
  table: DatedRuleTable,
  ids: readonly string[],
): Promise<void> {
  if (!ids.length) return;
  await queryRows(
    em,
    `UPDATE ${table} SET horizon_notice_sent_at = now(), updated_at = now(), version = version + 1
      WHERE id = ANY($1::uuid[])`,
    [ids],
  );
}
