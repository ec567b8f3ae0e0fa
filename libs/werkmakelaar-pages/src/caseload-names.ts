import type { Actor } from '@werkbrug/auth';
import type { CandidatesService } from '@werkbrug/candidates';

/** The names a list shows (CandidatesService.caseloadNames): the werkmakelaar's own caseload only. */
export type CaseloadNames = ReadonlyMap<string, string>;

/** The names of the werkmakelaar's own caseload among the candidates of these list items. */
export const caseloadNamesOf = (
  candidates: CandidatesService,
  actor: Actor,
  items: readonly { candidate: { id: string } }[],
): Promise<Map<string, string>> =>
  candidates.caseloadNames(
    actor,
    items.map((i) => i.candidate.id),
  );

/**
 * How a list names a candidate: the name for the werkmakelaar's own caseload, otherwise
 * "Kandidaat K-…"; `pseudonym` goes beside a name so the two can be matched.
 */
export function candidateLabel(names: CaseloadNames, c: { id: string; pseudonym: string }) {
  const name = names.get(c.id) ?? null;
  return { who: name ?? `Kandidaat ${c.pseudonym}`, named: name !== null };
}
