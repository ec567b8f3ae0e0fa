import type { EntityManager } from 'typeorm';
import { queryRows } from '@werkbrug/database';
import type { CandidateDocument, VacancyDocument } from '@werkbrug/matching';
import { candidateDocuments, demoScore, isDemoFit, vacancyDocuments } from './demo-fit';

/**
 * Proposals for one employer, as a werkmakelaar would make them and the candidates would consent
 * to: most wait for the employer's answer, one has a meeting day planned. So that the demo employer
 * has an inbox to answer (and the page benchmark a full one).
 *
 * Each pairs an open workplace with a candidate of the werkmakelaar's organisation whom the
 * matching engine calls a fit (demo-fit.ts), the werkmakelaar's own caseload and the best fits
 * first; each candidate once while there are enough, workplaces in turn. Candidates in `exclude`
 * (the demo story's kandidaat1) and candidates with a running placement are left out. Returns how
 * many proposals were made: fewer than `count` when there are not that many fitting pairs.
 * (The page benchmark asks for `pairs: 'any'`: volume, not fit.)
 */
export async function insertDemoProposals(
  em: EntityManager,
  options: {
    employerId: string;
    werkmakelaarEmail: string;
    count: number;
    exclude?: readonly string[];
    /**
     * 'fit' (the demo region): only pairs the engine calls a fit. 'any': any open workplace and any
     * candidate, for the page benchmark's volume (200 proposals on 50 copies of one workplace).
     */
    pairs?: 'fit' | 'any';
  },
): Promise<number> {
  const [wm] = await queryRows<{ id: string; organisation_id: string }>(
    em,
    `SELECT id, organisation_id FROM users WHERE email = $1`,
    [options.werkmakelaarEmail],
  );
  if (!wm) return 0;
  const anyPair = options.pairs === 'any';
  const vacancies = (
    await vacancyDocuments(
      em,
      (
        await queryRows<{ id: string }>(
          em,
          `SELECT id FROM vacancies WHERE employer_id = $1 AND status = 'open' ORDER BY id`,
          [options.employerId],
        )
      ).map((r) => r.id),
    )
  ).filter((v) => anyPair || v.open);
  if (!vacancies.length) return 0;
  const werksoorten = anyPair ? null : [...new Set(vacancies.map((v) => v.werksoortCode))];
  const people = await queryRows<{ id: string; mine: boolean }>(
    em,
    `SELECT c.id, c.werkmakelaar_id IS NOT DISTINCT FROM $2 AS mine FROM candidates c
      WHERE c.organisation_id = $1 AND c.erased_at IS NULL
        AND ($3::text[] IS NULL OR c.werksoort_wishes && $3::text[])
        AND NOT (c.id = ANY($4::uuid[]))
        AND NOT EXISTS (SELECT 1 FROM placements p WHERE p.candidate_id = c.id AND p.status = 'lopend')
      ORDER BY c.id`,
    [wm.organisation_id, wm.id, werksoorten, options.exclude ?? []],
  );
  const mine = new Set(people.filter((p) => p.mine).map((p) => p.id));
  const candidates = await candidateDocuments(
    em,
    people.map((p) => p.id),
  );

  // Per workplace its fitting candidates: own caseload first, then by the engine's score.
  const fits = new Map<string, CandidateDocument[]>(
    vacancies.map((v) => [
      v.id,
      candidates
        .filter((c) => anyPair || isDemoFit(c, v))
        .map((c) => ({ c, own: mine.has(c.id), score: demoScore(c, v) }))
        .sort(
          (a, b) =>
            Number(b.own) - Number(a.own) ||
            b.score - a.score ||
            (a.c.id < b.c.id ? -1 : a.c.id > b.c.id ? 1 : 0),
        )
        .map((x) => x.c),
    ]),
  );
  const pairs: { candidate: CandidateDocument; vacancy: VacancyDocument }[] = [];
  const used = new Set<string>();
  const taken = new Set<string>();
  // First every candidate once, then (for a large inbox) a candidate again at another workplace.
  for (const fresh of [true, false]) {
    for (let progress = true; progress && pairs.length < options.count; ) {
      progress = false;
      for (const v of vacancies) {
        if (pairs.length >= options.count) break;
        const c = fits
          .get(v.id)
          ?.find((x) => !taken.has(`${x.id}|${v.id}`) && (!fresh || !used.has(x.id)));
        if (!c) continue;
        pairs.push({ candidate: c, vacancy: v });
        used.add(c.id);
        taken.add(`${c.id}|${v.id}`);
        progress = true;
      }
    }
  }

  const motivation =
    'Deze kandidaat zoekt werk met vaste tijden en past bij de taken. Een jobcoach begeleidt de start.';
  for (const [i, { candidate, vacancy }] of pairs.entries()) {
    const status = i === 1 ? 'meeloopdag' : 'wacht_op_werkgever';
    const [p] = await queryRows<{ id: string }>(
      em,
      `INSERT INTO proposals (candidate_id, vacancy_id, organisation_id, werkmakelaar_id, motivation, status,
                              employer_answer, meeting_kind, meeting_dates)
       VALUES ($1, $2, $3, $4, $5, $6,
               CASE WHEN $6 = 'meeloopdag' THEN 'interested' END,
               CASE WHEN $6 = 'meeloopdag' THEN 'meeloopdag' END,
               CASE WHEN $6 = 'meeloopdag' THEN ARRAY[date_trunc('day', now()) + interval '7 days 9 hours']::timestamptz[]
                    ELSE '{}'::timestamptz[] END)
       ON CONFLICT DO NOTHING RETURNING id`,
      [candidate.id, vacancy.id, wm.organisation_id, wm.id, motivation, status],
    );
    if (!p) continue;
    await queryRows(
      em,
      `INSERT INTO consents (proposal_id, candidate_id, shared_fields, expires_at)
       VALUES ($1, $2, ARRAY['werkmakelaarContact'], now() + interval '90 days')`,
      [p.id, candidate.id],
    );
    await queryRows(
      em,
      `INSERT INTO proposal_events (proposal_id, from_status, to_status, actor_user_id, actor_role)
       VALUES ($1, NULL, 'voorgesteld', $2, 'werkmakelaar'),
              ($1, 'voorgesteld', 'wacht_op_kandidaat', $2, 'werkmakelaar'),
              ($1, 'wacht_op_kandidaat', 'wacht_op_werkgever', NULL, 'kandidaat')` +
        (status === 'meeloopdag'
          ? `, ($1, 'wacht_op_werkgever', 'meeloopdag', NULL, 'werkgever')`
          : ''),
      [p.id, wm.id],
    );
  }
  return pairs.length;
}
