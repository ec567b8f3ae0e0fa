import type { EntityManager } from 'typeorm';
import { queryRows } from '@werkbrug/database';

/** Whether a live (not erased) candidate belongs to the organisation: the check behind every broker action. */
export async function isCandidateOfOrganisation(
  runner: Pick<EntityManager, 'query'>,
  candidateId: string,
  organisationId: string,
): Promise<boolean> {
  const rows = await queryRows<unknown>(
    runner,
    `SELECT 1 FROM candidates WHERE id = $1 AND organisation_id = $2 AND erased_at IS NULL`,
    [candidateId, organisationId],
  );
  return rows.length > 0;
}

/**
 * Who may see a candidate — the one rule, as SQL over a `candidates` alias, for every read path
 * (CandidatesService, matching): administrators all (work profile only), werkmakelaars their
 * organisation's, a candidate only themselves; erased files nobody. `p` names the parameters in the
 * caller's style (`:role` for the query builder, `$2::text` for raw SQL).
 */
export const candidateVisibleSql = (
  c: string,
  p: { role: string; candidateId: string; organisationId: string },
) =>
  `(${c}.erased_at IS NULL AND (${p.role} = 'admin'
    OR (${p.role} = 'werkmakelaar' AND ${c}.organisation_id = ${p.organisationId})
    OR (${p.role} = 'kandidaat' AND ${c}.id = ${p.candidateId})))`;

const NONE = '00000000-0000-0000-0000-000000000000';

export const candidateVisibilityParams = (actor: {
  role: string;
  candidateId: string | null;
  organisationId: string;
}) => ({
  visRole: actor.role,
  visCandidate: actor.candidateId ?? NONE,
  visOrganisation: actor.organisationId ?? NONE,
});

/**
 * The rule above as a raw-SQL condition over alias `c`, its parameters at $2–$4 (after the statement's
 * own $1), for reads that join visibility into the statement that loads the row (matching).
 */
export const rawCandidateVisibleSql = (c: string) =>
  candidateVisibleSql(c, { role: '$2::text', candidateId: '$3::uuid', organisationId: '$4::uuid' });

export const rawCandidateVisibilityParams = (actor: {
  role: string;
  candidateId: string | null;
  organisationId: string;
}) => {
  const p = candidateVisibilityParams(actor);
  return [p.visRole, p.visCandidate, p.visOrganisation];
};

/** Whether the actor may see this candidate (the rule above, for one id). */
export async function isCandidateVisible(
  runner: Pick<EntityManager, 'query'>,
  actor: { role: string; candidateId: string | null; organisationId: string },
  candidateId: string,
): Promise<boolean> {
  const rows = await queryRows<unknown>(
    runner,
    `SELECT 1 FROM candidates c WHERE c.id = $1 AND ${rawCandidateVisibleSql('c')}`,
    [candidateId, ...rawCandidateVisibilityParams(actor)],
  );
  return rows.length > 0;
}
