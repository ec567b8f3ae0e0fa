import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@werkbrug/audit';
import type { Actor } from '@werkbrug/auth';
import { ProblemException, Problems } from '@werkbrug/http';
import {
  defaultKnownUntil,
  HORIZON_NOTICE_DAYS,
  inForce,
  planSuccession,
  type RunningOutRule,
  today,
} from '@werkbrug/domain';
import { calculateInstruments, type EngineAnswer } from './engine/calculate';
import { checkParams } from './engine/params';
import {
  DISCLAIMER,
  type InstrumentDefinition,
  type InstrumentFacts,
  MissingRulesError,
  type RuleVersion,
} from './engine/types';
import { CalculateDto, CatalogueQuery, CreateRuleVersionDto } from './instrument.dto';
import { Instrument, InstrumentRuleVersion } from './instrument.entity';
import { answerView, instrumentView, ruleVersionView, toEngine } from './instrument.views';
import { queryRows, stampHorizonNotice } from '@werkbrug/database';

/** A 422 that names the rules without a version on the date: never a guess. */
export const missingRules = (error: MissingRulesError) =>
  new ProblemException(
    422,
    'RULE_NOT_IN_FORCE',
    'No rule in force on this date',
    `On ${error.date} there is no rule version in force for: ${error.codes.join(', ')}. An administrator adds one with POST /api/instruments/{code}/versions.`,
    { date: error.date, missingRules: error.codes },
  );

const unknownGemeente = (gemeente: string) =>
  new ProblemException(
    422,
    'UNKNOWN_GEMEENTE',
    'Unknown gemeente',
    `"${gemeente}" is not a gemeente Werkbrug knows.`,
    { errors: [{ field: 'gemeente', message: 'unknown gemeente' }] },
  );

/** A sample situation the preview of a new rule version runs, on the current and the new rules. */
export interface SampleScenario {
  /** Dutch, for the administrator. */
  name: string;
  facts: Omit<InstrumentFacts, 'date'>;
}

/**
 * The samples of the preview: together they touch every national instrument's figures. They price
 * the first day only (no contract length), so "known" or "provisional" is about that day.
 */
export const SAMPLE_SCENARIOS: SampleScenario[] = [
  {
    name: '24 uur per week, loonwaarde 60%, bijstand',
    facts: {
      hoursPerWeek: 24,
      loonwaardePct: 60,
      benefitType: 'participatiewet',
    },
  },
  {
    name: 'Kandidaat in het doelgroepregister, 32 uur per week',
    facts: {
      hoursPerWeek: 32,
      loonwaardePct: 80,
      doelgroepregister: true,
      benefitType: 'participatiewet',
    },
  },
  {
    name: 'Wajong, 20 uur per week',
    facts: { hoursPerWeek: 20, loonwaardePct: 70, benefitType: 'wajong' },
  },
  {
    name: 'Proefplaatsing vanuit de WW, 36 uur per week',
    facts: {
      hoursPerWeek: 36,
      benefitType: 'ww',
      arrangement: 'proefplaatsing',
      contractMonths: 6,
    },
  },
];

/**
 * How long the rules read from PostgreSQL are reused. A new version through this process clears it at
 * once; other replicas follow within this window (rule versions start today at the earliest).
 */
const RULES_CACHE_MS = 5_000;

type Rules = { instruments: Instrument[]; versions: InstrumentRuleVersion[] };

@Injectable()
export class InstrumentsService {
  private cached: { at: number; rules: Promise<Rules> } | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  private load(em: EntityManager): Promise<Rules> {
    return Promise.all([
      em.getRepository(Instrument).find({ order: { sortOrder: 'ASC', code: 'ASC' } }),
      em.getRepository(InstrumentRuleVersion).find({ order: { validFrom: 'DESC' } }),
    ]).then(([instruments, versions]) => ({ instruments, versions }));
  }

  /** The catalogue and every rule version: small tables, read whole (inside a transaction: fresh). */
  async rules(em?: EntityManager): Promise<Rules> {
    if (em && em !== this.db.manager) return this.load(em);
    const now = Date.now();
    if (!this.cached || now - this.cached.at > RULES_CACHE_MS) {
      const rules = this.load(this.db.manager);
      this.cached = { at: now, rules };
      rules.catch(() => (this.cached = null));
    }
    return this.cached.rules;
  }

