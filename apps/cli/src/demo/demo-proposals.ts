import type { EntityManager } from 'typeorm';
import { queryRows } from '@werkbrug/database';

/**
 * Proposals for one employer, as a werkmakelaar of the first caseload organisation would make them
 * and the candidates would consent to: most wait for the employer's answer, one has a meeting day
 * planned. So that the demo employer has an inbox to answer (and the page benchmark a full one).
 */
export async function insertDemoProposals(
  em: EntityManager,
  options: { employerId: string; werkmakelaarEmail: string; count: number },
): Promise<number> {
  const [wm] = await queryRows<{ id: string; organisation_id: string }>(
    em,
    `SELECT id, organisation_id FROM users WHERE email = $1`,
    [options.werkmakelaarEmail],
  );
  if (!wm) return 0;
  const vacancies = await queryRows<{ id: string }>(
    em,
    `SELECT id FROM vacancies WHERE employer_id = $1 AND status = 'open' ORDER BY id`,
    [options.employerId],
  );
  if (!vacancies.length) return 0;
  const candidates = await queryRows<{ id: string }>(
    em,
    `SELECT id FROM candidates WHERE organisation_id = $1 AND erased_at IS NULL ORDER BY pseudonym LIMIT $2`,
    [wm.organisation_id, options.count],
  );
  if (!candidates.length) return 0;
  const rows: { candidateId: string; vacancyId: string; status: string }[] = [];
  // Each proposal its own candidate where there are enough, workplaces in turn; a pair that
  // repeats is skipped below (one open proposal per candidate and workplace).
  for (let i = 0; i < options.count; i++) {
    const vacancy = vacancies[i % vacancies.length] as { id: string };
    const candidate = candidates[i % candidates.length] as { id: string };
    rows.push({
      candidateId: candidate.id,
      vacancyId: vacancy.id,
      status: i === 1 ? 'meeloopdag' : 'wacht_op_werkgever',
    });
  }
  const motivation =
    'Deze kandidaat zoekt werk met vaste tijden en past bij de taken. Een jobcoach begeleidt de start.';
  for (const r of rows) {
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
      [r.candidateId, r.vacancyId, wm.organisation_id, wm.id, motivation, r.status],
    );
    if (!p) continue;
    await queryRows(
      em,
      `INSERT INTO consents (proposal_id, candidate_id, shared_fields, expires_at)
       VALUES ($1, $2, ARRAY['werkmakelaarContact'], now() + interval '90 days')`,
      [p.id, r.candidateId],
    );
    await queryRows(
      em,
      `INSERT INTO proposal_events (proposal_id, from_status, to_status, actor_user_id, actor_role)
       VALUES ($1, NULL, 'voorgesteld', $2, 'werkmakelaar'),
              ($1, 'voorgesteld', 'wacht_op_kandidaat', $2, 'werkmakelaar'),
              ($1, 'wacht_op_kandidaat', 'wacht_op_werkgever', NULL, 'kandidaat')`,
      [p.id, wm.id],
    );
  }
  return rows.length;
}
