import type { Actor } from '@werkbrug/auth';
import type { CandidatesService } from '@werkbrug/candidates';
import { ProblemException } from '@werkbrug/http';

/**
 * A candidate of the werkmakelaar's organisation (the work profile), scoped as in the caseload and not
 * audited; another organisation's candidate is a 404. The name, where a page shows it, comes from
 * candidateName.
 */
export async function candidateInSight(candidates: CandidatesService, actor: Actor, id: string) {
  const c = await candidates.scoped(actor).andWhere('c.id = :id', { id }).getOne();
  if (!c) throw new ProblemException(404, 'NOT_FOUND', 'Not found', 'Candidate');
  return c;
}

/** The candidate's name for the page title (purpose weergave: not audited, like the caseload list). */
export async function candidateName(
  candidates: CandidatesService,
  id: string,
): Promise<{ firstName: string; lastName: string } | null> {
  const n = (await candidates.protectedFactsFor([id], 'weergave')).get(id);
  return n ? { firstName: n.firstName, lastName: n.lastName } : null;
}
