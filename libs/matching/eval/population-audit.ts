import { NEAR_MISS_SHOWN, nearMissRadiusTenths, type MatchResult } from './evaluate';
import {
  compareBlockers,
  distanceTenths,
  independentBlockers,
  isActive,
  isOpen,
  loadCandidateRows,
  loadVacancyRows,
  rangeTenths,
  type CandidateRow,
  type Query,
  type VacancyRow,
} from './independent-check';

export interface PopulationAuditOptions {
  query: Query;
  /** Matches for one candidate, as a werkmakelaar of its organisation, with `limit` items at most. */
  matches(candidate: { id: string; organisationId: string }): Promise<MatchResult>;
  /** How many candidates to audit, or all of them. */
  sample: number | 'all';
  /** The limit `matches` asks for: a shorter list must hold every fitting workplace. */
  limit: number;
  /** Organisations whose candidates are left out (the labelled set). */
  excludeOrganisations?: string[];
  log?: (line: string) => void;
}

export interface PopulationAuditReport {
  candidates: number;
  sampled: number;
  inactive: number;
  matchesAudited: number;
  violations: number;
  nearMissesAudited: number;
  /** Near misses whose blockers (codes or gaps) differ from the independent check. */
  nearMissDisagreements: number;
  /** Lists shorter than the limit, where every independently fitting workplace must appear. */
  listsNotFull: number;
  missedFits: number;
  /**
   * Near-miss lists that leave out a better near miss (fewer blockers, or as many and nearer) among
   * all open workplaces within the near-miss radius: a quality figure, not a violation.
   */
  nearMissListsNotBest: number;
  /** How often each blocker code appears in the near misses shown. */
  nearMissCodes: Record<string, number>;
  /** How often each blocker code appears in the best near misses (the first ten per candidate). */
  bestNearMissCodes: Record<string, number>;
  latencyMs: { p50: number; p95: number; max: number; mean: number };
  /** Up to 20 examples per kind of finding. */
  examples: {
    violations: string[];
    nearMisses: string[];
    missedFits: string[];
    nearMissLists: string[];
  };
}

const EXAMPLES = 20;

export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

/**
 * Runs the matching for a sample of a generated population and audits every returned match and
 * every near miss with the independent check; for lists shorter than the limit it also looks for
 * fitting workplaces the engine left out.
 */
