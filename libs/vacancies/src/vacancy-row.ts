import type { Actor } from '@werkbrug/auth';
import { vacancyVisibleSql, visibilityParams, type VisibilityParams } from '@werkbrug/employers';
import { queryRows } from '@werkbrug/database';

/** The visibility rule's parameters in raw SQL: $2 role, $3 employer, $4 organisation. */
export const RAW_VISIBILITY: VisibilityParams = {
  role: '$2::text',
  employerId: '$3::uuid',
  organisationId: '$4::uuid',
};
/**
 * The rule as a raw-SQL condition over aliases `v` (vacancies) and `e` (employers), parameters at
 * $2–$4 (rawVisibilityParams), for reads that join visibility into the statement that loads the row.
 */
export const rawVacancyVisibleSql = (v: string, e: string) =>
  vacancyVisibleSql(v, e, RAW_VISIBILITY);
export const rawVisibilityParams = (actor: Actor) => {
  const p = visibilityParams(actor);
  return [p.visRole, p.visEmployer, p.visOrganisation];
};

/**
 * Reading one vacancy is the hottest route; a single SQL statement mapped by vacancyRecordFromRow
 * (vacancy-data.ts) costs a fraction of the query builder's hydration. Scoped by the same rule as every
 * other read (employer-access.ts).
 */
export const ONE_VACANCY_SQL = `
  SELECT v.*, e.name AS employer_name, w.code AS werksoort_code, w.name AS werksoort_name,
         w.isco_code AS werksoort_isco_code
    FROM vacancies v JOIN employers e ON e.id = v.employer_id JOIN werksoorten w ON w.id = v.werksoort_id
   WHERE v.id = $1 AND ${rawVacancyVisibleSql('v', 'e')}`;

export const oneVacancyParams = (actor: Actor, id: string) => [id, ...rawVisibilityParams(actor)];

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
  const rows = await queryRows<{ id: string }>(
    runner,
    `SELECT v.id FROM vacancies v JOIN employers e ON e.id = v.employer_id
      WHERE v.id = ANY($1::uuid[]) AND ${rawVacancyVisibleSql('v', 'e')}`,
    [ids, ...rawVisibilityParams(actor)],
  );
  return new Set(rows.map((r) => r.id));
}
