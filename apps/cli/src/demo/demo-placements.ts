import type { EntityManager } from 'typeorm';
import { queryRows } from '@werkbrug/database';
import { addDays, addMonths, daysBetween } from '@werkbrug/domain';
import type { CandidateDocument, VacancyDocument } from '@werkbrug/matching';
import { isoDate } from './dates';
import {
  candidateDocuments,
  caseloadOrganisations,
  demoScore,
  isDemoFit,
  meetsHardConstraints,
  reaches,
  vacancyDocuments,
} from './demo-fit';
import { insertRows } from './insert-rows';
import type { Random } from './random';

const JOBCOACHES = ['Anja de Wit', 'Bram Kok', 'Cor Smit', 'Dewi Jansen', 'Evi Bakker'];
/** Random candidates tried per workplace before it keeps a free place. */
const TRIES = 300;
/** Placements without an arrangement rule (regulier, beschut werk, ...) started at most this long ago. */
const OPEN_ENDED_DAYS = 240;

interface PlacementRecord {
  id: string;
  created_at: string;
  updated_at: string;
  candidate_id: string;
  vacancy_id: string;
  organisation_id: string;
  werkmakelaar_id: string;
  arrangement: string;
  rule_id: string | null;
  start_date: string;
  planned_end_date: string | null;
  hours_per_week: number;
  jobcoach_name: string | null;
  status: 'lopend';
  consent_recorded_at: string;
  consent_recorded_by: string;
}
const PLACEMENT_COLUMNS: readonly (keyof PlacementRecord)[] = [
  'id',
  'created_at',
  'updated_at',
  'candidate_id',
  'vacancy_id',
  'organisation_id',
  'werkmakelaar_id',
  'arrangement',
  'rule_id',
  'start_date',
  'planned_end_date',
  'hours_per_week',
  'jobcoach_name',
  'status',
  'consent_recorded_at',
  'consent_recorded_by',
];

interface Rule {
  id: string;
  arrangement: string;
  initial_months: number;
}

/**
 * Running placements for the places the generated workplaces have filled, so "1 van 2 plekken
 * gevuld" is one real placement (the vacancies module keeps places_filled as the count of running
 * placements: takePlace and releasePlace). Each placement pairs a workplace with a candidate who meets
 * the engine's hard constraints (demo-fit.ts; someone who wished for the work first), from an
 * organisation that reaches the employer, one placement
 * per candidate and at most `maxShare` of the candidates placed. Then places_filled is set from the
 * placements; a workplace marked full ("Vol") that could not be filled keeps only the places it has
 * filled, or is closed when it has none.
 *
 * `wanted`: places to fill per workplace id, in the order to fill them. `thorough`: workplaces filled
 * from the best fits of all candidates rather than from a random sample (the story's).
 */
