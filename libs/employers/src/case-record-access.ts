import type { Actor } from '@werkbrug/auth';

/** A condition for a WHERE clause with its named parameters (`:name`, the query builder's style). */
export interface SqlCondition {
  sql: string;
  params: Record<string, unknown>;
}

/**
 * The common part of who may see a record of one candidate at one workplace (a proposal, a
 * placement: a row with organisation_id, candidate_id and vacancy_id under alias `r`):
 *
 * - werkmakelaars: their organisation's
 * - candidates: their own
 * - werkgever users: those at their employer's workplaces, and only where `employerMaySee` (the
 *   resource's own consent rule, SQL over the same alias) holds
 * - everyone else: none
 *
 * Each resource wraps this once (proposalVisibleSql, placementVisibleSql) and every read path of
 * that resource uses its wrapper. For raw SQL, turn the named parameters into positional ones with
 * the driver's escapeQueryWithParameters.
 */
export function caseRecordVisibleSql(
  actor: Actor,
  r: string,
  employerMaySee: string,
): SqlCondition {
  switch (actor.role) {
    case 'werkmakelaar':
      return {
        sql: `${r}.organisation_id = :visOrganisation`,
        params: { visOrganisation: actor.organisationId },
      };
    case 'kandidaat':
      return {
        sql: `${r}.candidate_id = :visCandidate`,
        params: { visCandidate: actor.candidateId },
      };
    case 'werkgever':
      return {
        sql: `(${r}.vacancy_id IN (SELECT id FROM vacancies WHERE employer_id = :visEmployer) AND ${employerMaySee})`,
        params: { visEmployer: actor.employerId },
      };
    case 'admin':
      return { sql: 'false', params: {} };
  }
}
