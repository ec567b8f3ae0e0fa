import { DataSource } from 'typeorm';
import { addDays, dutchDate, today } from '@werkbrug/domain';
import { AlertsService } from '@werkbrug/alerts';
import { SearchIndexer, SearchOutboxHandlers } from '@werkbrug/matching';
import { OutboxProcessor } from '@werkbrug/outbox';
import { bearer, buildWorld, vacancyBody, World } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';
import { type Agent, csrfOf, postForm, signIn, webAgent } from './support/web-client';
import { dutchToday } from './support/dates';

/**
 * The candidate's pages and the werkmakelaar's console over plain HTTP (no JavaScript at all): every form
 * posts, redirects and shows its result; the same services as the API decide what each role may see.
 */
describe('portal pages (HTTP, no JavaScript)', () => {
  let t: TestApp;
  let w: World;
  let drain: () => Promise<number>;
  let candidate: Agent;
  let broker: Agent;
  let fits: string;

  beforeAll(async () => {
    t = await startTestApp({ PUBLIC_URL: 'https://werkbrug.example' });
    w = await buildWorld(t);
    await t.app.get(SearchIndexer).ensureSettings();
    const processor = new OutboxProcessor(
      t.app.get(DataSource),
      // Search only: without SMTP the mail handler would write files the /dev/mail page then lists.
      t.app.get(SearchOutboxHandlers).all(),
      { baseDelayMs: 50, maxDelayMs: 200 },
    );
    drain = () => processor.drain();
    const res = await t
      .http()
      .post('/api/vacancies')
      .set(bearer(w.wmA.token))
      .send(
        vacancyBody({
          employerId: w.employer.id,
          title: 'Hovenier in het park',
          arrangements: ['werkervaringsplaats'],
          requiredCertificates: [],
        }),
      );
    fits = res.body.id;
    await drain();
    candidate = await signIn(t, 'sanne@test.nl');
    broker = await signIn(t, 'wm.a@test.nl');
  });
  afterAll(async () => t?.close());

  describe('candidate', () => {
    it('Mijn werkplekken: matches with reasons, near misses with who can help', async () => {
      const res = await candidate.get('/kandidaat').expect(200);
      expect(res.text).toContain('Hovenier in het park');
      expect(res.text).toContain('Waarom past dit bij je?');
      // The employer's own vacancy offers proefplaatsing/regulier: not for rung 4, so a near miss.
      expect(res.text).toContain('Medewerker groenonderhoud');
      expect(res.text).toContain('Vraag je werkmakelaar wat de volgende stap is.');
      const filtered = await candidate.get('/kandidaat?werksoort=schoonmaak').expect(200);
      expect(filtered.text).not.toContain('Hovenier in het park');
    });

    it('a workplace page explains its fit from the two records, without a search', async () => {
      // Written after the last drain: Meilisearch does not know these two workplaces yet.
      const post = (body: Record<string, unknown>) =>
        t.http().post('/api/vacancies').set(bearer(w.wmA.token)).send(vacancyBody(body));
      const fresh = await post({
        employerId: w.employer.id,
        title: 'Plantsoenwerker, nog niet in de zoekmachine',
        arrangements: ['werkervaringsplaats'],
        requiredCertificates: [],
      });
      const near = await post({ employerId: w.employer.id, title: 'Groenwerker in vaste dienst' });
      const fits = await candidate.get(`/kandidaat/werkplekken/${fresh.body.id}`).expect(200);
      expect([
        fits.text.includes('Waarom past dit bij je?'),
        fits.text.includes('Wat mist er nog?'),
        /\d+(,\d)? km van je huis/.test(fits.text),
      ]).toEqual([true, false, true]);
      const nearly = await candidate.get(`/kandidaat/werkplekken/${near.body.id}`).expect(200);
      expect([
        nearly.text.includes('Waarom past dit bij je?'),
        nearly.text.includes('Wat mist er nog?'),
        nearly.text.includes('Vraag je werkmakelaar wat de volgende stap is.'),
      ]).toEqual([false, true, true]);
      await drain();
    });

    it('Ik heb interesse: the signal is stored and the status shows', async () => {
      const page = await candidate.get(`/kandidaat/werkplekken/${fits}`).expect(200);
      expect(page.text).toContain('Ik heb interesse');
      expect(page.text).toContain('Werkervaringsplaats:</strong> Je doet werkervaring op.');
      const post = await candidate
        .post(`/kandidaat/werkplekken/${fits}/interesse`)
        .type('form')
        .send({ _csrf: csrfOf(page.text), note: 'Lijkt me leuk' });
      expect(post.status).toBe(303);
      const after = await candidate.get(`/kandidaat/werkplekken/${fits}`).expect(200);
      expect(after.text).toContain('Je hebt gezegd dat je interesse hebt.');
      expect(after.text).toContain(
        'Je interesse voor Hovenier in het park is doorgegeven. Je werkmakelaar kijkt ernaar',
      );
      const list = await candidate.get('/kandidaat/interesse').expect(200);
      expect(list.text).toContain('Je werkmakelaar heeft het nog niet gezien.');
      // The banner was said once.
      expect(list.text).not.toContain('is doorgegeven');
    });

    it('Trek terug asks first; only the confirmed form takes the interest back', async () => {
      // A second workplace to show interest in and take it back (the first one stays for the broker).
      const v = await t
        .http()
        .post('/api/vacancies')
        .set(bearer(w.wmA.token))
        .send(
          vacancyBody({
            employerId: w.employer.id,
            title: 'Tuinhulp bij de kas',
            arrangements: ['werkervaringsplaats'],
            requiredCertificates: [],
          }),
        )
        .expect(201);
      const interested = await postForm(
        candidate,
        `/kandidaat/werkplekken/${v.body.id}`,
        `/kandidaat/werkplekken/${v.body.id}/interesse`,
        {},
      );
      expect(interested.status).toBe(303);
      const [signal] = await t.db.query(
        `SELECT id FROM interest_signals WHERE vacancy_id = $1 AND withdrawn_at IS NULL`,
        [v.body.id],
      );
      const ask = await postForm(
        candidate,
        '/kandidaat/interesse',
        `/kandidaat/interesse/${signal.id}/intrekken`,
        {},
      );
      expect(ask.status).toBe(200);
      expect(ask.text).toContain('Wil je je interesse voor Tuinhulp bij de kas terugtrekken?');
      expect(ask.text).toContain('name="bevestigd" value="ja"');
      const [still] = await t.db.query(`SELECT withdrawn_at FROM interest_signals WHERE id = $1`, [
        signal.id,
      ]);
      expect(still.withdrawn_at).toBeNull();
      const yes = await candidate
        .post(`/kandidaat/interesse/${signal.id}/intrekken`)
        .type('form')
        .send({ _csrf: csrfOf(ask.text), bevestigd: 'ja' });
      expect(yes.status).toBe(303);
      const [gone] = await t.db.query(`SELECT withdrawn_at FROM interest_signals WHERE id = $1`, [
        signal.id,
      ]);
      expect(gone.withdrawn_at).not.toBeNull();
      const list = await candidate.get('/kandidaat/interesse').expect(200);
      expect(list.text).toContain('Je hebt je interesse voor Tuinhulp bij de kas teruggetrokken.');
    });

    it('refuses a form without the CSRF token', async () => {
      const res = await candidate
        .post(`/kandidaat/werkplekken/${fits}/interesse`)
        .type('form')
        .send({});
      expect(res.status).toBe(403);
    });

    it('Mijn wensen: errors in the summary, then saved', async () => {
      const bad = await postForm(candidate, '/kandidaat/wensen', '/kandidaat/wensen', {
        hoursMin: '30',
        hoursMax: '10',
        travelMode: 'fiets',
      });
      expect(bad.status).toBe(400);
      expect(bad.text).toContain('Er is iets niet goed ingevuld');
      expect(bad.text).toContain('href="#veld-days"');
      expect(bad.text).toContain('<title>Fout: Mijn wensen – Werkbrug</title>');
      const ok = await postForm(candidate, '/kandidaat/wensen', '/kandidaat/wensen', {
        werksoortWishes: ['groen'],
        interests: 'buiten werken',
        hoursMin: '12',
        hoursMax: '24',
        days: ['ma', 'di', 'wo'],
        dayparts: ['ochtend'],
        travelMode: 'fiets',
        maxTravelKm: '10,5',
      });
      expect(ok.status).toBe(303);
      const [row] = await t.db.query(
        `SELECT werksoort_wishes, max_travel_km FROM candidates WHERE id = $1`,
        [w.candidateA.id],
      );
      expect(row).toEqual({ werksoort_wishes: ['groen'], max_travel_km: '10.5' });
      expect(ok.headers.location).toBe('/kandidaat/wensen');
      const page = await candidate.get('/kandidaat/wensen').expect(200);
      expect(page.text).toContain('role="status"');
      expect(page.text).toContain('Je wensen zijn opgeslagen.');
      await drain();
    });

    it('Berichten: opt in; the unsubscribe page works without logging in', async () => {
      const res = await postForm(candidate, '/kandidaat/berichten', '/kandidaat/berichten', {
        active: 'ja',
        frequency: 'wekelijks',
      });
      expect(res.status).toBe(303);
      const saved = await candidate.get('/kandidaat/berichten').expect(200);
      expect(saved.text).toContain('Je krijgt één keer per week een e-mail');
      const [sub] = await t.db.query(
        `SELECT id, link_nonce FROM match_alert_subscriptions WHERE candidate_id = $1 AND active`,
        [w.candidateA.id],
      );
      const link = t.app.get(AlertsService).unsubscribeLink(sub.id, sub.link_nonce);
      const path = new URL(link).pathname;
      const anonymous = webAgent(t);
      const page = await anonymous.get(path).expect(200);
      expect(page.text).toContain('Stop de berichten');
      const stop = await anonymous
        .post(path)
        .type('form')
        .send({ _csrf: csrfOf(page.text) });
      expect(stop.status).toBe(200);
      expect(stop.text).toContain('Je krijgt geen e-mail meer');
      const forged = await anonymous
        .post(path.slice(0, -3) + 'abc')
        .type('form')
        .send({ _csrf: csrfOf(page.text) });
      expect(forged.status).toBe(410);
      // A forged link's page says so at once (410), with no button.
      const forgedPage = await anonymous.get(path.slice(0, -3) + 'abc').expect(410);
      expect(forgedPage.text).toContain('niet meer geldig');
      expect(forgedPage.text).not.toContain('Stop de berichten');
    });

    it('Mijn gegevens: who read my file, and a download', async () => {
      await t
        .http()
        .get(`/api/candidates/${w.candidateA.id}`)
        .set(bearer(w.wmA.token))
        .set('X-Purpose', 'voorbereiden gesprek')
        .expect(200);
      const page = await candidate.get('/kandidaat/gegevens').expect(200);
      expect(page.text).toContain('voorbereiden gesprek');
      expect(page.text).toContain('Een werkmakelaar van Ferm Werk');
      const file = await candidate.get('/kandidaat/gegevens/download').expect(200);
      expect(file.headers['content-disposition']).toContain('attachment');
      expect(JSON.parse(file.text).candidate.id).toBe(w.candidateA.id);
      // Erasing asks first (a checkbox on its own page): without it nothing is erased.
      const ask = await postForm(
        candidate,
        '/kandidaat/gegevens/verwijderen',
        '/kandidaat/gegevens/verwijderen',
        {},
      );
      expect(ask.status).toBe(400);
      expect(ask.text).toContain('Kun je dit niet meer terugdraaien.');
      const [still] = await t.db.query(`SELECT erased_at FROM candidates WHERE id = $1`, [
        w.candidateA.id,
      ]);
      expect(still.erased_at).toBeNull();
    });
  });
  describe('werkmakelaar console', () => {
    let proposalId: string;

    it('the caseload shows who needs attention, with search and filters', async () => {
      const page = await broker.get('/werkmakelaar').expect(200);
      expect(page.text).toContain('Mijn kandidaten');
      expect(page.text).toContain('Sanne de Vries');
      expect(page.text).toContain('Interesse van de kandidaat');
      expect(page.text).not.toContain('Ahmed');
      const filtered = await broker
        .get('/werkmakelaar?aandacht=INTEREST_SIGNAL&zoek=sanne')
        .expect(200);
      expect(filtered.text).toContain('Sanne de Vries');
      const none = await broker.get('/werkmakelaar?zoek=niemand-heet-zo').expect(200);
      expect(none.text).toContain('Geen kandidaten gevonden.');
    });

    it('the candidate file shows the work profile; the protected part needs a purpose and is audited', async () => {
      const file = await broker.get(`/werkmakelaar/kandidaten/${w.candidateA.id}`).expect(200);
      expect(file.text).toContain('Werkprofiel');
      expect(file.text).toContain('<h1 class="utrecht-heading-1">Sanne de Vries</h1>');
      expect(file.text).toContain('Hovenier in het park');
      expect(file.text).not.toContain('Rugklachten');
      expect(file.text).not.toContain('06-12345678');
      const ask = await broker
        .get(`/werkmakelaar/kandidaten/${w.candidateA.id}/dossier`)
        .expect(200);
      expect(ask.text).not.toContain('Rugklachten');
      const bad = await broker.get(
        `/werkmakelaar/kandidaten/${w.candidateA.id}/dossier?doel=nieuwsgierig`,
      );
      expect(bad.status).toBe(400);
      const open = await broker
        .get(
          `/werkmakelaar/kandidaten/${w.candidateA.id}/dossier?doel=${encodeURIComponent('Dossier bijwerken')}`,
        )
        .expect(200);
      expect(open.text).toContain('Rugklachten');
      const [audit] = await t.db.query(
        `SELECT purpose FROM audit_log WHERE candidate_id = $1 AND action = 'candidate.read' ORDER BY created_at DESC LIMIT 1`,
        [w.candidateA.id],
      );
      expect(audit.purpose).toBe('Dossier bijwerken');
      // Another organisation's candidate is simply not there.
      await broker.get(`/werkmakelaar/kandidaten/${w.candidateB.id}`).expect(404);
      await broker
        .get(`/werkmakelaar/kandidaten/${w.candidateB.id}/dossier?doel=Dossier%20bijwerken`)
        .expect(404);
    });

    it('proposes a candidate with a motivation; the candidate agrees and then stops sharing', async () => {
      const form = `/werkmakelaar/kandidaten/${w.candidateA.id}/voorstellen/${fits}`;
      const empty = await postForm(broker, form, form, { motivation: '' });
      expect(empty.status).toBe(400);
      const res = await postForm(broker, form, form, {
        motivation: 'De kandidaat werkt graag buiten.',
      });
      expect(res.status).toBe(303);
      const pipeline = await broker.get('/werkmakelaar/voorstellen').expect(200);
      expect(pipeline.text).toMatch(
        /Kandidaat K-[0-9]+ is voorgesteld voor Hovenier in het park bij Hoveniersbedrijf Groen &amp; Zo\./,
      );
      const [row] = await t.db.query(
        `SELECT id, status FROM proposals WHERE candidate_id = $1 AND vacancy_id = $2`,
        [w.candidateA.id, fits],
      );
      expect(row.status).toBe('wacht_op_kandidaat');
      proposalId = row.id;
      const start = await candidate.get('/kandidaat').expect(200);
      expect(start.text).toContain('Er wacht een vraag op jouw antwoord.');
      const ask = await candidate.get(`/kandidaat/toestemming/${proposalId}`).expect(200);
      expect(ask.text).toContain('Wat ziet de werkgever als je ja zegt?');
      expect(ask.text).toContain('De kandidaat werkt graag buiten.');
      const yes = await candidate
        .post(`/kandidaat/toestemming/${proposalId}/ja`)
        .type('form')
        .send({ _csrf: csrfOf(ask.text), share: 'werkmakelaarContact' });
      expect(yes.status).toBe(303);
      const sharing = await candidate.get('/kandidaat/toestemming').expect(200);
      // The banner says what happened, once.
      expect(sharing.text).toContain('role="status"');
      expect(sharing.text).toContain('Je profiel is gedeeld met');
      expect(sharing.text).toContain('Stop met delen');
      expect(sharing.text).toContain('Naam en e-mail van je werkmakelaar');
      const again = await candidate.get('/kandidaat/toestemming').expect(200);
      expect(again.text).not.toContain('Je profiel is gedeeld met');
      const answered = await candidate.get(`/kandidaat/toestemming/${proposalId}`).expect(200);
      expect(answered.text).toContain('Je voorstel bij Hoveniersbedrijf Groen &amp; Zo</h1>');
      // Stopping asks first; only the confirmed form acts.
      const askStop = await candidate
        .post(`/kandidaat/toestemming/${proposalId}/stoppen`)
        .type('form')
        .send({ _csrf: csrfOf(sharing.text) })
        .expect(200);
      expect(askStop.text).toContain('Wil je stoppen met delen met');
      const [before] = await t.db.query(
        `SELECT withdrawn_at FROM consents WHERE proposal_id = $1`,
        [proposalId],
      );
      expect(before.withdrawn_at).toBeNull();
      const stop = await candidate
        .post(`/kandidaat/toestemming/${proposalId}/stoppen`)
        .type('form')
        .send({ _csrf: csrfOf(askStop.text), bevestigd: 'ja' });
      expect(stop.status).toBe(303);
      const after = await candidate.get('/kandidaat/toestemming').expect(200);
      expect(after.text).toContain('Je deelt je profiel niet meer met');
      const [consent] = await t.db.query(
        `SELECT withdrawn_at FROM consents WHERE proposal_id = $1`,
        [proposalId],
      );
      expect(consent.withdrawn_at).not.toBeNull();
    });

    it('moves a proposal through the pipeline to a placement, extends and ends it', async () => {
      // A fresh proposal the candidate agrees to (through the API), then the steps as buttons.
      const p = await t
        .http()
        .post('/api/proposals')
        .set(bearer(w.wmA.token))
        .send({ candidateId: w.candidateA.id, vacancyId: fits, motivation: 'Nog een keer.' })
        .expect(201);
      await t
        .http()
        .post(`/api/proposals/${p.body.id}/consent`)
        .set(bearer(w.candidateA.token))
        .send({ share: [] })
        .expect(200);
      await t
        .http()
        .post(`/api/proposals/${p.body.id}/answer`)
        .set(bearer(w.employer.token))
        .send({
          answer: 'interested',
          meetingKind: 'kennismaking',
          meetingDates: ['2030-12-03T10:00:00+01:00'],
        })
        .expect(200);
      const pipeline = await broker.get('/werkmakelaar/voorstellen').expect(200);
      expect(pipeline.text).toContain(`/werkmakelaar/voorstellen/${p.body.id}/plaatsen`);
      expect(pipeline.text).toContain('name="status" value="meeloopdag"');
      const moved = await broker
        .post(`/werkmakelaar/voorstellen/${p.body.id}/status`)
        .type('form')
        .send({ _csrf: csrfOf(pipeline.text), status: 'meeloopdag' });
      expect(moved.status).toBe(303);
      const movedPage = await broker.get('/werkmakelaar/voorstellen').expect(200);
      expect(movedPage.text).toMatch(
        /Het voorstel voor Kandidaat K-[0-9]+ bij Hovenier in het park staat nu op Meeloopdag\./,
      );
      const form = `/werkmakelaar/voorstellen/${p.body.id}/plaatsen`;
      const bad = await postForm(broker, form, form, {
        arrangement: '',
        startDate: 'morgen',
        hoursPerWeek: '99',
      });
      expect(bad.status).toBe(400);
      expect(bad.text).toContain('href="#veld-startDate"');
      const placed = await postForm(broker, form, form, {
        arrangement: 'werkervaringsplaats',
        startDate: '2026-12-01',
        hoursPerWeek: '16',
      });
      expect(placed.status).toBe(303);
      const placedPage = await broker.get('/werkmakelaar/plaatsingen').expect(200);
      expect(placedPage.text).toMatch(
        /Kandidaat K-[0-9]+ is geplaatst als Hovenier in het park bij Hoveniersbedrijf Groen &amp; Zo, vanaf 1 december 2026\. Hoveniersbedrijf Groen &amp; Zo krijgt een e-mail met de vraag om de plaatsing te bevestigen\./,
      );
      const [placement] = await t.db.query(
        `SELECT id, planned_end_date::text AS end FROM placements WHERE proposal_id = $1`,
        [p.body.id],
      );
      expect(placement.end).toBe('2027-03-01');
      // The candidate's page is titled by where it stands; the status follows the start date.
      const placedForCandidate = async () =>
        (await candidate.get(`/kandidaat/toestemming/${p.body.id}`).expect(200)).text;
      const started = await placedForCandidate();
      expect(started).toContain('Je plaatsing bij Hoveniersbedrijf Groen &amp; Zo</h1>');
      expect(started).not.toContain('Mag je werkmakelaar je voorstellen');
      expect(started).toContain(
        today() >= '2026-12-01'
          ? 'Je werkt hier sinds 1 december 2026'
          : 'Je begint op 1 december 2026',
      );
      const later = addDays(today(), 8);
      await t.db.query(`UPDATE placements SET start_date = $2 WHERE id = $1`, [
        placement.id,
        later,
      ]);
      expect(await placedForCandidate()).toContain(`Je begint op ${dutchDate(later)}`);
      await t.db.query(`UPDATE placements SET start_date = '2026-12-01' WHERE id = $1`, [
        placement.id,
      ]);
      const list = await broker.get('/werkmakelaar/plaatsingen').expect(200);
      expect(list.text).toContain(`/werkmakelaar/plaatsingen/${placement.id}`);
      const detail = `/werkmakelaar/plaatsingen/${placement.id}`;
      const version = async () =>
        String(
          (await t.db.query(`SELECT version FROM placements WHERE id = $1`, [placement.id]))[0]
            .version,
        );
      // The employer has not confirmed yet: the page says so; the werkmakelaar records their phone agreement.
      const waiting = await broker.get(detail).expect(200);
      expect(waiting.text).toContain('Wacht op bevestiging van de werkgever');
      expect(waiting.text).not.toContain(`${detail}/verlengen`);
      const agreed = await postForm(broker, detail, `${detail}/telefonisch-akkoord`, {
        agreedOn: dutchToday(),
        note: 'Gebeld met de werkgever: akkoord.',
        version: await version(),
      });
      expect([agreed.status, agreed.headers.location]).toEqual([303, detail]);
      const confirmedPage = await broker.get(detail).expect(200);
      expect(confirmedPage.text).toContain('telefonisch akkoord');
      expect(confirmedPage.text).toContain('role="status"');
      const tooLong = await postForm(broker, detail, `${detail}/verlengen`, {
        plannedEndDate: '2028-01-01',
        version: await version(),
      });
      expect(tooLong.status).toBe(400);
      const extended = await postForm(broker, detail, `${detail}/verlengen`, {
        plannedEndDate: '2027-05-01',
        version: await version(),
      });
      expect(extended.status).toBe(303);
      const extendedPage = await broker.get(detail).expect(200);
      expect(extendedPage.text).toMatch(
        /De plaatsing van Kandidaat K-[0-9]+ loopt nu tot 1 mei 2027\./,
      );
      // Ending asks first: the answers come back on a confirmation page, nothing has changed yet.
      const ask = await postForm(broker, detail, `${detail}/beeindigen`, {
        outcome: 'contract',
        endedOn: '2027-04-01',
        contractMonths: '12',
        contractHours: '24',
        version: await version(),
      });
      expect(ask.status).toBe(200);
      expect(ask.text).toMatch(/Wilt u de plaatsing van Kandidaat K-[0-9]+ beëindigen\?/);
      expect(ask.text).toContain('stopt op 1 april 2027');
      expect(ask.text).toContain('name="contractMonths" value="12"');
      const [running] = await t.db.query(`SELECT status FROM placements WHERE id = $1`, [
        placement.id,
      ]);
      expect(running.status).toBe('lopend');
      const fields = [...ask.text.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)]
        .map((m) => [m[1], m[2]])
        .filter(([name]) => name !== '_csrf');
      const ended = await broker
        .post(`${detail}/beeindigen`)
        .type('form')
        .send({ ...Object.fromEntries(fields), bevestigd: 'ja', _csrf: csrfOf(ask.text) });
      expect(ended.status).toBe(303);
      const after = await broker.get(detail).expect(200);
      expect(after.text).toContain('Contract bij de werkgever');
      expect(after.text).toMatch(
        /De plaatsing van Kandidaat K-[0-9]+ is beëindigd\. Afloop: Contract bij de werkgever\./,
      );
    });

    it('logs a contact moment, which ends the "no contact" attention', async () => {
      const file = `/werkmakelaar/kandidaten/${w.candidateA.id}`;
      const bad = await postForm(broker, file, `${file}/contact`, {
        contactOn: '2999-01-01',
        kind: 'gesprek',
      });
      expect(bad.status).toBe(400);
      expect(bad.text).toContain('href="#veld-contactOn"');
      expect(bad.text).toContain('De datum van het contact mag niet in de toekomst liggen');
      const ok = await postForm(broker, file, `${file}/contact`, {
        contactOn: dutchToday(),
        kind: 'telefoon',
        note: 'Gebeld over de plaatsing',
      });
      expect(ok.status).toBe(303);
      const page = await broker.get(file).expect(200);
      expect(page.text).toContain('Gebeld over de plaatsing');
      expect(page.text).toMatch(
        /Het contactmoment met Kandidaat K-[0-9]+ is opgeslagen: telefoon op /,
      );
    });

    it('marks an interest signal as seen, and says so', async () => {
      const [signal] = await t.db.query(
        `SELECT id FROM interest_signals WHERE vacancy_id = $1 AND withdrawn_at IS NULL`,
        [fits],
      );
      const file = `/werkmakelaar/kandidaten/${w.candidateA.id}`;
      const seen = await postForm(broker, file, `/werkmakelaar/interesse/${signal.id}/gezien`, {});
      expect(seen.status).toBe(303);
      const page = await broker.get(file).expect(200);
      expect(page.text).toMatch(
        /De interesse van Kandidaat K-[0-9]+ voor Hovenier in het park staat op gezien\./,
      );
    });

    it('Intrekken asks first; the unconfirmed form changes nothing', async () => {
      const p = await t
        .http()
        .post('/api/proposals')
        .set(bearer(w.wmA.token))
        .send({ candidateId: w.candidateA.id, vacancyId: fits, motivation: 'Om in te trekken.' })
        .expect(201);
      const page = `/werkmakelaar/voorstellen/${p.body.id}`;
      const ask = await postForm(broker, page, `${page}/status`, { status: 'ingetrokken' });
      expect(ask.status).toBe(200);
      expect(ask.text).toMatch(
        /Wilt u het voorstel voor Kandidaat K-[0-9]+ bij Hovenier in het park intrekken\?/,
      );
      expect(ask.text).toContain('name="status" value="ingetrokken"');
      expect(ask.text).toContain(`href="${page}"`);
      const status = async () =>
        (await t.db.query(`SELECT status FROM proposals WHERE id = $1`, [p.body.id]))[0].status;
      expect(await status()).toBe('wacht_op_kandidaat');
      const done = await broker
        .post(`${page}/status`)
        .type('form')
        .send({ status: 'ingetrokken', bevestigd: 'ja', _csrf: csrfOf(ask.text) });
      expect(done.status).toBe(303);
      expect(await status()).toBe('ingetrokken');
      const pipeline = await broker.get('/werkmakelaar/voorstellen').expect(200);
      expect(pipeline.text).toMatch(
        /Het voorstel voor Kandidaat K-[0-9]+ bij Hovenier in het park is ingetrokken\./,
      );
    });

    it('searches workplaces with facets', async () => {
      const page = await broker.get('/werkmakelaar/werkplekken?zoek=hovenier').expect(200);
      expect(page.text).toContain('Hovenier in het park');
      expect(page.text).toMatch(/Groen \(\d+\)/);
    });
  });
});