export async function auditPopulation(
  options: PopulationAuditOptions,
): Promise<PopulationAuditReport> {
  const log = options.log ?? (() => undefined);
  const exclude = options.excludeOrganisations ?? [];
  const [{ total }] = (await options.query(
    `SELECT count(*)::int AS total FROM candidates WHERE erased_at IS NULL AND organisation_id <> ALL($1::uuid[])`,
    [exclude],
  )) as { total: number }[];
  // A fixed pseudo-random order (md5 of the id), so the same population gives the same sample.
  const picked = (await options.query(
    `SELECT id FROM candidates WHERE erased_at IS NULL AND organisation_id <> ALL($1::uuid[])
      ORDER BY md5(id::text) ${options.sample === 'all' ? '' : 'LIMIT $2'}`,
    options.sample === 'all' ? [exclude] : [exclude, options.sample],
  )) as { id: string }[];
  const candidates = await loadCandidateRows(
    options.query,
    picked.map((r) => r.id),
  );
  log(`loading every vacancy for the independent check`);
  const vacancies = await loadVacancyRows(options.query);
  const open = [...vacancies.values()].filter(isOpen);
  log(
    `auditing ${picked.length} of ${total} candidates against ${vacancies.size} vacancies (${open.length} open)`,
  );

  const report: PopulationAuditReport = {
    candidates: total,
    sampled: picked.length,
    inactive: 0,
    matchesAudited: 0,
    violations: 0,
    nearMissesAudited: 0,
    nearMissDisagreements: 0,
    listsNotFull: 0,
    missedFits: 0,
    nearMissListsNotBest: 0,
    nearMissCodes: {},
    bestNearMissCodes: {},
    latencyMs: { p50: 0, p95: 0, max: 0, mean: 0 },
    examples: { violations: [], nearMisses: [], missedFits: [], nearMissLists: [] },
  };
  const note = (list: string[], line: string) => {
    if (list.length < EXAMPLES) list.push(line);
  };
  const latencies: number[] = [];
  const started = Date.now();

  for (const [i, { id }] of picked.entries()) {
    const c = candidates.get(id) as CandidateRow;
    const t0 = performance.now();
    const result = await options.matches({ id, organisationId: c.organisation_id });
    latencies.push(performance.now() - t0);
    const active = isActive(c);
    if (!active) report.inactive++;

    for (const item of result.items) {
      report.matchesAudited++;
      const v = vacancies.get(item.vacancy.id);
      const found = v ? independentBlockers(c, v) : [];
      if (!v || !active || found.length) {
        report.violations++;
        const why = !v
          ? 'unknown vacancy'
          : !active
            ? 'candidate not active'
            : found.map((f) => `${f.code}(${f.gap ?? ''})`).join(', ');
        note(report.examples.violations, `candidate ${id} vacancy ${item.vacancy.id}: ${why}`);
      }
    }
    for (const n of result.nearMisses) {
      report.nearMissesAudited++;
      for (const b of n.blockers)
        report.nearMissCodes[b.code] = (report.nearMissCodes[b.code] ?? 0) + 1;
      const v = vacancies.get(n.vacancy.id) as VacancyRow | undefined;
      const found = v ? independentBlockers(c, v) : [];
      const problems = v ? compareBlockers(n.blockers, found) : ['unknown vacancy'];
      if (found.length === 0 && v) problems.push('is a fit, not a near miss');
      if (found.length > 2 || found.some((f) => f.code === 'NOT_OPEN')) {
        problems.push(`not a near miss (${found.map((f) => f.code).join(', ')})`);
      }
      if (!active) problems.push('candidate not active');
      if (problems.length) {
        report.nearMissDisagreements++;
        note(
          report.examples.nearMisses,
          `candidate ${id} vacancy ${n.vacancy.id}: ${problems.join('; ')}`,
        );
      }
    }
    if (active) {
      // The best near misses by the display rule, over every open workplace in the radius (one
      // tenth of a km inside it, so rounding at the edge does not count against the engine).
      const range = rangeTenths(c);
      const radius = nearMissRadiusTenths(range) - 1;
      const returned = new Set(result.items.map((item) => item.vacancy.id));
      const best: { id: string; n: number; d: number; codes: string[] }[] = [];
      for (const v of open) {
        const d = distanceTenths(c, v);
        if (d > radius || returned.has(v.id)) continue;
        const found = independentBlockers(c, v);
        if (found.length >= 1 && found.length <= 2) {
          best.push({ id: v.id, n: found.length, d, codes: found.map((f) => f.code) });
        }
      }
      best.sort((a, b) => a.n - b.n || a.d - b.d);
      for (const x of best.slice(0, NEAR_MISS_SHOWN)) {
        for (const code of x.codes)
          report.bestNearMissCodes[code] = (report.bestNearMissCodes[code] ?? 0) + 1;
      }
      const shownKeys = result.nearMisses.map((n) => {
        const v = vacancies.get(n.vacancy.id);
        return { id: n.vacancy.id, n: n.blockers.length, d: v ? distanceTenths(c, v) : 0 };
      });
      const worst = shownKeys.reduce((w, k) => (k.n > w.n || (k.n === w.n && k.d > w.d) ? k : w), {
        id: '',
        n: 0,
        d: -1,
      });
      const shownIds = new Set(shownKeys.map((k) => k.id));
      const better = best.filter(
        (x) =>
          !shownIds.has(x.id) &&
          (shownKeys.length < NEAR_MISS_SHOWN ||
            x.n < worst.n ||
            (x.n === worst.n && x.d < worst.d)),
      );
      if (better.length) {
        report.nearMissListsNotBest++;
        const b = better[0];
        const last = shownKeys.length
          ? `${shownKeys.length} shown, the last with ${worst.n} blocker(s) at ${(worst.d / 10).toFixed(1)} km`
          : 'none shown';
        note(
          report.examples.nearMissLists,
          `candidate ${id}: ${b.codes.join(', ')} at ${(b.d / 10).toFixed(1)} km (vacancy ${b.id}) not shown; ${last}`,
        );
      }
    }
    if (active && result.items.length < options.limit) {
      // A list shorter than the limit must hold every fitting workplace.
      report.listsNotFull++;
      const returned = new Set(result.items.map((item) => item.vacancy.id));
      const range = rangeTenths(c);
      for (const v of open) {
        if (returned.has(v.id) || distanceTenths(c, v) > range) continue;
        if (independentBlockers(c, v).length === 0) {
          report.missedFits++;
          note(
            report.examples.missedFits,
            `candidate ${id} vacancy ${v.id} fits (${(distanceTenths(c, v) / 10).toFixed(1)} km, range ${range / 10} km) but was not returned`,
          );
        }
      }
    }
    if ((i + 1) % 100 === 0 || i + 1 === picked.length) {
      const seconds = (Date.now() - started) / 1000;
      log(
        `audited ${i + 1}/${picked.length} candidates (${report.matchesAudited} matches, ` +
          `${report.nearMissesAudited} near misses, ${report.violations} violations) in ${seconds.toFixed(1)} s`,
      );
    }
  }
  const sorted = [...latencies].sort((a, b) => a - b);
  report.latencyMs = {
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    max: sorted[sorted.length - 1] ?? 0,
    mean: sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length),
  };
  return report;
}

export function formatPopulationAudit(r: PopulationAuditReport, limit: number): string[] {
  const ms = (x: number) => `${x.toFixed(1)} ms`;
  const codes = (counts: Record<string, number>) =>
    Object.entries(counts)
      .sort(([, a], [, b]) => b - a)
      .map(([code, count]) => `${code} ${count}`)
      .join(', ') || 'none';
  const lines = [
    `candidates audited: ${r.sampled} of ${r.candidates} (${r.inactive} with an ended trajectory)`,
    `matches audited: ${r.matchesAudited}`,
    `hard-constraint violations: ${r.violations}`,
    `near misses audited: ${r.nearMissesAudited}`,
    `near misses whose stated blockers disagree with the independent check: ${r.nearMissDisagreements}`,
    `lists shorter than ${limit}: ${r.listsNotFull}; fitting workplaces missing from them: ${r.missedFits}`,
    `near-miss lists leaving out a better near miss (quality, not a violation): ${r.nearMissListsNotBest}`,
    `blocker codes in the near misses shown: ${codes(r.nearMissCodes)}`,
    `blocker codes in the best near misses:  ${codes(r.bestNearMissCodes)}`,
    `latency per candidate: p50 ${ms(r.latencyMs.p50)}, p95 ${ms(r.latencyMs.p95)}, ` +
      `max ${ms(r.latencyMs.max)}, mean ${ms(r.latencyMs.mean)}`,
  ];
  const detail = (title: string, items: string[]) => {
    if (items.length)
      lines.push(`${title} (first ${items.length}):`, ...items.map((i) => `  - ${i}`));
  };
  detail('violations', r.examples.violations);
  detail('near-miss disagreements', r.examples.nearMisses);
  detail('missed fits', r.examples.missedFits);
  detail('near-miss lists leaving out a better one', r.examples.nearMissLists);
  return lines;
}
