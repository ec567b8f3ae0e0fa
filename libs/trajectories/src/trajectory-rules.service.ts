import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '@werkbrug/auth';
import { Problems } from '@werkbrug/http';
import {
  type DatedVersion,
  defaultKnownUntil,
  HORIZON_NOTICE_DAYS,
  inForceSql,
  planSuccession,
  type RunningOutRule,
} from '@werkbrug/domain';
import type { HourRule } from './phase';
import { CreateTrajectoryRuleDto } from './trajectory.dto';
import type { TrajectoryRuleView } from './trajectory.view';
import { queryRows, stampHorizonNotice } from '@werkbrug/database';

export interface RuleRow extends HourRule, DatedVersion {
  id: string;
  organisationId: string;
  source: string;
}

const COLUMNS = `id, organisation_id AS "organisationId", diagnosis_hours AS "diagnosisHours",
  block_hours AS "blockHours", max_hours AS "maxHours", warn_within_hours AS "warnWithinHours",
  valid_from::text AS "validFrom", valid_to::text AS "validTo", known_until::text AS "knownUntil", source`;

export const ruleRowView = (r: RuleRow): TrajectoryRuleView => ({ ...r });

/** Hour limits of learn-work tracks per organisation, valid for a period: they are data, not constants. */
@Injectable()
export class TrajectoryRulesService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The organisation's rule in force on a date (a trajectory keeps the rule it started under). */
  async ruleOn(
    em: Pick<EntityManager, 'query'>,
    organisationId: string,
    date: string,
  ): Promise<RuleRow | null> {
    const [r] = await queryRows<RuleRow>(
      em,
      `SELECT ${COLUMNS} FROM trajectory_rules r
        WHERE organisation_id = $1 AND ${inForceSql('r', '$2::date')}
        ORDER BY valid_from DESC LIMIT 1`,
      [organisationId, date],
    );
    return r ?? null;
  }

  async list(actor: Actor, organisationId?: string): Promise<{ items: TrajectoryRuleView[] }> {
    // A werkmakelaar sees the rules of their own organisation only.
    const org = actor.role === 'admin' ? (organisationId ?? null) : actor.organisationId;
    const rows = await queryRows<RuleRow>(
      this.db,
      `SELECT ${COLUMNS} FROM trajectory_rules WHERE ($1::uuid IS NULL OR organisation_id = $1)
        ORDER BY organisation_id, valid_from DESC`,
      [org],
    );
    return { items: rows.map(ruleRowView) };
  }

  /**
   * Rules without successor whose horizon is at most `days` away from `on` (or past): with `forNotice`,
   * only those not yet mailed about, locked for the caller's transaction (SKIP LOCKED: replicas).
   */
  async runningOut(
    em: Pick<EntityManager, 'query'>,
    on: string,
    { days = HORIZON_NOTICE_DAYS, forNotice = false } = {},
  ): Promise<RunningOutRule[]> {
    const rows = await queryRows<{
      id: string;
      name: string;
      validFrom: string;
      knownUntil: string;
    }>(
      em,
      `SELECT r.id, o.name, r.valid_from::text AS "validFrom", r.known_until::text AS "knownUntil"
         FROM trajectory_rules r JOIN organisations o ON o.id = r.organisation_id
        WHERE r.valid_to IS NULL AND r.known_until <= $1::date + $2::int
          ${forNotice ? 'AND r.horizon_notice_sent_at IS NULL' : ''}
        ORDER BY r.known_until, o.name
        ${forNotice ? 'FOR UPDATE OF r SKIP LOCKED' : ''}`,
      [on, days],
    );
    return rows.map((r) => ({
      kind: 'trajectory',
      id: r.id,
      name: `Urenregels van ${r.name}`,
      validFrom: r.validFrom,
      knownUntil: r.knownUntil,
    }));
  }

  /** Stamps the rules the administrators were mailed about (once per version). */
  markHorizonNotice(em: Pick<EntityManager, 'query'>, ids: string[]) {
    return stampHorizonNotice(em, 'trajectory_rules', ids);
  }

  /** A new rule version closes the one in force the day before it starts, so periods never overlap. */
  async create(dto: CreateTrajectoryRuleDto): Promise<TrajectoryRuleView> {
    const errors: { field: string; message: string }[] = [];
    if (dto.maxHours < dto.diagnosisHours)
      errors.push({ field: 'maxHours', message: 'must be at least diagnosisHours' });
    if (dto.blockHours > dto.maxHours)
      errors.push({ field: 'blockHours', message: 'must not be more than maxHours' });
    if (dto.knownUntil && dto.knownUntil < dto.validFrom)
      errors.push({ field: 'knownUntil', message: 'must not be before validFrom' });
    if (errors.length) throw Problems.validation(errors);
    return this.db.transaction(async (em) => {
      const [org] = await queryRows<unknown>(
        em,
        `SELECT 1 FROM organisations WHERE id = $1 AND kind IN ('gemeente','werkbedrijf','re-integratiebedrijf') FOR UPDATE`,
        [dto.organisationId],
      );
      if (!org)
        throw Problems.validation([
          { field: 'organisationId', message: 'not an organisation with werkmakelaars' },
        ]);
      const existing = await queryRows<RuleRow>(
        em,
        `SELECT ${COLUMNS} FROM trajectory_rules WHERE organisation_id = $1 FOR UPDATE`,
        [dto.organisationId],
      );
      const { later, toClose, closeOn } = planSuccession(existing, dto.validFrom);
      if (later.length)
        throw Problems.conflict(
          'RULE_PERIOD_TAKEN',
          'A rule already starts on or after this date',
          'Rules must follow each other in time.',
        );
      if (toClose.length)
        await queryRows(
          em,
          `UPDATE trajectory_rules SET valid_to = $2, updated_at = now(), version = version + 1
            WHERE id = ANY($1::uuid[])`,
          [toClose.map((r) => r.id), closeOn],
        );
      const [saved] = await queryRows<RuleRow>(
        em,
        `INSERT INTO trajectory_rules (organisation_id, diagnosis_hours, block_hours, max_hours, warn_within_hours, valid_from, known_until, source)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${COLUMNS}`,
        [
          dto.organisationId,
          dto.diagnosisHours,
          dto.blockHours,
          dto.maxHours,
          dto.warnWithinHours,
          dto.validFrom,
          dto.knownUntil ?? defaultKnownUntil(dto.validFrom, false),
          dto.source,
        ],
      );
      return ruleRowView(saved);
    });
  }
}
