import { bearer, buildWorld, vacancyBody, World } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';
import { type Agent, csrfOf, postForm, signIn } from './support/web-client';
import { signInEmployer } from './support/web-employer';

/**
 * No names through the back door: the werkmakelaar's motivation reaches the employer after consent,
 * and the consent page promises "Je naam … ziet de werkgever niet". A motivation that names the
 * candidate (Sanne de Vries, sanne.devries@example.nl, 06-12345678 in buildWorld), a phone number, a
 * postcode or a BSN-like number is refused on the API and the page, saying what was found and never
 * echoing it; what the employer reads is masked at consent for anything the consent does not share.
 */
describe('no names through the back door', () => {
  let t: TestApp;
  let w: World;
  let made = 0;

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
  });
  afterAll(async () => t?.close());

  const workplace = async () => {
    const res = await t
      .http()
      .post('/api/vacancies')
      .set(bearer(w.wmA.token))
      .send(vacancyBody({ employerId: w.employer.id, title: `Hovenier ${++made}` }))
      .expect(201);
    return res.body.id as string;
  };
  const propose = async (vacancyId: string, motivation: string) =>
    t
      .http()
      .post('/api/proposals')
      .set(bearer(w.wmA.token))
      .send({ candidateId: w.candidateA.id, vacancyId, motivation });

  describe('POST /api/proposals', () => {
    it.each<[string, string, string[]]>([
      ['the first name', 'Sanne zoekt werk buiten.', ['firstName']],
      ['the last name, lower case', 'Mevrouw de vries zoekt werk buiten.', ['lastName']],
      ['the candidate’s e-mail', 'Mail haar op sanne.devries@example.nl.', ['email']],
      ['a phone number', 'Bel haar op +31 6 1234 5678.', ['phone']],
      ['a postcode', 'Woont bij postcode 3441 AB.', ['address']],
      ['a BSN-like number', 'BSN 1234.56.782 staat in het dossier.', ['bsn']],
      ['several at once', 'Sanne de Vries, 06-12345678', ['firstName', 'lastName', 'phone']],
    ])('refuses %s with IDENTIFYING_TEXT, the kinds and no value', async (_n, text, kinds) => {
      const vacancyId = await workplace();
      const res = await propose(vacancyId, text);
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ code: 'IDENTIFYING_TEXT', field: 'motivation', kinds });
      for (const value of ['Sanne', 'Vries', 'vries', 'example.nl', '1234', '3441', '782'])
        expect(res.text).not.toContain(value);
      const [{ n }] = await t.db.query(
        `SELECT count(*)::int AS n FROM proposals WHERE vacancy_id = $1`,
        [vacancyId],
      );
      expect(n).toBe(0);
    });

    it('accepts a text about "de kandidaat"; every check is an audited read by the system', async () => {
      const res = await propose(await workplace(), 'De kandidaat werkt graag buiten.');
      expect(res.status).toBe(201);
      const reads = await t.db.query(
        `SELECT DISTINCT actor_role FROM audit_log
          WHERE action = 'candidate.protected.read' AND candidate_id = $1
            AND purpose = 'controle van tekst voor de werkgever'`,
        [w.candidateA.id],
      );
      expect(reads).toEqual([{ actor_role: 'system' }]);
    });

    it('does not read another organisation’s candidate: the usual refusal', async () => {
      const res = await t
        .http()
        .post('/api/proposals')
        .set(bearer(w.wmA.token))
        .send({ candidateId: w.candidateB.id, vacancyId: await workplace(), motivation: 'Ahmed.' });
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    });
  });

  describe('the werkmakelaar’s form', () => {
    let broker: Agent;
    beforeAll(async () => {
      broker = await signIn(t, 'wm.a@test.nl');
    });

    it('says in Dutch what was found and keeps the text for mending', async () => {
      const form = `/werkmakelaar/kandidaten/${w.candidateA.id}/voorstellen/${await workplace()}`;
      const page = await broker.get(form).expect(200);
      expect(page.text).toContain('geen naam, adres, telefoonnummer, e-mailadres of BSN');
      const res = await postForm(broker, form, form, {
        motivation: 'Mevrouw De Vries werkt graag buiten.',
      });
      expect(res.status).toBe(400);
      expect(res.text).toContain(
        'De motivatie noemt de achternaam van de kandidaat. De werkgever mag die niet zien. Haal die weg.',
      );
      expect(res.text).toContain('href="#veld-motivation"');
      const mended = await postForm(broker, form, form, {
        motivation: 'De kandidaat werkt graag buiten.',
      });
      expect(mended.status).toBe(303);
    });
  });

  describe('at consent: what the employer reads', () => {
    let candidate: Agent;
    let employer: Agent;
    beforeAll(async () => {
      candidate = await signIn(t, 'sanne@test.nl');
      employer = await signInEmployer(t, 'werkgever@groenenzo.nl');
    });

    /** An older proposal whose motivation names her (from before the check). */
    const olderProposal = async () => {
      const res = await propose(await workplace(), 'De kandidaat werkt graag buiten.');
      expect(res.status).toBe(201);
      await t.db.query(`UPDATE proposals SET motivation = $2 WHERE id = $1`, [
        res.body.id,
        'Sanne de Vries (06-12345678) werkt graag buiten.',
      ]);
      return res.body.id as string;
    };

    it.each<[string, string[], string]>([
      [
        'nothing extra shared',
        ['werkmakelaarContact'],
        '[naam] [naam] ([telefoonnummer]) werkt graag buiten.',
      ],
      [
        'the first name shared',
        ['firstName'],
        'Sanne [naam] ([telefoonnummer]) werkt graag buiten.',
      ],
    ])('%s: masked in the employer’s sight, fixed on the consent', async (_n, share, seen) => {
      const id = await olderProposal();
      // Before saying yes, the candidate reads what the employer would see, under "wat de werkgever ziet".
      const ask = await candidate.get(`/kandidaat/toestemming/${id}`).expect(200);
      expect(ask.text).toContain('Wat je werkmakelaar over je schrijft');
      expect(ask.text).toContain('[naam] [naam] ([telefoonnummer]) werkt graag buiten.');
      await candidate
        .post(`/kandidaat/toestemming/${id}/ja`)
        .type('form')
        .send({ _csrf: csrfOf(ask.text), share: share[0] })
        .expect(303);
      const [consent] = await t.db.query(`SELECT motivation FROM consents WHERE proposal_id = $1`, [
        id,
      ]);
      expect(consent.motivation).toBe(seen);
      const api = await t
        .http()
        .get(`/api/proposals/${id}`)
        .set(bearer(w.employer.token))
        .expect(200);
      expect(api.body.motivation).toBe(seen);
      const page = await employer.get(`/werkgever/voorstellen/${id}`).expect(200);
      expect(page.text).toContain(seen);
      expect(page.text).not.toContain('de Vries');
      expect(page.text).not.toContain('06-12345678');
      // The werkmakelaar still reads their own text.
      const own = await t.http().get(`/api/proposals/${id}`).set(bearer(w.wmA.token)).expect(200);
      expect(own.body.motivation).toBe('Sanne de Vries (06-12345678) werkt graag buiten.');
      expect(own.body.sharePreview.motivation).toBe(seen);
    });

    it('a name the consent did not mask (written in later) is masked on every read', async () => {
      const id = await olderProposal();
      await t
        .http()
        .post(`/api/proposals/${id}/consent`)
        .set(bearer(w.candidateA.token))
        .send({ share: [] })
        .expect(200);
      await t.db.query(`UPDATE consents SET motivation = $2 WHERE proposal_id = $1`, [
        id,
        'Mevrouw de Vries werkt graag buiten.',
      ]);
      const api = await t
        .http()
        .get(`/api/proposals/${id}`)
        .set(bearer(w.employer.token))
        .expect(200);
      expect(api.body.motivation).toBe('Mevrouw [naam] werkt graag buiten.');
    });
  });
});
