import type { Actor } from '@werkbrug/auth';

/**
 * Reading one vacancy is the hottest route; a single SQL statement mapped by vacancyRecordFromRow
 * (vacancy-data.ts) costs a fraction of the query builder's hydration. The scoping is the same as
 * VacanciesService.scoped().
 */
export const ONE_VACANCY_SQL = `
  SELECT v.*, e.name AS employer_name, w.code AS werksoort_code, w.name AS werksoort_name
    FROM vacancies v JOIN employers e ON e.id = v.employer_id JOIN werksoorten w ON w.id = v.werksoort_id
   WHERE v.id = $1
     AND ($2::text <> 'werkgever' OR v.employer_id = $3::uuid)
     AND ($2::text <> 'kandidaat' OR v.status = 'open')`;

export const oneVacancyParams = (actor: Actor, id: string) => [id, actor.role, actor.employerId];
