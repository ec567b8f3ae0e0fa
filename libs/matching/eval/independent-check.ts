import { LANGUAGE_LEVELS, type Arrangement, type TravelMode } from '@werkbrug/domain';
// Business rules only (the rung table, default ranges and travel speeds): no engine logic is imported.
import { ARRANGEMENTS_BY_RUNG, DEFAULT_RANGE_KM, SPEED_KMH } from '../src/engine/matching-rules';
import type { BlockerCode } from '../src/engine/codes';

/**
 * An independent re-implementation of the hard constraints of DESIGN.md "Matching", over the raw
 * PostgreSQL rows (snake_case columns of `candidates` and `vacancies`). It shares no code with
 * engine/hard-constraints.ts, the search documents or the Meilisearch filters, so it can audit them:
 * distances, ranges and gaps are computed in tenths of a kilometre with integer arithmetic.
 */

type Num = number | string;

export interface CandidateRow {
  id: string;
  organisation_id: string;
  lat: Num;
  lng: Num;
  travel_mode: string;
  max_travel_km: Num | null;
  max_travel_minutes: Num | null;
  ladder_rung: Num;
  arrangements: string[] | null;
  hours_min: Num;
  hours_max: Num;
  days: string[];
  dayparts: string[];
  certificates: string[];
  language_level: string;
  ability_lifting: Num;
  ability_standing: Num;
  ability_pace: Num;
  ability_stimuli: Num;
  ability_outdoor: Num;
  needs_wheelchair_access: boolean;
  trajectory_ended_on: string | Date | null;
  erased_at: string | Date | null;
}

export interface VacancyRow {
  id: string;
  status: string;
  places: Num;
  places_filled: Num;
  lat: Num;
  lng: Num;
  arrangements: string[];
  hours_min: Num;
  hours_max: Num;
  working_days: string[];
  dayparts: string[];
  hours_adjustable: boolean;
  required_certificates: string[];
  min_language_level: string;
  demand_lifting: Num;
  demand_standing: Num;
  demand_pace: Num;
  demand_stimuli: Num;
  demand_outdoor: Num;
  wheelchair_accessible: boolean;
}

/** What the independent check finds wrong with a pair; `gap` as the API states it. */
export interface Finding {
  code: BlockerCode;
  gap: number | string | null;
}

const n = (value: Num | null | undefined) => Number(value);
const overlaps = (a: readonly string[], b: readonly string[]) => a.some((x) => b.includes(x));

/** Great-circle distance in km on the IUGG mean-radius sphere (haversine, atan2 form). */
export function crowFliesKm(a: { lat: Num; lng: Num }, b: { lat: Num; lng: Num }): number {
  const toRad = (deg: number) => (deg * Math.PI) / 180;
  const [lat1, lat2] = [toRad(n(a.lat)), toRad(n(b.lat))];
  const dLat = lat2 - lat1;
  const dLng = toRad(n(b.lng) - n(a.lng));
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371.0088 * Math.atan2(Math.sqrt(h), Math.sqrt(Math.max(0, 1 - h)));
}

/** Distance in tenths of a km, rounded half up (the precision the rules compare at). */
export const distanceTenths = (c: CandidateRow, v: VacancyRow) =>
  Math.round(crowFliesKm(c, v) * 10);

/**
 * Travel range in tenths of a km: the stricter of the stated km and the stated minutes at the
 * mode's door-to-door speed (minutes × km/h ÷ 60, in tenths: minutes × km/h ÷ 6, rounded half up);
 * with neither, the mode's default range.
 */
export function rangeTenths(c: CandidateRow): number {
  const mode = c.travel_mode as TravelMode;
  const limits: number[] = [];
  if (c.max_travel_km !== null) limits.push(Math.round(n(c.max_travel_km) * 10));
  if (c.max_travel_minutes !== null) {
    limits.push(Math.round((n(c.max_travel_minutes) * SPEED_KMH[mode]) / 6));
  }
  return limits.length ? Math.min(...limits) : Math.round(DEFAULT_RANGE_KM[mode] * 10);
}

export const languageIndex = (level: string) =>
  (LANGUAGE_LEVELS as readonly string[]).indexOf(level);

export function acceptedBy(c: CandidateRow): readonly string[] {
  return c.arrangements ?? ARRANGEMENTS_BY_RUNG[n(c.ladder_rung)] ?? ([] as Arrangement[]);
}

export function isActive(c: CandidateRow, now = Date.now()): boolean {
  if (c.erased_at) return false;
  if (!c.trajectory_ended_on) return true;
  const ended =
    c.trajectory_ended_on instanceof Date
      ? c.trajectory_ended_on
      : new Date(`${String(c.trajectory_ended_on).slice(0, 10)}T00:00:00`);
  return ended.getTime() > now;
}

export const isOpen = (v: VacancyRow) => v.status === 'open' && n(v.places) > n(v.places_filled);

const DEMANDS = [
  ['demand_lifting', 'ability_lifting', 'DEMAND_LIFTING'],
  ['demand_standing', 'ability_standing', 'DEMAND_STANDING'],
  ['demand_pace', 'ability_pace', 'DEMAND_PACE'],
  ['demand_stimuli', 'ability_stimuli', 'DEMAND_STIMULI'],
  ['demand_outdoor', 'ability_outdoor', 'DEMAND_OUTDOOR'],
] as const;

