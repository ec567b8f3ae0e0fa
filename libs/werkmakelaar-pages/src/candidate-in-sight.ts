import type { Actor } from '@werkbrug/auth';
import type { CandidatesService } from '@werkbrug/candidates';
import { ProblemException } from '@werkbrug/http';

/**
 * A candidate of the werkmakelaar's organisation with the name, scoped as in the caseload and not
 * audited (only the work profile and the name are shown); another organisation's candidate is a 404.
 */
export async function candidateInSight(candidates: CandidatesService, actor: Actor, id: string) {
  const c = await candidates
    .scoped(actor)
    .leftJoinAndSelect('c.protectedData', 'p')
    .andWhere('c.id = :id', { id })
    .getOne();
  if (!c) throw new ProblemException(404, 'NOT_FOUND', 'Not found', 'Candidate');
  return c;
}