export async function insertPlacements(
  em: EntityManager,
  rng: Random,
  wanted: ReadonlyMap<string, number>,
  today: Date,
  options: { exclude: ReadonlySet<string>; thorough: ReadonlySet<string>; maxShare: number },
): Promise<number> {
  const now = isoDate(today);
  const orgs = await caseloadOrganisations(em);
  const people = await queryRows<{
    id: string;
    werkmakelaar_id: string;
    created_on: string;
  }>(
    em,
    `SELECT id, werkmakelaar_id, (created_at AT TIME ZONE 'Europe/Amsterdam')::date::text AS created_on
       FROM candidates WHERE erased_at IS NULL AND werkmakelaar_id IS NOT NULL ORDER BY id`,
  );
  const who = new Map(people.map((p) => [p.id, p]));
  const pool: CandidateDocument[] = (
    await candidateDocuments(
      em,
      people.filter((p) => !options.exclude.has(p.id)).map((p) => p.id),
    )
  ).filter((c) => c.active);
  const cap = Math.floor(pool.length * options.maxShare);

  const ids = [...wanted.keys()].filter((id) => (wanted.get(id) ?? 0) > 0);
  const docs = new Map((await vacancyDocuments(em, ids)).map((v) => [v.id, v]));
  const posted = new Map(
    (
      await queryRows<{ id: string; created_on: string }>(
        em,
        `SELECT id, (created_at AT TIME ZONE 'Europe/Amsterdam')::date::text AS created_on
           FROM vacancies WHERE id = ANY($1)`,
        [ids],
      )
    ).map((r) => [r.id, r.created_on]),
  );
  const rules = await queryRows<Rule>(
    em,
    `SELECT DISTINCT ON (arrangement) id, arrangement, initial_months FROM arrangement_rules
      WHERE valid_from <= $1 AND (valid_to IS NULL OR valid_to >= $1)
      ORDER BY arrangement, valid_from DESC`,
    [now],
  );

  const records: PlacementRecord[] = [];
  for (const id of ids) {
    const v = docs.get(id);
    if (!v) continue;
    const reaching = new Set(orgs.filter((o) => reaches(o, v)).map((o) => o.id));
    const whenOpen = { ...v, open: true };
    const want = wanted.get(id) ?? 0;
    let placed = 0;
    const place = (c: CandidateDocument) => {
      const person = who.get(c.id);
      const record = person && placementOf(rng, c, v, person, posted.get(id) ?? now, rules, now);
      if (record) {
        records.push(record);
        placed++;
      }
      return !!record;
    };
    if (options.thorough.has(id)) {
      // The story's workplace: the best fits of the whole pool, so its earlier placement is always there.
      const ranked = pool
        .filter((c) => reaching.has(c.organisationId) && meetsHardConstraints(c, v, true))
        .map((c) => ({ c, wish: isDemoFit(c, whenOpen), score: demoScore(c, whenOpen) }))
        .sort((a, b) => Number(b.wish) - Number(a.wish) || b.score - a.score)
        .map((x) => x.c);
      for (const c of ranked) {
        if (placed >= want || records.length >= cap) break;
        if (place(c)) pool.splice(pool.indexOf(c), 1);
      }
      continue;
    }
    for (let tries = 0; tries < TRIES && placed < want; tries++) {
      if (records.length >= cap || pool.length === 0) break;
      const at = rng.int(0, pool.length - 1);
      const c = pool[at];
      if (!reaching.has(c.organisationId)) continue;
      // First someone who wished for this work; later anyone who meets every hard constraint.
      if (tries < TRIES / 2 ? !isDemoFit(c, whenOpen) : !meetsHardConstraints(c, v, true)) continue;
      if (!place(c)) continue;
      pool[at] = pool[pool.length - 1];
      pool.pop();
    }
  }
  for (let i = 0; i < records.length; i += 1000)
    await insertRows(em, 'placements', PLACEMENT_COLUMNS, records.slice(i, i + 1000));

  // The count of running placements is the one truth of "filled".
  await queryRows(
    em,
    `UPDATE vacancies v SET places_filled = n.n
       FROM (SELECT vacancy_id, count(*)::int AS n FROM placements WHERE status = 'lopend' GROUP BY vacancy_id) n
      WHERE n.vacancy_id = v.id`,
  );
  await queryRows(
    em,
    `UPDATE vacancies SET places = CASE WHEN places_filled > 0 THEN places_filled ELSE places END,
                          status = CASE WHEN places_filled > 0 THEN status ELSE 'closed' END
      WHERE status = 'filled' AND places_filled < places`,
  );
  return records.length;
}

function placementOf(
  rng: Random,
  c: CandidateDocument,
  v: VacancyDocument,
  person: { werkmakelaar_id: string; created_on: string },
  postedOn: string,
  rules: readonly Rule[],
  now: string,
): PlacementRecord | null {
  const arrangement = rng.pick(v.arrangements.filter((a) => c.arrangementsAccepted.includes(a)));
  const rule = rules.find((r) => r.arrangement === arrangement) ?? null;
  // Started after both were in Werkbrug, and (with a rule) recently enough that the first period still runs.
  const since = postedOn > person.created_on ? postedOn : person.created_on;
  const back = Math.min(
    rule ? rule.initial_months * 28 - 3 : OPEN_ENDED_DAYS,
    daysBetween(since, now) - 3,
  );
  if (back < 1) return null;
  const start = addDays(now, -rng.int(1, back));
  const low = Math.max(c.hoursMin, v.hoursMin);
  const high = Math.min(c.hoursMax, v.hoursMax);
  const hours = low <= high ? rng.int(low, high) : Math.min(c.hoursMax, v.hoursMax);
  const consentOn = addDays(start, -rng.int(1, 3));
  const at = `${consentOn}T${String(rng.int(8, 16)).padStart(2, '0')}:00:00Z`;
  return {
    id: rng.uuid(),
    created_at: at,
    updated_at: at,
    candidate_id: c.id,
    vacancy_id: v.id,
    organisation_id: c.organisationId,
    werkmakelaar_id: person.werkmakelaar_id,
    arrangement,
    rule_id: rule?.id ?? null,
    start_date: start,
    planned_end_date: rule ? addMonths(start, rule.initial_months) : null,
    hours_per_week: Math.max(1, Math.min(40, hours)),
    jobcoach_name: c.needsJobcoach ? rng.pick(JOBCOACHES) : null,
    status: 'lopend',
    consent_recorded_at: at,
    consent_recorded_by: person.werkmakelaar_id,
  };
}
