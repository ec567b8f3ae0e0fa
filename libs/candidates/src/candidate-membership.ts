import type { EntityManager } from 'typeorm';

/** Whether a live (not erased) candidate belongs to the organisation: the check behind every broker action. */
export async function isCandidateOfOrganisation(
  runner: Pick<EntityManager, 'query'>,
  candidateId: string,
  organisationId: string,
): Promise<boolean> {
  const rows: unknown[] = await runner.query(
    `SELECT 1 FROM candidates WHERE id = $1 AND organisation_id = $2 AND erased_at IS NULL`,
    [candidateId, organisationId],
  );
  return rows.length > 0;
}
