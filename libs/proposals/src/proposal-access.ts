import type { Actor } from '@werkbrug/auth';
import { caseRecordVisibleSql, type SqlCondition } from '@werkbrug/employers';

/**
 * Who may see a proposal (alias `p`), the one rule every read path uses: brokers their
 * organisation's, candidates their own, employers only those for their vacancies that a candidate
 * consented to (ever), so unconsented proposals never reach them.
 */
export const proposalVisibleSql = (actor: Actor, p = 'p'): SqlCondition =>
  caseRecordVisibleSql(actor, p, `EXISTS (SELECT 1 FROM consents c WHERE c.proposal_id = ${p}.id)`);
