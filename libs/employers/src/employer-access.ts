import type { Actor } from '@werkbrug/auth';
import { Problems } from '@werkbrug/http';

/**
 * Who may see an employer and its workplaces — the one rule, as SQL over an `employers` alias, used
 * by every read path (employers, vacancies, the vacancy row query, matching, proposals, placements):
 *
 * - administrators: all
 * - werkgever users: their own employer
 * - werkmakelaars: the reach of their organisation (employerInReachSql)
 * - candidates: the same reach, of their own organisation (the one their werkmakelaar works for), and
 *   only open workplaces (vacancyVisibleSql): a candidate is shown exactly the workplaces their
 *   werkmakelaar may propose (ProposalsService.create checks the werkmakelaar against this rule)
 *
 * `p` names the three parameters (role, employer id, organisation id) in the caller's style:
 * `:role` for the query builder, `$2::text` for raw SQL.
 */
export interface VisibilityParams {
  role: string;
  employerId: string;
  organisationId: string;
}

/**
 * The reach of a broker organisation: the employers it brought in, and those in a region that overlaps
 * its own. Its werkmakelaars may see and propose those employers' workplaces, and its candidates are
 * shown them (the same rule for both, so a candidate never likes what their werkmakelaar cannot propose).
 */
export const employerInReachSql = (e: string, organisationId: string) =>
  `(${e}.owner_organisation_id = ${organisationId}
     OR region_overlaps(${e}.region, (SELECT vo.region FROM organisations vo WHERE vo.id = ${organisationId})))`;

export const employerVisibleSql = (e: string, p: VisibilityParams) =>
  `(${p.role} = 'admin'
    OR (${p.role} = 'werkgever' AND ${e}.id = ${p.employerId})
    OR (${p.role} IN ('werkmakelaar', 'kandidaat') AND ${employerInReachSql(e, p.organisationId)}))`;

/**
 * The gemeenten of a region text, as region_overlaps() in PostgreSQL reads them (comma-separated,
 * case and surrounding spaces ignored). Vacancy search documents carry the employer's list.
 */
export const regionNames = (region: string | null | undefined): string[] =>
  [
    ...new Set(
      (region ?? '')
        .split(',')
        .map((name) => name.trim().toLowerCase())
        .filter(Boolean),
    ),
  ].sort();

/**
 * The same rule as a Meilisearch filter over vacancy search documents (attributes `employerId`,
 * `employerOwnerOrganisationId`, `employerRegions`), so counts and facets agree with what the
 * reader may see; null when the role sees every employer. PostgreSQL stays the authority: read
 * paths still filter the hits with employerVisibleSql. `actorRegion` is the organisation's region.
 */
export function employerVisibleSearchFilter(actor: Actor, actorRegion: string): string | null {
  switch (actor.role) {
    case 'admin':
      return null;
    case 'werkgever':
      return `employerId = ${JSON.stringify(actor.employerId ?? '')}`;
    case 'werkmakelaar':
    case 'kandidaat':
      return reachSearchFilter(actor.organisationId, actorRegion);
  }
}

/**
 * employerInReachSql as a Meilisearch filter over vacancy search documents: the organisation's own
 * employers, or an overlapping region (`region` is the organisation's region text).
 */
export function reachSearchFilter(organisationId: string, region: string): string {
  const quoted = (value: string) => JSON.stringify(value);
  const owner = `employerOwnerOrganisationId = ${quoted(organisationId)}`;
  const regions = regionNames(region);
  return regions.length
    ? `(${owner} OR employerRegions IN [${regions.map(quoted).join(', ')}])`
    : owner;
}

/** The same rule for a workplace: its employer visible, and candidates see only open ones. */
export const vacancyVisibleSql = (v: string, e: string, p: VisibilityParams) =>
  `(${employerVisibleSql(e, p)} AND (${p.role} <> 'kandidaat' OR ${v}.status = 'open'))`;

/** Query-builder parameters for the rule. */
export const QB_VISIBILITY: VisibilityParams = {
  role: ':visRole',
  employerId: ':visEmployer',
  organisationId: ':visOrganisation',
};
export const visibilityParams = (actor: Actor) => ({
  visRole: actor.role,
  // Never-matching ids instead of NULL keep the SQL simple (uuid = NULL is NULL, also fine).
  visEmployer: actor.employerId ?? '00000000-0000-0000-0000-000000000000',
  visOrganisation: actor.organisationId ?? '00000000-0000-0000-0000-000000000000',
});

/**
 * Who may change an employer and its workplaces: administrators, the employer's own users, and
 * werkmakelaars of the owning organisation. Others who can see it get 403 (it is no secret).
 */
export function mayEditEmployer(
  actor: Actor,
  employer: { id: string; ownerOrganisationId: string | null },
): boolean {
  if (actor.role === 'admin') return true;
  if (actor.role === 'werkgever') return actor.employerId === employer.id;
  if (actor.role === 'werkmakelaar')
    return !!employer.ownerOrganisationId && employer.ownerOrganisationId === actor.organisationId;
  return false;
}

export function assertMayEditEmployer(
  actor: Actor,
  employer: { id: string; ownerOrganisationId: string | null },
) {
  if (!mayEditEmployer(actor, employer))
    throw Problems.forbidden(
      'Only werkmakelaars of the organisation that brought this employer in, and the employer’s own users, change it and its workplaces.',
    );
}
