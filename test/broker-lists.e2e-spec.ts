import {
  bearer,
  buildWorld,
  candidateBody,
  insertUser,
  tokenFor,
  vacancyBody,
} from './support/fixtures';
import type { World } from './support/fixtures';
import { searchWorker } from './support/search-sync';
import { startTestApp, type TestApp } from './support/test-app';
import { type Agent, signIn } from './support/web-client';

/** The links of a page, with the HTML entities of the query string undone. */
const hrefs = (html: string) =>
  [...html.matchAll(/href="([^"]+)"/g)].map((m) =>
    (m[1] as string).replace(/&amp;/g, '&').replace(/&#x3D;/g, '='),
  );
const count = (html: string, text: string) => html.split(text).length - 1;

/**
 * The werkmakelaar's lists that grow: names of their own caseload (pseudonyms for a colleague's
 * candidates, whose names no search finds either), a search and paging on the pipeline, the
 * placements, the trajectories and the workplace search, and the workplace page every match, search
 * result and proposal links to.
 */
describe('werkmakelaar lists: names, search and paging', () => {
  let t: TestApp;
  let w: World;
  let broker: Agent;
  /** A colleague's candidate in the same organisation: the werkmakelaar sees a pseudonym. */
  let colleagues: { id: string; pseudonym: string };
  const vacancies: string[] = [];
  let sanne: string;
  let drain: () => Promise<number>;

  const api = (token: string, path: string, body: object) =>
    t.http().post(path).set(bearer(token)).send(body);

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    ({ drain } = await searchWorker(t));
    await insertUser(t.db, 'werkmakelaar', 'wm.collega@test.nl', w.orgA);
    const colleagueToken = await tokenFor(t, 'wm.collega@test.nl');
    const theirs = await api(
      colleagueToken,
      '/api/candidates',
      candidateBody({
        personal: {
          ...candidateBody().personal,
          firstName: 'Pieternella',
          lastName: 'Collegaskandidaat',
          email: 'pieternella@example.nl',
        },
      }),
    ).expect(201);
    colleagues = { id: theirs.body.id, pseudonym: theirs.body.pseudonym };
    const [row] = await t.db.query(`SELECT pseudonym FROM candidates WHERE id = $1`, [
      w.candidateA.id,
    ]);
    sanne = row.pseudonym;
    // 23 workplaces: Sanne is proposed for 22 of them (one column of 22), the colleague's candidate for the last.
    for (let i = 1; i <= 23; i++) {
      const res = await api(
        w.wmA.token,
        '/api/vacancies',
        vacancyBody({
          employerId: w.employer.id,
          title:
            i === 23 ? 'Fietsenmaker in de stalling' : `Groenwerk ${String(i).padStart(2, '0')}`,
          arrangements: ['werkervaringsplaats'],
          places: 3,
        }),
      ).expect(201);
      vacancies.push(res.body.id);
    }
    for (const [i, vacancyId] of vacancies.entries())
      await api(w.wmA.token, '/api/proposals', {
        candidateId: i === 22 ? colleagues.id : w.candidateA.id,
        vacancyId,
        motivation: 'Past goed bij de wensen.',
      }).expect(201);
    // 21 trajectories of the werkmakelaar's own candidates, one of the colleague's.
    const own: string[] = [w.candidateA.id];
    for (let i = 1; i <= 20; i++) {
      const c = await api(
        w.wmA.token,
        '/api/candidates',
        candidateBody({
          personal: {
            ...candidateBody().personal,
            firstName: `Kees${i}`,
            lastName: 'Eigenaar',
            email: `kees${i}@example.nl`,
          },
        }),
      ).expect(201);
      own.push(c.body.id);
    }
    for (const [i, candidateId] of [...own, colleagues.id].entries())
      await api(w.wmA.token, '/api/trajectories', {
        candidateId,
        route: 'participatie',
        startDate: `2026-0${1 + (i % 9)}-05`,
        ...(i === 0 ? { form: 'beschut_werk', vacancyId: vacancies[0] } : {}),
      }).expect(201);
    await drain();
    broker = await signIn(t, 'wm.a@test.nl');
  }, 180_000);
  afterAll(async () => t?.close());

  it('the pipeline names their own caseload and shows a colleague’s candidate by pseudonym', async () => {
    const page = await broker.get('/werkmakelaar/voorstellen').expect(200);
    expect(page.text).toContain('>Sanne de Vries</a>');
    expect(page.text).toContain(`Kandidaat ${colleagues.pseudonym}`);
    expect(page.text).not.toContain('Pieternella');
    expect(page.text).not.toContain('Collegaskandidaat');
    // Every proposal links to its workplace.
    for (const id of vacancies.slice(-10))
      expect(hrefs(page.text)).toContain(`/werkmakelaar/werkplekken/${id}`);
  });

  it('the pipeline overview shows ten per column; the column alone pages twenty at a time', async () => {
    const overview = await broker.get('/werkmakelaar/voorstellen').expect(200);
    const column = hrefs(overview.text).find((h) =>
      h.startsWith('/werkmakelaar/voorstellen?status='),
    );
    expect(column).toBe('/werkmakelaar/voorstellen?status=wacht_op_kandidaat');
    // 22 of Sanne's + 1 of the colleague's wait for the candidate; the overview shows 10 of them.
    expect(overview.text).toContain('Wacht op kandidaat (23)');
    const first = await broker.get(column!).expect(200);
    expect(count(first.text, '/werkmakelaar/voorstellen/')).toBeGreaterThan(0);
    const next = hrefs(first.text).find((h) => h.includes('na='));
    expect(next).toMatch(
      /^\/werkmakelaar\/voorstellen\?status=wacht_op_kandidaat&na=[\w-]+#kolom-wacht_op_kandidaat$/,
    );
    const second = await broker.get(next!).expect(200);
    const shown = (html: string) =>
      vacancies.filter((id) => hrefs(html).includes(`/werkmakelaar/werkplekken/${id}`));
    expect(shown(first.text)).toHaveLength(20);
    expect(shown(second.text)).toHaveLength(3);
    expect(new Set([...shown(first.text), ...shown(second.text)]).size).toBe(23);
    expect(hrefs(second.text).some((h) => h.includes('na='))).toBe(false);
    expect(hrefs(second.text)).toContain(
      '/werkmakelaar/voorstellen?status=wacht_op_kandidaat#kolom-wacht_op_kandidaat',
    );
  });

  it.each<[string, string, number]>([
    ['a name of their own caseload', 'de vries', 22],
    ['a pseudonym', '', 1],
    ['a workplace', 'fietsenmaker', 1],
    ['the employer', 'Groen & Zo', 23],
    ['a colleague’s candidate by name: nothing', 'pieternella', 0],
  ])('the pipeline searches by %s', async (_what, query, found) => {
    const zoek = query || colleagues.pseudonym;
    const page = await broker
      .get(`/werkmakelaar/voorstellen?zoek=${encodeURIComponent(zoek)}&status=wacht_op_kandidaat`)
      .expect(200);
    const shown = vacancies.filter((id) =>
      hrefs(page.text).includes(`/werkmakelaar/werkplekken/${id}`),
    );
    expect(shown).toHaveLength(Math.min(found, 20));
  });

  it('the trajectories: names, pseudonyms, twenty per page, a search by name or workplace', async () => {
    const first = await broker.get('/werkmakelaar/trajecten').expect(200);
    expect(first.text).toContain('22 trajecten, pagina 1 van 2.');
    expect(count(first.text, 'href="/werkmakelaar/trajecten/')).toBe(20 + 1); // + "Traject openen"
    const next = hrefs(first.text).find((h) => h.includes('pagina=2'));
    expect(next).toBe('/werkmakelaar/trajecten?pagina=2#lijst');
    const second = await broker.get(next!).expect(200);
    expect(count(second.text, 'href="/werkmakelaar/trajecten/')).toBe(2 + 1);
    const all = first.text + second.text;
    expect(all).toContain('>Sanne de Vries</a>');
    expect(all).toContain('>Kees7 Eigenaar</a>');
    expect(all).toContain(`>Kandidaat ${colleagues.pseudonym}</a>`);
    expect(all).not.toContain('Pieternella');

    const byName = await broker.get('/werkmakelaar/trajecten?zoek=kees1').expect(200);
    // Kees1 and Kees10 … Kees19.
    expect(byName.text).toContain('11 trajecten gevonden met “kees1”.');
    const byWorkplace = await broker.get('/werkmakelaar/trajecten?zoek=groenwerk%2001').expect(200);
    expect(byWorkplace.text).toContain('1 traject gevonden met “groenwerk 01”.');
    expect(byWorkplace.text).toContain('>Sanne de Vries</a>');
    const notTheirs = await broker.get('/werkmakelaar/trajecten?zoek=pieternella').expect(200);
    expect(notTheirs.text).toContain('0 trajecten gevonden');
    const byPseudonym = await broker
      .get(`/werkmakelaar/trajecten?zoek=${encodeURIComponent(colleagues.pseudonym)}`)
      .expect(200);
    expect(byPseudonym.text).toContain('1 traject gevonden');
    const ended = await broker.get('/werkmakelaar/trajecten?welke=afgelopen').expect(200);
    expect(ended.text).toContain('0 trajecten.');
  });

  it('the placements: a search and names', async () => {
    for (const vacancyId of vacancies.slice(0, 2))
      await api(w.wmA.token, '/api/placements', {
        candidateId: w.candidateA.id,
        vacancyId,
        arrangement: 'werkervaringsplaats',
        startDate: '2026-12-01',
        hoursPerWeek: 16,
        candidateConsent: true,
      }).expect(201);
    const all = await broker.get('/werkmakelaar/plaatsingen').expect(200);
    expect(count(all.text, '>Sanne de Vries bij ')).toBe(2);
    const none = await broker.get('/werkmakelaar/plaatsingen?zoek=fietsenmaker').expect(200);
    expect(count(none.text, ' bij Hoveniersbedrijf')).toBe(0);
    const byName = await broker.get('/werkmakelaar/plaatsingen?zoek=sanne').expect(200);
    expect(count(byName.text, '>Sanne de Vries bij ')).toBe(2);
    const byPseudonym = await broker.get(`/werkmakelaar/plaatsingen?zoek=${sanne}`).expect(200);
    expect(count(byPseudonym.text, '>Sanne de Vries bij ')).toBe(2);
  });

  it('the workplace search pages 25 at a time and links each result to the workplace page', async () => {
    // 25 open workplaces so far: five more make a second page.
    for (let i = 1; i <= 5; i++)
      await api(
        w.wmA.token,
        '/api/vacancies',
        vacancyBody({ employerId: w.employer.id, title: `Schoffelaar ${i}` }),
      ).expect(201);
    await drain();
    const first = await broker.get('/werkmakelaar/werkplekken').expect(200);
    const links = (html: string) =>
      hrefs(html).filter((h) => /^\/werkmakelaar\/werkplekken\/[0-9a-f-]{36}$/.test(h));
    expect(links(first.text)).toHaveLength(25);
    const next = hrefs(first.text).find((h) => h.includes('pagina=2'));
    expect(next).toBe('/werkmakelaar/werkplekken?pagina=2#resultaten');
    const second = await broker.get(next!).expect(200);
    expect(links(second.text).length).toBeGreaterThan(0);
    expect(links(second.text).some((l) => links(first.text).includes(l))).toBe(false);
    const searched = await broker.get('/werkmakelaar/werkplekken?zoek=fietsenmaker').expect(200);
    expect(links(searched.text)).toEqual([`/werkmakelaar/werkplekken/${vacancies[22]}`]);
  });

  it('the workplace page: employer, location, hours, arrangement in words, places and the proposals', async () => {
    const page = await broker.get(`/werkmakelaar/werkplekken/${vacancies[0]}`).expect(200);
    for (const text of [
      '<h1 class="utrecht-heading-1">Groenwerk 01</h1>',
      'Hoveniersbedrijf Groen &amp; Zo',
      'Stationsweg 1, 3445AA Woerden',
      '16 tot 32 uur',
      'Werkervaringsplaats',
      '>Sanne de Vries</a>',
    ])
      expect(page.text).toContain(text);
    expect(page.text).toMatch(/\d van 3 plekken gevuld, \d vrij\./);
    expect(hrefs(page.text)).toContain(`/werkmakelaar/kandidaten/${w.candidateA.id}`);
    const theirs = await broker.get(`/werkmakelaar/werkplekken/${vacancies[22]}`).expect(200);
    expect(theirs.text).toContain(`>Kandidaat ${colleagues.pseudonym}</a>`);
    expect(theirs.text).not.toContain('Pieternella');
    // 'nieuw' is still the form for a new workplace, not a workplace id.
    const form = await broker.get('/werkmakelaar/werkplekken/nieuw').expect(200);
    expect(form.text).toContain('U kunt een werkplek aanmaken voor een werkgever');
  });

  it('the candidate file links every match to the workplace page', async () => {
    const file = await broker.get(`/werkmakelaar/kandidaten/${w.candidateA.id}`).expect(200);
    const matchLinks = hrefs(file.text).filter((h) =>
      /^\/werkmakelaar\/werkplekken\/[0-9a-f-]{36}$/.test(h),
    );
    expect(matchLinks.length).toBeGreaterThan(10);
    expect(matchLinks).toContain(`/werkmakelaar/werkplekken/${vacancies[5]}`);
  });
});