  /** The gemeente's name as Werkbrug spells it (postcode areas and rule scopes), or a 422. */
  async gemeente(name: string | undefined | null, em: EntityManager = this.db.manager) {
    if (!name) return null;
    const [row] = await queryRows<{ name: string }>(
      em,
      `SELECT municipality AS name FROM postcode_areas WHERE lower(municipality) = lower($1)
       UNION SELECT scope_ref FROM instrument_rule_versions WHERE scope = 'gemeente' AND lower(scope_ref) = lower($1)
       LIMIT 1`,
      [name.trim()],
    );
    if (!row) throw unknownGemeente(name);
    return row.name;
  }

  /** Runs the engine on the rules in the database; a date without rules is a 422. */
  async evaluate(facts: InstrumentFacts, em?: EntityManager) {
    const { instruments, versions } = await this.rules(em);
    try {
      return calculateInstruments(
        facts,
        instruments as InstrumentDefinition[],
        versions.map(toEngine),
      );
    } catch (error) {
      if (error instanceof MissingRulesError) throw missingRules(error);
      throw error;
    }
  }

  async calculate(actor: Actor, dto: CalculateDto) {
    const gemeente = await this.gemeente(dto.gemeente);
    const answer = await this.evaluate({
      date: dto.date ?? today(),
      hoursPerWeek: dto.hoursPerWeek,
      loonwaardePct: dto.loonwaardePct ?? null,
      doelgroepregister: dto.doelgroepregister ?? null,
      benefitType: dto.benefitType ?? null,
      age: dto.age ?? null,
      arrangement: dto.arrangement ?? null,
      contractMonths: dto.contractMonths ?? null,
      hourlyWage: dto.hourlyWage ?? null,
      gemeente,
      organisationId: actor.organisationId,
    });
    return answerView(answer);
  }

  /** The instruments with the rule versions in force on a date (national, plus the gemeente's). */
  async catalogue(actor: Actor, query: CatalogueQuery) {
    const date = query.date ?? today();
    const gemeente = await this.gemeente(query.gemeente);
    // The engine decides what is in force, so the catalogue and the calculator never disagree.
    const answer = await this.evaluate({
      date,
      hoursPerWeek: 1,
      gemeente,
      organisationId: actor.organisationId,
    });
    const { instruments, versions } = await this.rules();
    const used = new Set(answer.ruleVersionIds);
    return {
      date,
      disclaimer: DISCLAIMER,
      items: instruments
        .map((i) => ({
          ...instrumentView(i),
          rules: versions
            .filter((v) => v.instrumentCode === i.code && used.has(v.id) && inForce(v, date))
            .map(ruleVersionView),
        }))
        .filter((i) => i.rules.length > 0),
    };
  }

  private async instrument(code: string, em: EntityManager = this.db.manager, lock = false) {
    const qb = em
      .getRepository(Instrument)
      .createQueryBuilder('i')
      .where('i.code = :code', { code });
    if (lock) qb.setLock('pessimistic_write');
    const found = await qb.getOne();
    if (!found)
      throw new ProblemException(
        404,
        'UNKNOWN_INSTRUMENT',
        'Unknown instrument',
        `There is no instrument with code "${code}". GET /api/instruments lists them.`,
      );
    return found;
  }

  async history(code: string) {
    const i = await this.instrument(code);
    const versions = await this.db
      .getRepository(InstrumentRuleVersion)
      .find({ where: { instrumentCode: code }, order: { validFrom: 'DESC', createdAt: 'DESC' } });
    const now = today();
    return {
      ...instrumentView(i),
      rules: versions.filter((v) => inForce(v, now)).map(ruleVersionView),
      versions: versions.map(ruleVersionView),
    };
  }

