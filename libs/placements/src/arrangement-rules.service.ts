import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Problems } from '@werkbrug/http';
import {
  defaultKnownUntil,
  HORIZON_NOTICE_DAYS,
  inForceSql,
  labelOf,
  planSuccession,
  type RunningOutRule,
} from '@werkbrug/domain';
import { ArrangementRule, ruleView } from './arrangement-rule.entity';
import { CreateRuleDto } from './placement.dto';
import { queryRows, stampHorizonNotice } from '@werkbrug/database';

@Injectable()
export class ArrangementRulesService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The rule in force for an arrangement on a date, or null when the arrangement has no time limit. */
  async ruleOn(
    em: EntityManager,
    arrangement: string,
    date: string,
  ): Promise<ArrangementRule | null> {
    return em
      .getRepository(ArrangementRule)
      .createQueryBuilder('r')
      .where(`r.arrangement = :arrangement AND ${inForceSql('r', ':date')}`, { arrangement, date })
      .orderBy('r.validFrom', 'DESC')
      .getOne();
  }

  async list() {
    const rules = await this.db
      .getRepository(ArrangementRule)
      .find({ order: { arrangement: 'ASC', validFrom: 'DESC' } });
    return rules.map(ruleView);
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
      arrangement: string;
      validFrom: string;
      knownUntil: string;
    }>(
      em,
      `SELECT id, arrangement, valid_from::text AS "validFrom", known_until::text AS "knownUntil"
         FROM arrangement_rules
        WHERE valid_to IS NULL AND known_until <= $1::date + $2::int
          ${forNotice ? 'AND horizon_notice_sent_at IS NULL' : ''}
        ORDER BY known_until, arrangement
        ${forNotice ? 'FOR UPDATE SKIP LOCKED' : ''}`,
      [on, days],
    );
    return rows.map((r) => ({
      kind: 'arrangement',
      id: r.id,
      name: labelOf('arrangement', r.arrangement),
      validFrom: r.validFrom,
      knownUntil: r.knownUntil,
    }));
  }

  /** Stamps the rules the administrators were mailed about (once per version). */
  markHorizonNotice(em: Pick<EntityManager, 'query'>, ids: string[]) {
    return stampHorizonNotice(em, 'arrangement_rules', ids);
  }

  /** A new rule closes the one in force the day before it starts, so periods never overlap. */
  async create(dto: CreateRuleDto) {
    if (dto.maxTotalMonths < dto.initialMonths) {
      throw Problems.validation([
        { field: 'maxTotalMonths', message: 'must be at least initialMonths' },
      ]);
    }
    if (dto.knownUntil && dto.knownUntil < dto.validFrom)
      throw Problems.validation([{ field: 'knownUntil', message: 'must not be before validFrom' }]);
    return this.db.transaction(async (em) => {
      const repo = em.getRepository(ArrangementRule);
      const existing = await repo
        .createQueryBuilder('r')
        .where('r.arrangement = :a', { a: dto.arrangement })
        .setLock('pessimistic_write')
        .getMany();
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
          `UPDATE arrangement_rules SET valid_to = $2, updated_at = now(), version = version + 1
            WHERE id = ANY($1::uuid[])`,
          [toClose.map((r) => r.id), closeOn],
        );
      const saved = await repo.save(
        repo.create({
          ...dto,
          minContractIntentMonths: dto.minContractIntentMonths ?? null,
          validTo: null,
          knownUntil: dto.knownUntil ?? defaultKnownUntil(dto.validFrom, false),
          horizonNoticeSentAt: null,
        }),
      );
      return ruleView(saved);
    });
  }
}
