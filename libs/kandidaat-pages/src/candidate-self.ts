import type { Actor } from '@werkbrug/auth';
import { Problems } from '@werkbrug/http';
import { actorOf, type WebRequest } from '@werkbrug/web';

/** The signed-in candidate: every candidate page is about yourself only. */
export function selfOf(req: WebRequest): { actor: Actor; candidateId: string } {
  const actor = actorOf(req);
  if (!actor.candidateId) throw Problems.forbidden('Only a candidate has these pages.');
  return { actor, candidateId: actor.candidateId };
}