  /**
   * A new rule version for one scope. It ends the version in force the day before it starts; versions
   * that start on or after it would overlap (409); a start in the past would rewrite answers already
   * given (422). Past versions are never edited (the database refuses it too).
   */
  async createVersion(actor: Actor, code: string, dto: CreateRuleVersionDto) {
    const scopeRef = await this.checkVersionInput(dto);
    const created = await this.db.transaction(async (em) => {
      const instrument = await this.instrument(code, em, true);
      const { toClose, closeOn } = await this.succession(em, instrument, dto, scopeRef, true);
      if (toClose.length)
        await queryRows(
          em,
          `UPDATE instrument_rule_versions SET valid_to = $2, updated_at = now(), version = version + 1
            WHERE id = ANY($1::uuid[])`,
          [toClose.map((v) => v.id), closeOn],
        );
      const repo = em.getRepository(InstrumentRuleVersion);
      // The minimum wage is indexed on 1 January and 1 July; other figures hold for their year.
      const knownUntil = this.knownUntilOf(instrument, dto);
      const saved = await repo.save(
        repo.create({
          instrumentCode: code,
          scope: dto.scope,
          scopeRef,
          params: dto.params,
          active: dto.active ?? true,
          validFrom: dto.validFrom,
          validTo: dto.validTo ?? null,
          knownUntil,
          horizonNoticeSentAt: null,
          sourceUrls: dto.sourceUrls,
          explanationUrls: dto.explanationUrls ?? [],
          lastChecked: dto.lastChecked,
          indicative: dto.indicative ?? false,
          note: dto.note ?? '',
          createdBy: actor.userId,
        }),
      );
      await this.audit.record(em, actor, {
        action: 'instrument.rule_version.create',
        details: {
          instrumentCode: code,
          ruleVersionId: saved.id,
          validFrom: dto.validFrom,
          ended: toClose.map((v) => v.id),
        },
      });
      const [fresh] = await repo.findBy({ id: saved.id });
      return ruleVersionView(fresh);
    });
    this.cached = null;
    return created;
  }

  /** The checks that need no transaction: dates, scope. Returns the scope's reference. */
  private async checkVersionInput(dto: CreateRuleVersionDto): Promise<string | null> {
    const scopeRef = await this.checkScope(dto);
    if (dto.validTo && dto.validTo < dto.validFrom)
      throw Problems.validation([{ field: 'validTo', message: 'must not be before validFrom' }]);
    if (dto.knownUntil && dto.knownUntil < dto.validFrom)
      throw Problems.validation([{ field: 'knownUntil', message: 'must not be before validFrom' }]);
    if (dto.validFrom < today())
      throw new ProblemException(
        422,
        'RULE_VERSION_IN_PAST',
        'A rule version cannot start in the past',
        `validFrom ${dto.validFrom} lies before today: answers already given would change. Start it today or later.`,
        { errors: [{ field: 'validFrom', message: 'must be today or later' }] },
      );
    return scopeRef;
  }

  /**
   * How the new version follows the versions of its scope: the parameters fit the calculator, and no
   * version starts on or after it (409 RULE_VERSION_OVERLAP); `lock` for the transaction that saves it.
   */
  private async succession(
    em: EntityManager,
    instrument: Instrument,
    dto: CreateRuleVersionDto,
    scopeRef: string | null,
    lock: boolean,
  ) {
    const code = instrument.code;
    const errors = checkParams(instrument.calculator, dto.params);
    if (errors.length) throw Problems.validation(errors);
    const sameScope = `instrument_code = $1 AND scope = $2 AND scope_ref IS NOT DISTINCT FROM $3`;
    const existing = await queryRows<{ id: string; validFrom: string; validTo: string | null }>(
      em,
      `SELECT id, valid_from::text AS "validFrom", valid_to::text AS "validTo" FROM instrument_rule_versions
        WHERE ${sameScope} ${lock ? 'FOR UPDATE' : ''}`,
      [code, dto.scope, scopeRef],
    );
    const plan = planSuccession(existing, dto.validFrom);
    if (plan.later.length)
      throw Problems.conflict(
        'RULE_VERSION_OVERLAP',
        'The validity overlaps another version',
        `A version of ${code} for this scope already starts on ${plan.later[0].validFrom}. Versions follow each other in time; past versions are never edited.`,
        {
          overlapsWith: plan.later.map((v) => ({
            id: v.id,
            validFrom: v.validFrom,
            validTo: v.validTo,
          })),
        },
      );
    return plan;
  }

  /** The horizon a new version gets: as given, else its end, else the default for its kind. */
  private knownUntilOf(instrument: Instrument, dto: CreateRuleVersionDto) {
    return (
      dto.knownUntil ??
      dto.validTo ??
      defaultKnownUntil(dto.validFrom, instrument.calculator === 'wml')
    );
  }

