import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { reachSearchFilter } from '@werkbrug/employers';
import { visibleVacancyIds } from '@werkbrug/vacancies';
import { DataSource } from 'typeorm';
import type { Actor } from '@werkbrug/auth';
import { Problems } from '@werkbrug/http';
import { MeiliClient } from '@werkbrug/search';
import { matchReaderOf, type MatchReader } from './engine/codes';
import { hardConstraintBlockers, hardConstraintCodes, isNearMiss } from './engine/hard-constraints';
import type { CandidateProfile, VacancyProfile } from './engine/match-profiles';
import { distanceKm, roundKm } from './engine/matching-rules';
import { anonymousProfile, vacancySummary } from './engine/match-views';
import {
  candidateConditionsFor,
  NEAR_MISS_CANDIDATE_KM,
  nearMissRadiusKm,
  RANGE_BANDS,
  nearMissCandidateFilter,
  nearMissVacancyFilter,
  vacancyConditionsFor,
  vacancyFilterFor,
} from './engine/meili-filters';
import { compareMatches, scoreMatch } from './engine/scoring';
import { type Fit, fitOf } from './engine/fit';
import { alone, type PlannedQuery, ringRadii, runPlan } from './engine/nearest-first';
import { withSearch } from './engine/search-errors';
import {
  CandidateDocument,
  loadVisibleCandidateDocument,
  loadVisibleVacancyDocument,
  VacancyDocument,
} from './index-model/documents';
import { CANDIDATES, VACANCIES } from './index-model/index-settings';
import { queryRows } from '@werkbrug/database';

export interface MatchQuery {
  limit?: number;
  q?: string;
  werksoort?: string;
  isco?: string;
  arrangement?: string;
  /** Not API parameters: the bench compares other pool sizes. */
  pool?: number;
  nearMissPool?: number;
}

export type VacancyMatchOptions = Pick<MatchQuery, 'limit' | 'pool' | 'nearMissPool'>;

/**
 * How many hits each sub-query may bring in: the bounded set the API re-scores. Smaller pools were
 * measured (docs/performance.md): with 40 a fifth of the top-20 changed, so 100 stays.
 */
const POOL = 100;
/**
 * Near misses keep the larger pool: with 100 the eval's population audit found 580 lists leaving out a
 * better near miss (against 474 with 200), so the cost is kept for the quality.
 */
const NEAR_MISS_POOL = 200;
const NEAR_MISS_LIMIT = 10;
/**
 * Nearest-first pools start with the box of 250 m and double (engine/nearest-first.ts). Measured
 * against `_geo` sorting at 100k + 100k (docs/performance.md): starting at 1 km cost less
 * Meilisearch CPU (21 against 26 ms per match) but kept 91% of the top-20 against 95%, and moved
 * near misses from a mean 0.20 to 0.53 km away against 0.23 km.
 */
const FIRST_RING_KM = 0.25;
/** Range bands up to this radius are asked in one box, without rings (see vacancyQueries). */
const SMALL_BAND_KM = 8;
const CERT_CACHE_MS = 5_000;

type Hit<T> = T & { _rankingScore?: number };

/** Only what the rules and the response need: keeps the multi-search payload small. */
const VACANCY_FIELDS = [
  'id',
  'title',
  'employerName',
  'werksoortCode',
  'werksoortName',
  'place',
  'lat',
  'lng',
  'arrangements',
  'hoursMin',
  'hoursMax',
  'workingDays',
  'dayparts',
  'hoursAdjustable',
  'requiredCertificates',
  'desiredCertificates',
  'minLanguageRank',
  'demandLifting',
  'demandStanding',
  'demandPace',
  'demandStimuli',
  'demandOutdoor',
  'jobcoachWelcome',
  'buddyAvailable',
  'wheelchairAccessible',
  'open',
];
const CANDIDATE_FIELDS = [
  'id',
  'pseudonym',
  'organisationId',
  'werksoortWishes',
  'hoursMin',
  'hoursMax',
  'days',
  'dayparts',
  'place',
  'lat',
  'lng',
  'travelMode',
  'rangeKm',
  'ladderRung',
  'arrangementsAccepted',
  'certificates',
  'languageRank',
  'abilityLifting',
  'abilityStanding',
  'abilityPace',
  'abilityStimuli',
  'abilityOutdoor',
  'needsJobcoach',
  'needsBuddy',
  'needsWheelchairAccess',
  'active',
];

