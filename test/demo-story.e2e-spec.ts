import { seedWerksoorten } from '@werkbrug/werksoorten';
import {
  hardConstraintCodes,
  loadCandidateDocuments,
  loadVacancyDocuments,
  type VacancyDocument,
} from '@werkbrug/matching';
import { seedDemo } from '../apps/cli/src/demo';
import { STORY } from '../apps/cli/src/demo/demo-story';
import { tokenFor } from './support/fixtures';
import { searchWorker } from './support/search-sync';
import { startTestApp, type TestApp } from './support/test-app';

const PASSWORD = 'demo-wachtwoord-2026';

/**
 * The demo region as `npm run seed -- --demo` makes it (240 workplaces, 600 candidates, seed 42):
 * the README's three accounts belong to one story, attention flags fire for a minority, filled
 * places are real placements, and every seeded proposal is a fit by the matching engine.
 */
describe('demo seed: a region that tells a story', () => {
  let t: TestApp;
  let ids: {
    werkmakelaar: string;
    organisation: string;
    candidate: string;
    candidateWerkmakelaar: string;
    employer: string;
    employerOwner: string;
    workplace: string;
  };

  beforeAll(async () => {
    t = await startTestApp();
    await seedWerksoorten(t.db);
    await seedDemo(t.db, { vacancies: 240, candidates: 600, seed: 42, password: PASSWORD });
    const { indexer } = await searchWorker(t);
    await indexer.reindex();
    [ids] = await t.db.query(
      `SELECT wm.id AS werkmakelaar, wm.organisation_id AS organisation,
              k.candidate_id AS candidate, c.werkmakelaar_id AS "candidateWerkmakelaar",
              wg.employer_id AS employer, e.owner_organisation_id AS "employerOwner",
              (SELECT v.id FROM vacancies v WHERE v.employer_id = wg.employer_id AND v.title = $4) AS workplace
         FROM users wm, users k JOIN candidates c ON c.id = k.candidate_id,
              users wg JOIN employers e ON e.id = wg.employer_id
        WHERE wm.email = $1 AND k.email = $2 AND wg.email = $3`,
      [STORY.werkmakelaarEmail, STORY.kandidaatEmail, STORY.werkgeverEmail, STORY.workplaceTitle],
    );
  }, 240_000);
  afterAll(() => t.close());

  it('the demo accounts belong together: kandidaat1 → werkmakelaar1 → werkgever1’s employer', () => {
    expect(ids).toBeDefined();
    expect(STORY.werkgeverEmail).toBe('werkgever1@lunchroom-de-kaasmarkt.demo');
    expect(ids.candidateWerkmakelaar).toBe(ids.werkmakelaar);
    expect(ids.employerOwner).toBe(ids.organisation);
    expect(ids.workplace).toEqual(expect.any(String));
  });

  it('kandidaat1 gets werkgever1’s workplace as her top match, with a place free and no proposal yet', async () => {
    const [kandidaat, werkmakelaar] = await Promise.all([
      tokenFor(t, STORY.kandidaatEmail, PASSWORD),
      tokenFor(t, STORY.werkmakelaarEmail, PASSWORD),
    ]);
    for (const token of [kandidaat, werkmakelaar]) {
      const res = await t
        .http()
        .get(`/api/candidates/${ids.candidate}/matches?limit=5`)
        .set('Authorization', `Bearer ${token}`)
        .expect(200);
      // The README says it is at the top of her matches (and of the werkmakelaar's view of them).
      expect(res.body.items[0]?.vacancy.id).toBe(ids.workplace);
    }
    const open = await t.db.query(
      `SELECT id FROM proposals WHERE candidate_id = $1 AND status NOT IN ('geplaatst','ingetrokken','afgewezen')`,
      [ids.candidate],
    );
    expect(open).toEqual([]);
    // Two places: one taken by an earlier placement, one left for kandidaat1 (README walkthrough).
    const [places] = await t.db.query(
      `SELECT places, places_filled AS filled FROM vacancies WHERE id = $1`,
      [ids.workplace],
    );
    expect(places).toEqual({ places: 2, filled: 1 });
  });

  it('"Geen contact" flags a realistic minority of the caseload (5–20%)', async () => {
    const token = await tokenFor(t, STORY.werkmakelaarEmail, PASSWORD);
    for (const owner of ['me', 'all']) {
      const res = await t
        .http()
        .get(`/api/caseload?owner=${owner}&limit=1`)
        .set('Authorization', `Bearer ${token}`)
        .expect(200);
      const share = res.body.counts.NO_CONTACT / res.body.total;
      expect(res.body.total).toBeGreaterThan(owner === 'me' ? 50 : 200);
      expect(share).toBeGreaterThanOrEqual(0.05);
      expect(share).toBeLessThanOrEqual(0.2);
    }
  });

  it('every workplace’s filled places are its running placements', async () => {
    const wrong = await t.db.query(
      `SELECT v.id, v.places, v.places_filled,
              (SELECT count(*) FROM placements p WHERE p.vacancy_id = v.id AND p.status = 'lopend')::int AS running
         FROM vacancies v
        WHERE v.places_filled <> (SELECT count(*) FROM placements p WHERE p.vacancy_id = v.id AND p.status = 'lopend')
           OR v.places_filled > v.places
           OR (v.status = 'filled' AND v.places_filled < v.places)`,
    );
    expect(wrong).toEqual([]);
    const [{ placements, partly }] = await t.db.query(
      `SELECT (SELECT count(*) FROM placements WHERE status = 'lopend')::int AS placements,
              (SELECT count(*) FROM vacancies WHERE places_filled > 0 AND places_filled < places)::int AS partly`,
    );
    expect(placements).toBeGreaterThan(10);
    expect(partly).toBeGreaterThan(0);
    // A running placement is one per candidate, and the employer sees it (consent recorded).
    const doubles = await t.db.query(
      `SELECT candidate_id FROM placements WHERE status = 'lopend' GROUP BY candidate_id HAVING count(*) > 1`,
    );
    expect(doubles).toEqual([]);
    const [{ hidden }] = await t.db.query(
      `SELECT count(*)::int AS hidden FROM placements WHERE consent_recorded_at IS NULL`,
    );
    expect(hidden).toBe(0);
  });

  it('every seeded open proposal pairs a candidate with a workplace the engine calls a fit', async () => {
    const open = await t.db.query(
      `SELECT candidate_id, vacancy_id FROM proposals WHERE status NOT IN ('geplaatst','ingetrokken','afgewezen')`,
    );
    expect(open.length).toBeGreaterThanOrEqual(4);
    const { docs: candidates } = await loadCandidateDocuments(
      t.db,
      open.map((p: { candidate_id: string }) => p.candidate_id),
    );
    const { docs: vacancies } = await loadVacancyDocuments(
      t.db,
      open.map((p: { vacancy_id: string }) => p.vacancy_id),
    );
    const misfits = open.flatMap((p: { candidate_id: string; vacancy_id: string }) => {
      const c = candidates.find((x) => x.id === p.candidate_id);
      const v = vacancies.find((x) => x.id === p.vacancy_id) as VacancyDocument;
      const blockers = c ? hardConstraintCodes(c, v) : ['MISSING'];
      const wished = c?.werksoortWishes.includes(v.werksoortCode);
      return blockers.length || !wished
        ? [{ ...p, title: v.title, wishes: c?.werksoortWishes, blockers }]
        : [];
    });
    expect(misfits).toEqual([]);
  });

  // Last: it changes the region. The first steps of the README walkthrough, through the API the pages call.
  it('the walkthrough starts: werkmakelaar1 proposes kandidaat1, she agrees, werkgever1 sees it', async () => {
    const bearer = async (email: string) => ({
      Authorization: `Bearer ${await tokenFor(t, email, PASSWORD)}`,
    });
    const proposed = await t
      .http()
      .post('/api/proposals')
      .set(await bearer(STORY.werkmakelaarEmail))
      .send({
        candidateId: ids.candidate,
        vacancyId: ids.workplace,
        motivation: 'De kandidaat wil in de horeca werken en past bij de lunchroom.',
      })
      .expect(201);
    await t
      .http()
      .post(`/api/proposals/${proposed.body.id}/consent`)
      .set(await bearer(STORY.kandidaatEmail))
      .send({ share: ['firstName', 'werkmakelaarContact'] })
      .expect(200);
    const seen = await t
      .http()
      .get(`/api/proposals/${proposed.body.id}`)
      .set(await bearer(STORY.werkgeverEmail))
      .expect(200);
    expect(seen.body.status).toBe('wacht_op_werkgever');
  });
});