  /**
   * The preview before a new version is saved: the same checks as saving (overlap, parameters, dates),
   * then each sample scenario on the new version's first day, with the rules as they are and with the
   * new version in place (ending the one before it). Nothing is stored.
   */
  async previewVersion(
    actor: Actor,
    code: string,
    dto: CreateRuleVersionDto,
  ): Promise<{
    date: string;
    scenarios: { name: string; current: EngineAnswer; proposed: EngineAnswer }[];
  }> {
    const scopeRef = await this.checkVersionInput(dto);
    const instrument = await this.instrument(code);
    const { toClose, closeOn } = await this.succession(
      this.db.manager,
      instrument,
      dto,
      scopeRef,
      false,
    );
    const { instruments, versions } = await this.rules(this.db.manager);
    const closing = new Set(toClose.map((v) => v.id));
    const current = versions.map(toEngine);
    const proposedVersion: RuleVersion = {
      id: 'nieuw',
      instrumentCode: code,
      scope: dto.scope,
      scopeRef,
      params: dto.params,
      active: dto.active ?? true,
      validFrom: dto.validFrom,
      validTo: dto.validTo ?? null,
      knownUntil: this.knownUntilOf(instrument, dto),
      sourceUrls: dto.sourceUrls,
      lastChecked: dto.lastChecked,
      indicative: dto.indicative ?? false,
    };
    const proposed = [
      ...current.map((v) => (closing.has(v.id) ? { ...v, validTo: closeOn } : v)),
      proposedVersion,
    ];
    const gemeente = scopeRef && dto.scope === 'gemeente' ? scopeRef : null;
    const run = (rules: RuleVersion[], facts: SampleScenario['facts']) => {
      try {
        return calculateInstruments(
          { ...facts, date: dto.validFrom, gemeente, organisationId: actor.organisationId },
          instruments as InstrumentDefinition[],
          rules,
        );
      } catch (error) {
        if (error instanceof MissingRulesError) throw missingRules(error);
        throw error;
      }
    };
    return {
      date: dto.validFrom,
      scenarios: SAMPLE_SCENARIOS.map((s) => ({
        name: s.name,
        current: run(current, s.facts),
        proposed: run(proposed, s.facts),
      })),
    };
  }

  /**
   * Rule versions without successor whose horizon is at most `days` away from `on` (or past): with
   * `forNotice`, only those not yet mailed about, locked for the caller's transaction (SKIP LOCKED).
   */
  async runningOut(
    em: Pick<EntityManager, 'query'>,
    on: string,
    { days = HORIZON_NOTICE_DAYS, forNotice = false } = {},
  ): Promise<RunningOutRule[]> {
    const rows = await queryRows<{
      id: string;
      name: string;
      scope: string;
      scopeRef: string | null;
      validFrom: string;
      knownUntil: string;
    }>(
      em,
      `SELECT v.id, i.name, v.scope, v.scope_ref AS "scopeRef", v.valid_from::text AS "validFrom",
              v.known_until::text AS "knownUntil"
         FROM instrument_rule_versions v JOIN instruments i ON i.code = v.instrument_code
        WHERE v.valid_to IS NULL AND v.known_until <= $1::date + $2::int
          ${forNotice ? 'AND v.horizon_notice_sent_at IS NULL' : ''}
        ORDER BY v.known_until, i.sort_order, v.scope
        ${forNotice ? 'FOR UPDATE OF v SKIP LOCKED' : ''}`,
      [on, days],
    );
    return rows.map((r) => ({
      kind: 'instrument',
      id: r.id,
      name:
        r.scope === 'gemeente'
          ? `${r.name} (gemeente ${r.scopeRef})`
          : r.scope === 'organisation'
            ? `${r.name} (eigen regel van een organisatie)`
            : r.name,
      validFrom: r.validFrom,
      knownUntil: r.knownUntil,
    }));
  }

  /** Stamps the versions the administrators were mailed about (the trigger allows only this). */
  markHorizonNotice(em: Pick<EntityManager, 'query'>, ids: string[]) {
    return stampHorizonNotice(em, 'instrument_rule_versions', ids);
  }

  private async checkScope(dto: CreateRuleVersionDto): Promise<string | null> {
    if (dto.scope === 'national') {
      if (dto.scopeRef)
        throw Problems.validation([
          { field: 'scopeRef', message: 'a national rule has no scopeRef' },
        ]);
      return null;
    }
    if (!dto.scopeRef)
      throw Problems.validation([
        { field: 'scopeRef', message: `a ${dto.scope} rule names its ${dto.scope}` },
      ]);
    if (dto.scope === 'gemeente') return this.gemeente(dto.scopeRef);
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
    const [org] = uuid.test(dto.scopeRef)
      ? await queryRows<{ id: string }>(this.db, `SELECT id FROM organisations WHERE id = $1`, [
          dto.scopeRef,
        ])
      : [];
    if (!org) throw Problems.validation([{ field: 'scopeRef', message: 'not an organisation id' }]);
    return org.id as string;
  }
}
