import type { Actor } from '@werkbrug/auth';
import { caseloadNameSql } from '@werkbrug/candidates';
import { caseRecordVisibleSql, type SqlCondition } from '@werkbrug/employers';
import { escapeLike } from '@werkbrug/http';

/**
 * Who may see a proposal (alias `p`), the one rule every read path uses: brokers their
 * organisation's, candidates their own, employers only those for their vacancies that a candidate
 * consented to (ever), so unconsented proposals never reach them.
 */
export const proposalVisibleSql = (actor: Actor, p = 'p'): SqlCondition =>
  caseRecordVisibleSql(actor, p, `EXISTS (SELECT 1 FROM consents c WHERE c.proposal_id = ${p}.id)`);

/** A user id no one has: a search by someone who is not a werkmakelaar never matches a name. */
const NO_USER = '00000000-0000-0000-0000-000000000000';

/**
 * A search over case records (alias `r` with candidate_id and vacancy_id: proposals, placements):
 * part of the candidate's pseudonym, the workplace's title or the employer's name, and for a
 * werkmakelaar the name of a candidate of their own caseload (caseloadNameSql), never anyone else's.
 * It only narrows: who may see a record stays the caller's rule.
 */
export function caseRecordSearchSql(actor: Actor, r: string, q: string): SqlCondition {
  const name = caseloadNameSql('qc', ':qMe', 'qcp');
  return {
    sql: `EXISTS (SELECT 1 FROM candidates qc ${name.join}
                    JOIN vacancies qv ON qv.id = ${r}.vacancy_id
                    LEFT JOIN employers qe ON qe.id = qv.employer_id
                   WHERE qc.id = ${r}.candidate_id
                     AND (qc.pseudonym ILIKE :q ESCAPE '\\' OR qv.title ILIKE :q ESCAPE '\\'
                          OR qe.name ILIKE :q ESCAPE '\\' OR ${name.name} ILIKE :q ESCAPE '\\'))`,
    params: {
      q: `%${escapeLike(q.trim())}%`,
      qMe: actor.role === 'werkmakelaar' ? actor.userId : NO_USER,
    },
  };
}