/** Every hard constraint the pair breaks (empty: a match). */
export function independentBlockers(c: CandidateRow, v: VacancyRow): Finding[] {
  const found: Finding[] = [];
  if (!isOpen(v)) found.push({ code: 'NOT_OPEN', gap: null });
  if (!overlaps(acceptedBy(c), v.arrangements)) {
    found.push({ code: 'ARRANGEMENT_NOT_ACCEPTED', gap: null });
  }
  const distance = distanceTenths(c, v);
  const range = rangeTenths(c);
  if (distance > range) found.push({ code: 'TOO_FAR', gap: (distance - range) / 10 });
  // The candidate's weekly hours [min, max] and the workplace's [min, max] must overlap. When the
  // employer can adjust hours, only "the workplace offers at least the candidate's minimum" stays,
  // and working days and dayparts no longer bind.
  if (!v.hours_adjustable && n(v.hours_min) > n(c.hours_max)) {
    found.push({ code: 'HOURS_SHORT', gap: n(v.hours_min) - n(c.hours_max) });
  }
  if (n(v.hours_max) < n(c.hours_min)) {
    found.push({ code: 'HOURS_TOO_FEW', gap: n(c.hours_min) - n(v.hours_max) });
  }
  if (!v.hours_adjustable) {
    if (!overlaps(c.days, v.working_days)) found.push({ code: 'DAYS_MISMATCH', gap: null });
    if (!overlaps(c.dayparts, v.dayparts)) found.push({ code: 'TIME_WINDOW_MISMATCH', gap: null });
  }
  const lacking = v.required_certificates.filter((cert) => !c.certificates.includes(cert));
  if (lacking.length) found.push({ code: 'CERTIFICATE_MISSING', gap: lacking.join(', ') });
  const shortBy = languageIndex(v.min_language_level) - languageIndex(c.language_level);
  if (shortBy > 0) found.push({ code: 'LANGUAGE_LEVEL_LOW', gap: shortBy });
  for (const [demand, ability, code] of DEMANDS) {
    const over = n(v[demand]) - n(c[ability]);
    if (over > 0) found.push({ code, gap: over });
  }
  if (c.needs_wheelchair_access && !v.wheelchair_accessible) {
    found.push({ code: 'NOT_WHEELCHAIR_ACCESSIBLE', gap: null });
  }
  return found;
}

/** Blocker codes whose gap must be stated (a number of km, hours or steps, or the certificates). */
export const CODES_WITH_GAP: ReadonlySet<string> = new Set([
  'TOO_FAR',
  'HOURS_SHORT',
  'HOURS_TOO_FEW',
  'CERTIFICATE_MISSING',
  'LANGUAGE_LEVEL_LOW',
  'DEMAND_LIFTING',
  'DEMAND_STANDING',
  'DEMAND_PACE',
  'DEMAND_STIMULI',
  'DEMAND_OUTDOOR',
]);

const sameGap = (a: number | string | null, b: number | string | null) =>
  typeof a === 'number' && typeof b === 'number' ? Math.abs(a - b) < 1e-9 : a === b;

/**
 * Compares blockers stated by the engine with the independent findings: same codes, same gaps.
 * Returns a description of each difference (empty: they agree).
 */
export function compareBlockers(
  stated: readonly { code: string; gap: number | string | null }[],
  expected: readonly Finding[],
): string[] {
  const problems: string[] = [];
  for (const e of expected) {
    const s = stated.find((b) => b.code === e.code);
    if (!s) problems.push(`missing ${e.code}${e.gap === null ? '' : ` (gap ${e.gap})`}`);
    else if (!sameGap(s.gap, e.gap))
      problems.push(`${e.code} gap ${String(s.gap)}, expected ${String(e.gap)}`);
  }
  for (const s of stated) {
    if (!expected.some((e) => e.code === s.code)) problems.push(`extra ${s.code}`);
  }
  return problems;
}

const CANDIDATE_COLUMNS = `id, organisation_id, lat, lng, travel_mode, max_travel_km, max_travel_minutes, ladder_rung,
  arrangements, hours_min, hours_max, days, dayparts, certificates, language_level, ability_lifting,
  ability_standing, ability_pace, ability_stimuli, ability_outdoor, needs_wheelchair_access,
  trajectory_ended_on, erased_at`;

const VACANCY_COLUMNS = `id, status, places, places_filled, lat, lng, arrangements, hours_min, hours_max,
  working_days, dayparts, hours_adjustable, required_certificates, min_language_level, demand_lifting,
  demand_standing, demand_pace, demand_stimuli, demand_outdoor, wheelchair_accessible`;

export type Query = (sql: string, params?: unknown[]) => Promise<unknown[]>;

export async function loadCandidateRows(
  query: Query,
  ids: string[],
): Promise<Map<string, CandidateRow>> {
  const rows = (await query(`SELECT ${CANDIDATE_COLUMNS} FROM candidates WHERE id = ANY($1)`, [
    ids,
  ])) as CandidateRow[];
  return new Map(rows.map((r) => [r.id, r]));
}

/** Vacancy rows by id; without ids, every vacancy (the population audit holds them in memory). */
export async function loadVacancyRows(
  query: Query,
  ids?: string[],
): Promise<Map<string, VacancyRow>> {
  const rows = (
    ids
      ? await query(`SELECT ${VACANCY_COLUMNS} FROM vacancies WHERE id = ANY($1)`, [ids])
      : await query(`SELECT ${VACANCY_COLUMNS} FROM vacancies`)
  ) as VacancyRow[];
  return new Map(rows.map((r) => [r.id, r]));
}