@Injectable()
export class MatchingService {
  private certificateUniverse: { at: number; values: string[] } | null = null;
  private readonly regions = new Map<string, { at: number; region: string }>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly meili: MeiliClient,
  ) {}

  /** Every certificate some workplace requires; cached briefly (the TypeScript re-check guards the gap). */
  private async requiredCertificates(): Promise<string[]> {
    if (this.certificateUniverse && Date.now() - this.certificateUniverse.at < CERT_CACHE_MS) {
      return this.certificateUniverse.values;
    }
    const rows = await queryRows<{ cert: string }>(
      this.db,
      `SELECT DISTINCT unnest(required_certificates) AS cert FROM vacancies WHERE status = 'open'`,
    );
    this.certificateUniverse = { at: Date.now(), values: rows.map((r) => r.cert).sort() };
    return this.certificateUniverse.values;
  }

  /** An organisation's region (its reach, with the employers it brought in); cached briefly. */
  private async regionOf(organisationId: string): Promise<string> {
    const known = this.regions.get(organisationId);
    if (known && Date.now() - known.at < CERT_CACHE_MS) return known.region;
    const rows = await queryRows<{ region: string }>(
      this.db,
      `SELECT region FROM organisations WHERE id = $1`,
      [organisationId],
    );
    const region = rows[0]?.region ?? '';
    if (this.regions.size > 1000) this.regions.clear();
    this.regions.set(organisationId, { at: Date.now(), region });
    return region;
  }

  async candidateProfile(actor: Actor, candidateId: string): Promise<CandidateDocument> {
    // The one candidate visibility rule (candidates lib), joined into the load: one statement.
    // Matching is for brokers and the candidate, not administrators.
    const c =
      actor.role === 'admin'
        ? null
        : await loadVisibleCandidateDocument(this.db, actor, candidateId);
    if (!c) throw Problems.notFound('Candidate');
    return c;
  }

  async forCandidate(actor: Actor, candidateId: string, query: MatchQuery) {
    const c = await this.candidateProfile(actor, candidateId);
    return this.inReachOf(actor, await this.matchCandidate(c, query, matchReaderOf(actor.role)));
  }

  /**
   * What of a candidate's matches the reader may see: the werkmakelaar and the candidate alike only
   * workplaces in reach of the organisation (its employers and its region: employerInReachSql), so
   * the candidate is shown exactly what their werkmakelaar may propose. matchCandidate already asks
   * Meilisearch within that reach (the lists stay full); this is PostgreSQL's word on it. Every path
   * that shows matches goes through here, cached ones included (the candidate's suggestions).
   */
  async inReachOf<
    T extends { items: { vacancy: { id: string } }[]; nearMisses: { vacancy: { id: string } }[] },
  >(actor: Actor, result: T): Promise<T> {
    if (actor.role !== 'werkmakelaar' && actor.role !== 'kandidaat') return result;
    const visible = await visibleVacancyIds(this.db, actor, [
      ...result.items.map((i) => i.vacancy.id),
      ...result.nearMisses.map((n) => n.vacancy.id),
    ]);
    return {
      ...result,
      items: result.items.filter((i) => visible.has(i.vacancy.id)),
      nearMisses: result.nearMisses.filter((n) => visible.has(n.vacancy.id)),
    };
  }

  /**
   * One workplace and its fit for one candidate (the candidate's workplace page): the two records and
   * the matching rules, no search. Both must be visible to the actor; the workplace's load applies the
   * vacancies lib's rule, which for a werkmakelaar and a candidate is the organisation's reach (as
   * inReachOf checks for the lists). The page shows the workplace from this same load.
   */
  async fitFor(
    actor: Actor,
    candidateId: string,
    vacancyId: string,
  ): Promise<{ vacancy: VacancyDocument; fit: Fit }> {
    const [c, vacancy] = await Promise.all([
      this.candidateProfile(actor, candidateId),
      loadVisibleVacancyDocument(this.db, actor, vacancyId),
    ]);
    if (!vacancy) throw Problems.notFound('Vacancy');
    return { vacancy, fit: fitOf(c, vacancy, matchReaderOf(actor.role)) };
  }

  /**
   * The Meilisearch queries for one candidate: strict (nearest first, text, wishes) and relaxed for
   * near misses (nearest first).
   */
  async candidateQueries(c: CandidateProfile, query: MatchQuery): Promise<PlannedQuery[]> {
    const poolSize = query.pool ?? POOL;
    const extra = [
      // Only workplaces the candidate's organisation reaches: what their werkmakelaar may propose.
      reachSearchFilter(c.organisationId, await this.regionOf(c.organisationId)),
      ...(query.werksoort ? [`werksoortCode = ${JSON.stringify(query.werksoort)}`] : []),
      ...(query.isco ? [`iscoCode = ${JSON.stringify(query.isco)}`] : []),
      ...(query.arrangement ? [`arrangements = ${JSON.stringify(query.arrangement)}`] : []),
    ];
    const index = this.meili.indexUid(VACANCIES);
    const conditions =
      c.active && c.arrangementsAccepted.length
        ? vacancyConditionsFor(
            c,
            (await this.requiredCertificates()).filter((x) => !c.certificates.includes(x)),
          )
        : null;
    const strictBase = conditions ? vacancyFilterFor(c, conditions) : null;
    const strict = strictBase ? [...strictBase, ...extra] : null;
    const text = (query.q ?? c.interests).trim();
    const queries: PlannedQuery[] = [];
    if (strict) {
      if (query.q) {
        // An explicit search narrows the matches to those that match the text.
        queries.push({
          indexUid: index,
          q: query.q,
          filter: strict,
          limit: poolSize,
          showRankingScore: true,
        });
      } else {
        queries.push({
          indexUid: index,
          q: '',
          filter: [...(conditions ?? []), ...extra],
          nearestFirst: { lat: c.lat, lng: c.lng, radiusKm: c.rangeKm, firstKm: FIRST_RING_KM },
          limit: poolSize,
        });
        if (text)
          queries.push({
            indexUid: index,
            q: text,
            filter: strict,
            limit: poolSize,
            showRankingScore: true,
          });
        if (c.werksoortWishes.length) {
          const wish = `werksoortCode IN ${JSON.stringify(c.werksoortWishes)}`;
          // Not nearest first: the query above brings the nearest; this one makes sure wished work is
          // in the pool even when it is farther away, without paying for a second ring walk.
          queries.push({ indexUid: index, q: '', filter: [...strict, wish], limit: poolSize });
        }
      }
    }
    const nearMissKm = nearMissRadiusKm(c.rangeKm);
    queries.push({
      indexUid: index,
      q: query.q ?? '',
      filter: [...nearMissVacancyFilter(c, strictBase, query.q ? nearMissKm : null), ...extra],
      // With a search text relevance orders the pool; without, the nearest rings fill it.
      nearestFirst: query.q
        ? undefined
        : { lat: c.lat, lng: c.lng, radiusKm: nearMissKm, firstKm: FIRST_RING_KM },
      limit: query.nearMissPool ?? NEAR_MISS_POOL,
    });
    return queries.map((q) => ({ ...q, attributesToRetrieve: VACANCY_FIELDS }));
  }

  /** The candidate's matches and near misses, explained to `reader` (the candidate: "je"). */
  async matchCandidate(c: CandidateProfile, query: MatchQuery, reader: MatchReader = 'kandidaat') {
    const limit = query.limit ?? 20;
    const queries = await this.candidateQueries(c, query);
    const results = await withSearch(() => runPlan(this.meili.client, alone(queries)));
    const nearResult = results.results[results.results.length - 1];
    const strictResults = results.results.slice(0, -1);
    const textScores = new Map<string, number>();
    const pool = new Map<string, VacancyDocument>();
    for (const [i, r] of strictResults.entries()) {
      const usesText = (queries[i].q ?? '') !== '';
      for (const hit of r.hits as Hit<VacancyDocument>[]) {
        pool.set(hit.id, hit);
        if (usesText && hit._rankingScore !== undefined) textScores.set(hit.id, hit._rankingScore);
      }
    }
    // Rank the whole pool on codes and scores only; the Dutch texts are made for what is shown.
    const items = [...pool.values()]
      .filter((v) => hardConstraintCodes(c, v).length === 0)
      .map((v) => ({ v, ...scoreMatch(c, v, textScores.get(v.id) ?? 0, false), id: v.id }))
      .sort(compareMatches)
      .slice(0, limit)
      .map((m) => ({
        vacancy: vacancySummary(m.v),
        score: m.score,
        distanceKm: m.distanceKm,
        reasons: scoreMatch(c, m.v, textScores.get(m.v.id) ?? 0, true, reader).reasons,
      }));
    const matched = new Set(items.map((i) => i.vacancy.id));
    const nearMisses = (nearResult.hits as VacancyDocument[])
      .filter((v) => !matched.has(v.id))
      .map((v) => ({ v, codes: hardConstraintCodes(c, v), km: roundKm(distanceKm(c, v)) }))
      .filter((n) => c.active && isNearMiss(n.codes))
      .sort(
        (a, b) => a.codes.length - b.codes.length || a.km - b.km || a.v.id.localeCompare(b.v.id),
      )
      .slice(0, NEAR_MISS_LIMIT)
      .map((n) => ({
        vacancy: vacancySummary(n.v),
        distanceKm: n.km,
        blockers: hardConstraintBlockers(c, n.v, reader),
      }));
    return {
      candidate: { id: c.id, pseudonym: c.pseudonym, rangeKm: c.rangeKm },
      items,
      nearMisses,
    };
  }

  async forVacancy(actor: Actor, vacancyId: string, query: VacancyMatchOptions) {
    // The vacancies lib's visibility rule joined into the load: one statement.
    const v = await loadVisibleVacancyDocument(this.db, actor, vacancyId);
    if (!v) throw Problems.notFound('Vacancy');
    return this.matchVacancy(v, actor.organisationId, query);
  }

  /** Per travel-range band a strict query, one text query for relevance, one relaxed for near misses. */
  vacancyQueries(
    v: VacancyProfile,
    organisationId: string,
    query: VacancyMatchOptions = {},
  ): PlannedQuery[] {
    const poolSize = query.pool ?? POOL;
    const fields = { attributesToRetrieve: CANDIDATE_FIELDS };
    const index = this.meili.indexUid(CANDIDATES);
    const around = (radiusKm: number, firstKm: number) => ({
      lat: v.lat,
      lng: v.lng,
      radiusKm,
      firstKm,
    });
    const queries: PlannedQuery[] = v.open
      ? [
          ...candidateConditionsFor(v, organisationId).map(({ filter, radiusKm }) => ({
            indexUid: index,
            q: '',
            filter,
            // Bands up to 8 km in one box (few candidates travel so little), the others in three
            // rings: finer ones cost more than they changed (docs/performance.md).
            nearestFirst: around(radiusKm, radiusKm <= SMALL_BAND_KM ? radiusKm : radiusKm / 4),
            limit: poolSize,
            ...fields,
          })),
          {
            indexUid: index,
            q: `${v.title} ${v.werksoortName}`,
            filter: ['active = true', `organisationId = ${JSON.stringify(organisationId)}`],
            limit: 500,
            showRankingScore: true,
            // Only the scores of this query are used (for candidates the bands bring in): ids suffice,
            // which spares Meilisearch and the API up to 500 whole documents per match.
            attributesToRetrieve: ['id'],
          },
        ]
      : [];
    queries.push({
      indexUid: index,
      q: '',
      filter: nearMissCandidateFilter(organisationId),
      nearestFirst: around(NEAR_MISS_CANDIDATE_KM, FIRST_RING_KM),
      limit: query.nearMissPool ?? NEAR_MISS_POOL,
      ...fields,
    });
    return queries;
  }

  /**
   * The range bands go in two requests (those asked in one box, and those walked ring by ring, so
   * the first do not wait for the walk); text and near misses each get their own. The order of the
   * queries is kept (the small bands come first in RANGE_BANDS).
   */
  vacancyQueryGroups(queries: PlannedQuery[], bands: number): PlannedQuery[][] {
    const band = queries.slice(0, bands);
    const walks = (q: PlannedQuery) => !!q.nearestFirst && ringRadii(q.nearestFirst).length > 1;
    return [
      band.filter((q) => !walks(q)),
      band.filter(walks),
      ...alone(queries.slice(bands)),
    ].filter((g) => g.length);
  }

  async matchVacancy(v: VacancyProfile, organisationId: string, query: VacancyMatchOptions) {
    const limit = query.limit ?? 20;
    const bands = v.open ? RANGE_BANDS : [];
    const queries = this.vacancyQueries(v, organisationId, query);
    const results = await withSearch(() =>
      runPlan(this.meili.client, this.vacancyQueryGroups(queries, bands.length)),
    );
    const nearResult = results.results[results.results.length - 1];
    const textScores = new Map<string, number>();
    const pool = new Map<string, CandidateDocument>();
    if (v.open) {
      for (const r of results.results.slice(0, bands.length))
        for (const hit of r.hits as CandidateDocument[]) pool.set(hit.id, hit);
      for (const hit of results.results[bands.length].hits as Hit<CandidateDocument>[]) {
        if (hit._rankingScore !== undefined) textScores.set(hit.id, hit._rankingScore);
      }
    }
    const items = [...pool.values()]
      .filter((c) => hardConstraintCodes(c, v).length === 0)
      .map((c) => ({ c, ...scoreMatch(c, v, textScores.get(c.id) ?? 0, false), id: c.id }))
      .sort(compareMatches)
      .slice(0, limit)
      .map((m) => ({
        candidate: anonymousProfile(m.c),
        score: m.score,
        distanceKm: m.distanceKm,
        // About candidates, never to one: the werkmakelaar's words ("de kandidaat").
        reasons: scoreMatch(m.c, v, textScores.get(m.c.id) ?? 0, true, 'werkmakelaar').reasons,
      }));
    const matched = new Set(items.map((i) => i.candidate.id));
    const nearMisses = (nearResult.hits as CandidateDocument[])
      .filter((c) => !matched.has(c.id))
      .map((c) => ({ c, codes: hardConstraintCodes(c, v), km: roundKm(distanceKm(c, v)) }))
      .filter((n) => isNearMiss(n.codes))
      .sort(
        (a, b) => a.codes.length - b.codes.length || a.km - b.km || a.c.id.localeCompare(b.c.id),
      )
      .slice(0, NEAR_MISS_LIMIT)
      .map((n) => ({
        candidate: anonymousProfile(n.c),
        distanceKm: n.km,
        blockers: hardConstraintBlockers(n.c, v, 'werkmakelaar'),
      }));
    return { vacancy: vacancySummary(v), items, nearMisses };
  }
}
