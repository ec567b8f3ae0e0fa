import type { Actor } from '@werkbrug/auth';
import { vacancyVisibleSql, visibilityParams, type VisibilityParams } from '@werkbrug/employers';
import type { Vacancy } from './vacancy.entity';

/** The visibility rule's parameters in raw SQL: $2 role, $3 employer, $4 organisation. */
export const RAW_VISIBILITY: VisibilityParams = {
  role: '$2::text',
  employerId: '$3::uuid',
  organisationId: '$4::uuid',
};
export const rawVisibilityParams = (actor: Actor) => {
  const p = visibilityParams(actor);
  return [p.visRole, p.visEmployer, p.visOrganisation];
};

/**
 * Reading one vacancy is the hottest route; a single SQL statement with hand mapping costs a fraction
 * of the query builder's hydration. Scoped by the same rule as every other read (employer-access.ts).
 */
export const ONE_VACANCY_SQL = `
  SELECT v.*, v.start_date::text AS start_date_text, e.name AS employer_name, w.code AS werksoort_code, w.name AS werksoort_name
    FROM vacancies v JOIN employers e ON e.id = v.employer_id JOIN werksoorten w ON w.id = v.werksoort_id
   WHERE v.id = $1 AND ${vacancyVisibleSql('v', 'e', RAW_VISIBILITY)}`;

export const oneVacancyParams = (actor: Actor, id: string) => [id, ...rawVisibilityParams(actor)];

export function rowToVacancy(r: Record<string, unknown>): Vacancy {
  return {
    id: r.id,
    employerId: r.employer_id,
    werksoortId: r.werksoort_id,
    employer: { name: r.employer_name },
    werksoort: { code: r.werksoort_code, name: r.werksoort_name },
    title: r.title,
    description: r.description,
    address: r.address,
    postcode: r.postcode,
    place: r.place,
    lat: r.lat,
    lng: r.lng,
    arrangements: r.arrangements,
    hoursMin: r.hours_min,
    hoursMax: r.hours_max,
    workingDays: r.working_days,
    dayparts: r.dayparts,
    hoursAdjustable: r.hours_adjustable,
    hoursAdjustmentNote: r.hours_adjustment_note,
    requiredCertificates: r.required_certificates,
    desiredCertificates: r.desired_certificates,
    minLanguageLevel: r.min_language_level,
    demandLifting: r.demand_lifting,
    demandStanding: r.demand_standing,
    demandPace: r.demand_pace,
    demandStimuli: r.demand_stimuli,
    demandOutdoor: r.demand_outdoor,
    jobcoachWelcome: r.jobcoach_welcome,
    buddyAvailable: r.buddy_available,
    wheelchairAccessible: r.wheelchair_accessible,
    places: r.places,
    placesFilled: r.places_filled,
    // As text: the driver would turn a date into a local-midnight timestamp.
    startDate: r.start_date_text,
    status: r.status,
    instruments: r.instruments,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  } as Vacancy;
}

/**
 * Of these workplaces, the ones the actor may see: the same rule, for read paths that start from
 * the search index (matching, search) and must drop what PostgreSQL would not show.
 */
export async function visibleVacancyIds(
  runner: { query: (sql: string, params: unknown[]) => Promise<unknown> },
  actor: Actor,
  ids: string[],
): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = (await runner.query(
    `SELECT v.id FROM vacancies v JOIN employers e ON e.id = v.employer_id
      WHERE v.id = ANY($1::uuid[]) AND ${vacancyVisibleSql('v', 'e', RAW_VISIBILITY)}`,
    [ids, ...rawVisibilityParams(actor)],
  )) as { id: string }[];
  return new Set(rows.map((r) => r.id));
}
