import type { Actor } from '@werkbrug/auth';
import { caseRecordVisibleSql, type SqlCondition } from '@werkbrug/employers';

/**
 * Who may see a placement (alias `p`), the one rule every read path uses: brokers their
 * organisation's, candidates their own, employers those at their workplaces that the candidate
 * agreed to the employer seeing (consent recorded).
 */
export const placementVisibleSql = (actor: Actor, p = 'p'): SqlCondition =>
  caseRecordVisibleSql(actor, p, `${p}.consent_recorded_at IS NOT NULL`);
