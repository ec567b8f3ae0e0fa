import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Problems } from '@werkbrug/http';
import { addDays } from '@werkbrug/domain';
import { ArrangementRule, ruleView } from './arrangement-rule.entity';
import { CreateRuleDto } from './placement.dto';
import { queryRows } from '@werkbrug/database';

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
      .where(
        'r.arrangement = :arrangement AND r.validFrom <= :date AND (r.validTo IS NULL OR r.validTo >= :date)',
        { arrangement, date },
      )
      .orderBy('r.validFrom', 'DESC')
      .getOne();
  }

  async list() {
    const rules = await this.db
      .getRepository(ArrangementRule)
      .find({ order: { arrangement: 'ASC', validFrom: 'DESC' } });
    return rules.map(ruleView);
  }

  /** A new rule closes the one in force the day before it starts, so periods never overlap. */
  async create(dto: CreateRuleDto) {
    if (dto.maxTotalMonths < dto.initialMonths) {
      throw Problems.validation([
        { field: 'maxTotalMonths', message: 'must be at least initialMonths' },
      ]);
    }
    return this.db.transaction(async (em) => {
      const repo = em.getRepository(ArrangementRule);
      const later = await repo
        .createQueryBuilder('r')
        .where('r.arrangement = :a AND r.validFrom >= :from', {
          a: dto.arrangement,
          from: dto.validFrom,
        })
        .getExists();
      if (later)
        throw Problems.conflict(
          'RULE_PERIOD_TAKEN',
          'A rule already starts on or after this date',
          'Rules must follow each other in time.',
        );
      await queryRows(
        em,
        `UPDATE arrangement_rules SET valid_to = $3, updated_at = now(), version = version + 1
          WHERE arrangement = $1 AND valid_from < $2 AND (valid_to IS NULL OR valid_to >= $2)`,
        [dto.arrangement, dto.validFrom, addDays(dto.validFrom, -1)],
      );
      const saved = await repo.save(
        repo.create({
          ...dto,
          minContractIntentMonths: dto.minContractIntentMonths ?? null,
          validTo: null,
        }),
      );
      return ruleView(saved);
    });
  }
}
