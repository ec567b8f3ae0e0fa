import { LoginThrottle, type Role } from '@werkbrug/auth';
import { ImportService } from '@werkbrug/import';
import { PasswordResetService } from '@werkbrug/web';
import { assertDutchPage, type Address } from './support/dutch-words';
import {
  bearer,
  buildWorld,
  insertUser,
  PASSWORD,
  vacancyBody,
  type World,
} from './support/fixtures';
import { searchWorker } from './support/search-sync';
import { startTestApp, type TestApp } from './support/test-app';
import { WEB_ROUTES } from './support/web-route-table';
import { signInEmployer, waitingProposal, workplaceForm } from './support/web-employer';
import { type Agent, csrfOf, signIn, webAgent } from './support/web-client';
import { dutchDaysFromNow } from './support/dates';

/** `halverwege`: a werkmakelaar between password and code; `instellen`: one setting up an app. */
type Who = 'anonymous' | 'nieuwe werkgever' | 'halverwege' | 'instellen' | Role;
type Fields = Record<string, string | string[]>;

/** One wrong answer to a form: what is wrong, what is posted, and what the page must then say. */
interface Wrong {
  what: string;
  fields: Fields | (() => Promise<Fields>);
  /** The status of the page that comes back (400 unless said). */
  status?: number;
  /** Words the page must say (the refusal in the reader's words). */
  says?: string | RegExp;
  /** false: the page has no fields to link to (a button), so no error summary; it must still be Dutch. */
  summary?: false;
}

/** A POST form: who fills it in, on which page, and the wrong answers it gets. */
interface FormCase {
  who: Who;
  /** The page with the form (for its CSRF token) and where it posts, with the ids filled in. */
  at: () => Promise<{ page: string; action: string }>;
  wrong: Wrong[];
}

/** A form a reader cannot fill in wrongly (a button): why, and what it does with odd input. */
interface ButtonCase {
  who: Who;
  /** The reader's form of address when it is not the one of `who` (a candidate's page without login). */
  address?: Address;
  button: string;
  at: () => Promise<{ page: string; action: string }>;
  fields: Fields;
  /** The statuses it may answer (a redirect, or a Dutch page). */
  status: number[];
}

const ADDRESS: Record<Who, Address> = {
  anonymous: 'u',
  'nieuwe werkgever': 'u',
  halverwege: 'u',
  instellen: 'u',
  admin: 'u',
  werkgever: 'u',
  werkmakelaar: 'u',
  kandidaat: 'je',
};

const isoDay = dutchDaysFromNow;
const LONG = 'x'.repeat(5000);

/**
 * Every POST form of every portal gets wrong answers (empty, too long, impossible dates, an end
 * before the start, a proefplaatsing longer than its rule allows ...). The page that comes back must
 * be Dutch for its reader (test/support/dutch-words.ts: no English, no codes, no ISO dates, one form
 * of address) and show what is wrong in an error summary. The forms come from the web route table:
 * a new POST route without a case here fails the first test.
 */
describe('every form answers wrong input in Dutch', () => {
  let t: TestApp;
  let w: World;
  const agents = {} as Record<Who, Agent>;
  const api = (token: string) => ({
    post: (path: string, body: object) => t.http().post(path).set(bearer(token)).send(body),
  });
  const created = async (res: { status: number; text: string; body: { id?: string } }) => {
    if (res.status !== 201 && res.status !== 200) throw new Error(`${res.status} ${res.text}`);
    return res.body.id as string;
  };
  let made = 0;
  /** A fresh workplace each time: one open proposal per candidate and workplace, and free places. */
  const vacancy = async () =>
    created(
      await api(w.wmA.token).post(
        '/api/vacancies',
        vacancyBody({ employerId: w.employer.id, title: `Formulier ${++made}` }),
      ),
    );
  /** A proposal the employer wants to meet: it may become a placement. */
  const meetingProposal = async () => {
    const id = await waitingProposal(t, w, []);
    await t
      .http()
      .post(`/api/proposals/${id}/answer`)
      .set(bearer(w.employer.token))
      .send({
        answer: 'interested',
        meetingKind: 'kennismaking',
        meetingDates: [`${isoDay(7)}T10:00:00+01:00`],
      })
      .expect(200);
    return id;
  };
  /** A running proefplaatsing from 1 December 2026 (planned end 1 February 2027). */
  const placement = async () =>
    created(
      await api(w.wmA.token).post('/api/placements', {
        candidateId: w.candidateA.id,
        vacancyId: await vacancy(),
        arrangement: 'proefplaatsing',
        startDate: '2026-12-01',
        hoursPerWeek: 16,
        candidateConsent: true,
      }),
    );
  const versionOf = async (table: string, id: string) =>
    String((await t.db.query(`SELECT version FROM ${table} WHERE id = $1`, [id]))[0].version);
  /** The same placement once the employer confirmed it (only then it can be extended). */
  const confirmedPlacement = async () => {
    const id = await placement();
    await t
      .http()
      .post(`/api/placements/${id}/confirm`)
      .set(bearer(w.employer.token))
      .send({ version: Number(await versionOf('placements', id)) })
      .expect(200);
    return id;
  };
  let trajectoryId: Promise<string> | undefined;
  const trajectory = () =>
    (trajectoryId ??= (async () =>
      created(
        await api(w.wmA.token).post('/api/trajectories', {
          candidateId: w.candidateA.id,
          route: 'werk',
          startDate: '2026-01-05',
          form: 'beschut_werk',
        }),
      ))());
  const goal = async (trajectory: string) =>
    created(
      await api(w.wmA.token).post(`/api/trajectories/${trajectory}/goals`, {
        description: 'Op tijd komen',
      }),
    );
  /** A consent request waiting for the candidate. */
  const consentRequest = async () =>
    created(
      await api(w.wmA.token).post('/api/proposals', {
        candidateId: w.candidateA.id,
        vacancyId: await vacancy(),
        motivation: 'Past bij je wensen.',
      }),
    );
  const file = () => `/werkmakelaar/kandidaten/${w.candidateA.id}`;
  /** A meeting form on the meeting page of a proposal with moments offered (each case its own). */
  const meetingForm =
    (base: (id: string) => string, action: string) =>
    async (): Promise<{ page: string; action: string }> => {
      const page = `${base(await meetingProposal())}/afspraak`;
      return { page, action: action ? `${page}/${action}` : page };
    };
  const candidateMeeting = (action: string) =>
    meetingForm((id) => `/kandidaat/toestemming/${id}`, action);
  const employerMeeting = (action: string) =>
    meetingForm((id) => `/werkgever/voorstellen/${id}`, action);
  const brokerMeeting = (action: string) =>
    meetingForm((id) => `/werkmakelaar/voorstellen/${id}`, action);
  const same = (path: string) => async () => ({ page: path, action: path });
  const werksoortId = async (code: string) =>
    ((await t.db.query(`SELECT id FROM werksoorten WHERE code = $1`, [code]))[0] as { id: string })
      .id;
  /** A dry run of organisation A, waiting for the worker (its real run cannot start yet). */
  const importJob = async () =>
    (
      await t.app.get(ImportService).submit(
        {
          userId: w.wmA.id,
          role: 'werkmakelaar',
          organisationId: w.orgA,
          employerId: null,
          candidateId: null,
        },
        {
          kind: 'candidates',
          organisationId: w.orgA,
          fileName: 'kandidaten.csv',
          bytes: Buffer.from('Voornaam;Achternaam\nNoor;Visser\n'),
          dryRun: true,
        },
      )
    ).id;
  const onPage = (page: string, action: string) => async () => ({ page, action });

  const FORMS: Record<string, FormCase | ButtonCase> = {
    // ---- public pages -------------------------------------------------------------------------
    'POST /inloggen': {
      who: 'anonymous',
      at: same('/inloggen'),
      wrong: [
        { what: 'empty', fields: { email: '', password: '' }, says: 'Vul uw e-mailadres in' },
        { what: 'not an e-mail address', fields: { email: 'sanne', password: 'x' } },
        {
          what: 'a wrong password',
          fields: { email: 'sanne@test.nl', password: 'fout-wachtwoord-lang' },
          status: 401,
          says: 'Het e-mailadres of het wachtwoord klopt niet',
        },
      ],
    },
    // ---- the second factor after the password ------------------------------------------------
    'POST /inlogcode': {
      who: 'halverwege',
      at: same('/inlogcode'),
      wrong: [
        { what: 'empty', fields: { code: '' }, says: 'Vul de code van 6 cijfers uit de app in' },
        {
          what: 'a wrong code',
          fields: { code: '000000' },
          status: 401,
          says: 'De code klopt niet',
        },
        { what: 'no code at all', fields: { code: LONG }, status: 401 },
      ],
    },
    'POST /inlogcode/herstelcode': {
      who: 'halverwege',
      at: same('/inlogcode/herstelcode'),
      wrong: [
        { what: 'empty', fields: { herstelcode: '' }, says: 'Vul een herstelcode in' },
        {
          what: 'an unknown recovery code',
          fields: { herstelcode: 'abcde-fghjk' },
          status: 401,
          says: 'Deze herstelcode klopt niet of is al gebruikt',
        },
      ],
    },
    'POST /inlogcode/instellen': {
      who: 'instellen',
      at: same('/inlogcode/instellen'),
      wrong: [
        { what: 'empty', fields: { code: '' }, says: 'Vul de code van 6 cijfers uit de app in' },
        {
          what: 'a wrong code',
          fields: { code: '12345x' },
          status: 401,
          says: 'De code klopt niet',
        },
      ],
    },
    'POST /inlogcode/klaar': {
      who: 'instellen',
      button: 'goes on after the recovery codes; before the set-up is confirmed, back to it',
      at: onPage('/inlogcode/instellen', '/inlogcode/klaar'),
      fields: {},
      status: [303],
    },
    'POST /beheer/organisaties/:id/gebruikers/:userId/authenticator': {
      who: 'admin',
      button:
        "resets a werkmakelaar's authenticator app; asks first, without an answer nothing happens",
      at: async () => ({
        page: '/beheer/organisaties',
        action: `/beheer/organisaties/${w.orgA}/gebruikers/${w.wmA.id}/authenticator`,
      }),
      fields: { extra: 'veld' },
      status: [200],
    },
    'POST /inloggen/:token': {
      who: 'anonymous',
      button: 'a sign-in link from a mail; a link that no longer works says so',
      at: onPage('/inloggen', `/inloggen/${'x'.repeat(43)}`),
      fields: {},
      status: [410],
    },
    'POST /e-mail-bevestigen/:token': {
      who: 'anonymous',
      button: 'confirms a new login address from a mail; a link that no longer works says so',
      at: onPage('/inloggen', `/e-mail-bevestigen/${'x'.repeat(43)}`),
      fields: {},
      status: [410],
    },
    'POST /sessie/verlengen': {
      who: 'kandidaat',
      button: '"Blijf ingelogd"; a return address elsewhere is not followed',
      at: onPage('/kandidaat/wensen', '/sessie/verlengen'),
      fields: { terug: 'https://elders.example/' },
      status: [303],
    },
    'POST /uitloggen': {
      who: 'anonymous',
      button: 'signs out whoever is signed in; nothing to fill in',
      at: onPage('/inloggen', '/uitloggen'),
      fields: { extra: 'veld' },
      status: [303],
    },
    'POST /wachtwoord-vergeten': {
      who: 'anonymous',
      at: same('/wachtwoord-vergeten'),
      wrong: [
        { what: 'empty', fields: { email: '' } },
        { what: 'too long', fields: { email: `${LONG}@test.nl` } },
      ],
    },
    'POST /wachtwoord-instellen/:token': {
      who: 'anonymous',
      at: async () => {
        const [user] = await t.db.query(`SELECT id FROM users WHERE email = 'sanne@test.nl'`);
        const link = await t.app
          .get(PasswordResetService)
          .issue(t.db.manager, user.id as string, 'reset');
        const path = new URL(link).pathname;
        return { page: path, action: path };
      },
      wrong: [
        { what: 'empty', fields: { password: '', repeat: '' } },
        { what: 'too short', fields: { password: 'kort', repeat: 'kort' } },
        {
          what: 'not repeated',
          fields: { password: 'Een lange zin als wachtwoord', repeat: 'Iets anders' },
        },
      ],
    },
    'POST /voorwaarden': {
      who: 'nieuwe werkgever',
      at: same('/voorwaarden'),
      wrong: [{ what: 'not ticked', fields: {}, says: 'Zet een vinkje' }],
    },
    // ---- the candidate ------------------------------------------------------------------------
    'POST /kandidaat/werkplekken/:id/interesse': {
      who: 'kandidaat',
      button: 'one optional note, cut at 500 characters: nothing to fill in wrongly',
      at: async () => {
        const page = `/kandidaat/werkplekken/${await vacancy()}`;
        return { page, action: `${page}/interesse` };
      },
      fields: { note: LONG },
      status: [303],
    },
    'POST /kandidaat/interesse/:id/intrekken': {
      who: 'kandidaat',
      button: 'takes an interest signal back; nothing to fill in',
      at: async () => {
        const [row] = await t.db.query(
          `INSERT INTO interest_signals (candidate_id, vacancy_id, organisation_id) VALUES ($1, $2, $3) RETURNING id`,
          [w.candidateA.id, await vacancy(), w.orgA],
        );
        return { page: '/kandidaat/interesse', action: `/kandidaat/interesse/${row.id}/intrekken` };
      },
      fields: { extra: 'veld' },
      // A question first ("Weet je het zeker?"), then the redirect.
      status: [200, 303],
    },
    'POST /kandidaat/toestemming/:id/ja': {
      who: 'kandidaat',
      button: 'ticks of what is offered; anything else is left out',
      at: async () => {
        const page = `/kandidaat/toestemming/${await consentRequest()}`;
        return { page, action: `${page}/ja` };
      },
      fields: { share: ['adres', 'bsn'] },
      status: [303],
    },
    'POST /kandidaat/toestemming/:id/nee': {
      who: 'kandidaat',
      button: 'declines a consent request; nothing to fill in',
      at: async () => {
        const page = `/kandidaat/toestemming/${await consentRequest()}`;
        return { page, action: `${page}/nee` };
      },
      fields: { extra: 'veld' },
      status: [303],
    },
    'POST /kandidaat/toestemming/:id/stoppen': {
      who: 'kandidaat',
      button: 'stops sharing at once; nothing to fill in',
      at: async () => {
        const id = await waitingProposal(t, w);
        return {
          page: `/kandidaat/toestemming/${id}`,
          action: `/kandidaat/toestemming/${id}/stoppen`,
        };
      },
      fields: { extra: 'veld' },
      // A question first ("Weet je het zeker?"), then the redirect.
      status: [200, 303],
    },
    'POST /kandidaat/toestemming/:id/afspraak/kiezen': {
      who: 'kandidaat',
      at: candidateMeeting('kiezen'),
      wrong: [
        { what: 'no moment chosen', fields: { option: '' } },
        { what: 'a moment that was never offered', fields: { option: 'morgen' } },
      ],
    },
    'POST /kandidaat/toestemming/:id/afspraak/verzetten': {
      who: 'kandidaat',
      at: candidateMeeting('verzetten'),
      wrong: [{ what: 'a reason too long', fields: { moveReason: LONG } }],
    },
    'POST /kandidaat/toestemming/:id/afspraak/afzeggen': {
      who: 'kandidaat',
      at: candidateMeeting('afzeggen'),
      wrong: [{ what: 'no reason', fields: { cancelReason: '' } }],
    },
    'POST /kandidaat/toestemming/:id/afspraak/verslag': {
      who: 'kandidaat',
      at: candidateMeeting('verslag'),
      wrong: [{ what: 'nothing chosen', fields: { outcome: '' }, says: 'Kies hoe het ging' }],
    },
    'POST /kandidaat/wensen': {
      who: 'kandidaat',
      at: same('/kandidaat/wensen'),
      wrong: [
        { what: 'empty', fields: {} },
        {
          what: 'fewest hours above most, far too far',
          fields: { hoursMin: '30', hoursMax: '10', maxTravelKm: '9999', travelMode: 'raket' },
        },
        { what: 'interests too long', fields: { interests: LONG, hoursMin: 'veel' } },
      ],
    },
    'POST /kandidaat/berichten': {
      who: 'kandidaat',
      at: same('/kandidaat/berichten'),
      wrong: [
        { what: 'nothing chosen', fields: {} },
        { what: 'an unknown choice', fields: { active: 'misschien', frequency: 'elk uur' } },
      ],
    },
    'POST /kandidaat/berichten/stoppen/:token': {
      who: 'anonymous',
      address: 'je',
      button: 'the unsubscribe link from a mail; a link that is not right says so',
      at: onPage('/inloggen', `/kandidaat/berichten/stoppen/${'x'.repeat(40)}`),
      fields: {},
      status: [200, 400, 404, 410],
    },
    'POST /kandidaat/gegevens/verwijderen': {
      who: 'kandidaat',
      at: same('/kandidaat/gegevens/verwijderen'),
      wrong: [{ what: 'not confirmed', fields: { zeker: 'nee' } }],
    },
    // ---- the werkmakelaar ---------------------------------------------------------------------
    'POST /werkmakelaar/kandidaten/:id/ladder': {
      who: 'werkmakelaar',
      at: async () => ({ page: file(), action: `${file()}/ladder` }),
      wrong: [
        { what: 'empty', fields: { rung: '', measuredOn: '' } },
        {
          what: 'a date in the future, a rung that does not exist',
          fields: { rung: '9', measuredOn: isoDay(30), ladderNote: LONG },
        },
        { what: 'not a date', fields: { rung: '3', measuredOn: '31-02-2026' } },
      ],
    },
    'POST /werkmakelaar/kandidaten/:id/contact': {
      who: 'werkmakelaar',
      at: async () => ({ page: file(), action: `${file()}/contact` }),
      wrong: [
        { what: 'empty', fields: { contactOn: '', kind: '' } },
        {
          what: 'in the future',
          fields: { contactOn: '2999-01-01', kind: 'gesprek' },
          says: 'De datum van het contact mag niet in de toekomst liggen',
        },
      ],
    },
    'POST /werkmakelaar/interesse/:id/gezien': {
      who: 'werkmakelaar',
      button: 'marks an interest signal seen; nothing to fill in',
      at: async () => {
        const [row] = await t.db.query(
          `INSERT INTO interest_signals (candidate_id, vacancy_id, organisation_id) VALUES ($1, $2, $3) RETURNING id`,
          [w.candidateA.id, await vacancy(), w.orgA],
        );
        return { page: file(), action: `/werkmakelaar/interesse/${row.id}/gezien` };
      },
      fields: { extra: 'veld' },
      status: [303],
    },
    'POST /werkmakelaar/kandidaten/:id/voorstellen/:vacancyId': {
      who: 'werkmakelaar',
      at: async () => {
        const path = `${file()}/voorstellen/${await vacancy()}`;
        return { page: path, action: path };
      },
      wrong: [
        { what: 'no motivation', fields: { motivation: '' } },
        { what: 'a motivation too long', fields: { motivation: LONG } },
      ],
    },
    'POST /werkmakelaar/voorstellen/:id/status': {
      who: 'werkmakelaar',
      button: 'the pipeline buttons; an unknown step is ignored',
      at: async () => {
        const id = await waitingProposal(t, w);
        return {
          page: '/werkmakelaar/voorstellen',
          action: `/werkmakelaar/voorstellen/${id}/status`,
        };
      },
      fields: { status: 'naar_de_maan' },
      status: [303],
    },
    'POST /werkmakelaar/voorstellen/:id/afspraak': {
      who: 'werkmakelaar',
      at: brokerMeeting(''),
      wrong: [
        {
          what: 'a moment in the past, its end before its start',
          fields: { moment1Date: '2020-01-01', moment1From: '14:00', moment1To: '10:00' },
        },
        { what: 'a reason too long', fields: { meetingKind: 'kennismaking', moveReason: LONG } },
      ],
    },
    'POST /werkmakelaar/voorstellen/:id/afspraak/kiezen': {
      who: 'werkmakelaar',
      at: brokerMeeting('kiezen'),
      wrong: [{ what: 'no moment chosen', fields: { option: '' } }],
    },
    'POST /werkmakelaar/voorstellen/:id/afspraak/afzeggen': {
      who: 'werkmakelaar',
      at: brokerMeeting('afzeggen'),
      wrong: [{ what: 'no reason', fields: { cancelReason: '' } }],
    },
    'POST /werkmakelaar/voorstellen/:id/afspraak/verslag': {
      who: 'werkmakelaar',
      at: brokerMeeting('verslag'),
      wrong: [{ what: 'nothing chosen', fields: { outcome: '' }, says: 'Kies hoe het ging' }],
    },
    'POST /werkmakelaar/voorstellen/:id/plaatsen': {
      who: 'werkmakelaar',
      at: async () => {
        const path = `/werkmakelaar/voorstellen/${await meetingProposal()}/plaatsen`;
        return { page: path, action: path };
      },
      wrong: [
        { what: 'empty', fields: { arrangement: '', startDate: '', hoursPerWeek: '' } },
        {
          what: 'an end before the start',
          fields: {
            arrangement: 'proefplaatsing',
            startDate: '2026-12-14',
            plannedEndDate: '2026-12-01',
            hoursPerWeek: '16',
          },
          says: 'Kies een einddatum na de startdatum',
        },
        {
          what: 'a proefplaatsing longer than its rule',
          fields: {
            arrangement: 'proefplaatsing',
            startDate: '2026-12-14',
            plannedEndDate: '2027-06-01',
            hoursPerWeek: '16',
          },
          says: 'Kies een einddatum op of voor 14 februari 2027',
        },
        {
          what: 'a form of work the workplace does not offer',
          fields: { arrangement: 'beschut_werk', startDate: '2026-12-14', hoursPerWeek: '16' },
        },
      ],
    },
    'POST /werkmakelaar/plaatsingen/:id/verlengen': {
      who: 'werkmakelaar',
      at: async () => {
        const page = `/werkmakelaar/plaatsingen/${await confirmedPlacement()}`;
        return { page, action: `${page}/verlengen` };
      },
      wrong: [
        { what: 'empty', fields: { plannedEndDate: '' } },
        {
          what: 'before the current end',
          fields: async () => ({ plannedEndDate: '2027-01-15' }),
          says: 'Kies een datum na de huidige einddatum (1 februari 2027)',
        },
        {
          what: 'longer than the rule allows',
          fields: { plannedEndDate: '2028-01-01' },
          says: 'Kies een einddatum op of voor 1 juni 2027',
        },
      ],
    },
    'POST /werkmakelaar/plaatsingen/:id/beeindigen': {
      who: 'werkmakelaar',
      at: async () => {
        const page = `/werkmakelaar/plaatsingen/${await confirmedPlacement()}`;
        return { page, action: `${page}/beeindigen` };
      },
      wrong: [
        { what: 'empty', fields: { outcome: '', endedOn: '' } },
        {
          what: 'ended before it started',
          // Confirmed on the question page ("bevestigd"), then refused by the service.
          fields: { outcome: 'studie', endedOn: '2026-11-01', bevestigd: 'ja' },
          says: 'De einddatum kan niet voor de startdatum van de plaatsing liggen',
        },
        {
          what: 'a contract without its length',
          fields: { outcome: 'contract', endedOn: '2026-12-20', bevestigd: 'ja' },
        },
      ],
    },
    'POST /werkmakelaar/plaatsingen/:id/wijzigen': {
      who: 'werkmakelaar',
      at: async () => {
        const page = `/werkmakelaar/plaatsingen/${await placement()}`;
        return { page, action: `${page}/wijzigen` };
      },
      wrong: [
        { what: 'empty', fields: { startDate: '', plannedEndDate: '', hoursPerWeek: '' } },
        {
          what: 'an end before the start',
          fields: { startDate: '2026-12-14', plannedEndDate: '2026-12-01', hoursPerWeek: '16' },
        },
        {
          what: 'longer than the rule allows',
          fields: { startDate: '2026-12-14', plannedEndDate: '2028-01-01', hoursPerWeek: '16' },
        },
      ],
    },
    'POST /werkmakelaar/plaatsingen/:id/telefonisch-akkoord': {
      who: 'werkmakelaar',
      at: async () => {
        const page = `/werkmakelaar/plaatsingen/${await placement()}`;
        return { page, action: `${page}/telefonisch-akkoord` };
      },
      wrong: [
        { what: 'empty', fields: { agreedOn: '', note: '' } },
        { what: 'a call in the future', fields: { agreedOn: '2999-01-01', note: 'Gebeld' } },
        { what: 'a note too long', fields: { agreedOn: isoDay(-1), note: LONG } },
      ],
    },
    'POST /werkmakelaar/werkplekken/nieuw/:employerId': {
      who: 'werkmakelaar',
      at: async () => {
        const path = `/werkmakelaar/werkplekken/nieuw/${w.employer.id}`;
        return { page: path, action: path };
      },
      wrong: [
        { what: 'empty', fields: {} },
        {
          what: 'hours the wrong way round, a start in the past, too long',
          fields: async () => ({
            ...workplaceForm(await locationId()),
            title: LONG,
            hoursMin: '30',
            hoursMax: '10',
            startDate: '2020-01-01',
          }),
        },
      ],
    },
    'POST /werkmakelaar/werkplekken/nieuw/:employerId/publiceren': {
      who: 'werkmakelaar',
      at: async () => ({
        page: `/werkmakelaar/werkplekken/nieuw/${w.employer.id}`,
        action: `/werkmakelaar/werkplekken/nieuw/${w.employer.id}/publiceren`,
      }),
      wrong: [
        {
          what: 'answers changed on the way (no title, no days)',
          fields: async () => ({
            ...workplaceForm(await locationId()),
            title: '',
            workingDays: [],
          }),
        },
      ],
    },
    // ---- the administrator's rules (libs/beheer-pages/src/rules) ------------------------------
    'POST /beheer/regels/instrumenten/:code/nieuw': {
      who: 'admin',
      at: same('/beheer/regels/instrumenten/wml/nieuw'),
      wrong: [
        {
          what: 'empty',
          fields: {
            validFrom: '',
            knownUntil: '',
            param_perHour: '',
            param_minAge: '',
            sourceUrl: '',
            lastChecked: '',
          },
        },
        {
          what: 'a start in the past, a horizon before it, a figure in words, no web address',
          fields: {
            validFrom: '2020-01-01',
            knownUntil: '2019-12-31',
            param_perHour: 'vijftien',
            param_minAge: '21,5',
            sourceUrl: 'rijksoverheid',
            lastChecked: '2026-12-01',
          },
          says: 'De eerste dag mag niet in het verleden liggen',
        },
      ],
    },
    'POST /beheer/regels/instrumenten/:code/opslaan': {
      who: 'admin',
      at: onPage(
        '/beheer/regels/instrumenten/wml/nieuw',
        '/beheer/regels/instrumenten/wml/opslaan',
      ),
      wrong: [{ what: 'nothing carried over', fields: {} }],
    },
    'POST /beheer/regels/plaatsingsvormen/:arrangement/nieuw': {
      who: 'admin',
      at: same('/beheer/regels/plaatsingsvormen/proefplaatsing/nieuw'),
      wrong: [
        {
          what: 'empty',
          fields: { initialMonths: '', maxTotalMonths: '', validFrom: '', source: '' },
        },
        {
          what: 'a total shorter than the first period',
          fields: {
            initialMonths: '6',
            maxTotalMonths: '2',
            validFrom: '2027-01-01',
            knownUntil: '2027-12-31',
            source: 'Verordening',
          },
          says: 'Het totaal moet minstens zo lang zijn als de eerste periode',
        },
      ],
    },
    'POST /beheer/regels/plaatsingsvormen/:arrangement/opslaan': {
      who: 'admin',
      at: onPage(
        '/beheer/regels/plaatsingsvormen/proefplaatsing/nieuw',
        '/beheer/regels/plaatsingsvormen/proefplaatsing/opslaan',
      ),
      wrong: [{ what: 'nothing carried over', fields: {} }],
    },
    'POST /beheer/regels/uren/:organisationId/nieuw': {
      who: 'admin',
      at: async () => {
        const path = `/beheer/regels/uren/${w.orgA}/nieuw`;
        return { page: path, action: path };
      },
      wrong: [
        {
          what: 'a block larger than the maximum',
          fields: {
            diagnosisHours: '100',
            blockHours: '900',
            maxHours: '800',
            warnWithinHours: 'veel',
            validFrom: '2027-01-01',
            knownUntil: '2027-12-31',
            source: 'Ferm Werk',
          },
          says: 'Een blok mag niet groter zijn dan het maximum',
        },
      ],
    },
    'POST /beheer/regels/uren/:organisationId/opslaan': {
      who: 'admin',
      at: async () => ({
        page: `/beheer/regels/uren/${w.orgA}/nieuw`,
        action: `/beheer/regels/uren/${w.orgA}/opslaan`,
      }),
      wrong: [{ what: 'nothing carried over', fields: {} }],
    },
    'POST /werkmakelaar/trajecten/nieuw': {
      who: 'werkmakelaar',
      at: same('/werkmakelaar/trajecten/nieuw'),
      wrong: [
        { what: 'empty', fields: { candidateId: '', route: '', startDate: '' } },
        {
          what: 'an unknown route and no date',
          fields: async () => ({
            candidateId: w.candidateA.id,
            route: 'snelweg',
            startDate: 'gisteren',
          }),
        },
        {
          what: 'a second trajectory on the same route',
          fields: async () => {
            await trajectory();
            return { candidateId: w.candidateA.id, route: 'werk', startDate: '2026-03-02' };
          },
          says: 'Deze kandidaat heeft in die periode al een traject op deze route',
        },
      ],
    },
    'POST /werkmakelaar/trajecten/:trajectoryId/uren': {
      who: 'werkmakelaar',
      at: async () => {
        const page = `/werkmakelaar/trajecten/${await trajectory()}`;
        return { page, action: `${page}/uren` };
      },
      wrong: [
        { what: 'empty', fields: { weekStart: '', hours: '' } },
        { what: 'more hours than a week has', fields: { weekStart: '2026-01-05', hours: '400' } },
        { what: 'not a Monday', fields: { weekStart: '2026-01-07', hours: '8' } },
      ],
    },
    'POST /werkmakelaar/trajecten/:trajectoryId/wissel': {
      who: 'werkmakelaar',
      at: async () => {
        const page = `/werkmakelaar/trajecten/${await trajectory()}`;
        return { page, action: `${page}/wissel` };
      },
      wrong: [
        { what: 'empty', fields: { toForm: '', switchedOn: '', reason: '', decidedBy: '' } },
        {
          what: 'before the trajectory started',
          fields: {
            toForm: 'werkervaringsplaats',
            switchedOn: '2025-01-01',
            reason: 'Het gaat goed',
            decidedBy: 'samen',
          },
        },
      ],
    },
    'POST /werkmakelaar/trajecten/:trajectoryId/leerdoelen': {
      who: 'werkmakelaar',
      at: async () => {
        const page = `/werkmakelaar/trajecten/${await trajectory()}`;
        return { page, action: `${page}/leerdoelen` };
      },
      wrong: [
        { what: 'empty', fields: { description: '' } },
        { what: 'too long, not a date', fields: { description: LONG, evaluationDate: 'ooit' } },
      ],
    },
    'POST /werkmakelaar/trajecten/:trajectoryId/leerdoelen/:goalId': {
      who: 'werkmakelaar',
      at: async () => {
        const page = `/werkmakelaar/trajecten/${await trajectory()}`;
        const id = await goal(await trajectory());
        goals.push(id);
        return { page, action: `${page}/leerdoelen/${id}` };
      },
      wrong: [
        {
          what: 'an unknown status',
          fields: async () => ({ [`status-${goals[0]}`]: 'half', version: '1' }),
        },
      ],
    },
    'POST /werkmakelaar/trajecten/:trajectoryId/afsluiten': {
      who: 'werkmakelaar',
      at: async () => {
        const page = `/werkmakelaar/trajecten/${await trajectory()}/afsluiten`;
        return { page, action: page };
      },
      wrong: [
        { what: 'empty', fields: { outcome: '', endDate: '' } },
        {
          what: 'ended before it started',
          fields: async () => ({
            outcome: 'studie',
            endDate: '2025-01-01',
            version: await versionOf('trajectories', await trajectory()),
          }),
        },
      ],
    },
    // ---- import and export (the werkmakelaar's and the administrator's, one flow) ------------
    'POST /werkmakelaar/import': {
      who: 'werkmakelaar',
      at: same('/werkmakelaar/import'),
      wrong: [
        { what: 'no file', fields: {}, says: 'Kies het bestand met kandidaten.' },
        {
          what: 'an unknown kind and a purpose too long',
          fields: { soort: 'auto', doel: LONG },
          says: 'Kies wat u wilt importeren: kandidaten, werkgevers of werkplekken.',
        },
      ],
    },
    'POST /werkmakelaar/import/export': {
      who: 'werkmakelaar',
      at: async () => ({ page: '/werkmakelaar/import', action: '/werkmakelaar/import/export' }),
      wrong: [
        {
          what: 'nothing chosen',
          fields: { 'export-soort': '', 'export-formaat': '' },
          says: 'Kies wat u wilt exporteren.',
        },
        {
          what: 'a purpose too long',
          fields: { 'export-soort': 'kandidaten', 'export-formaat': 'csv', 'export-doel': LONG },
          says: 'Schrijf het doel in hooguit 500 tekens.',
        },
      ],
    },
    'POST /werkmakelaar/import/:id/importeren': {
      who: 'werkmakelaar',
      button: 'starts the real run of a dry run; one that is not done yet is refused in words',
      at: async () => {
        const page = `/werkmakelaar/import/${await importJob()}`;
        return { page, action: `${page}/importeren` };
      },
      fields: {},
      status: [409],
    },
    'POST /beheer/import': {
      who: 'admin',
      at: async () => ({ page: `/beheer/import?organisatie=${w.orgA}`, action: '/beheer/import' }),
      wrong: [
        { what: 'no organisation', fields: {}, says: 'Kies de organisatie waarin u importeert.' },
        {
          what: 'no file',
          fields: async () => ({ organisatie: w.orgA, soort: 'werkplekken' }),
          says: 'Kies het bestand met werkplekken.',
        },
      ],
    },
    'POST /beheer/import/export': {
      who: 'admin',
      at: async () => ({
        page: `/beheer/import?organisatie=${w.orgA}`,
        action: '/beheer/import/export',
      }),
      wrong: [
        {
          what: 'candidates (only their own werkmakelaar exports them)',
          fields: async () => ({
            organisatie: w.orgA,
            'export-soort': 'kandidaten',
            'export-formaat': 'csv',
          }),
          says: 'Kies wat u wilt exporteren.',
        },
      ],
    },
    'POST /beheer/import/:id/importeren': {
      who: 'admin',
      button: 'starts the real run of a dry run; one that is not done yet is refused in words',
      at: async () => {
        const page = `/beheer/import/${await importJob()}`;
        return { page, action: `${page}/importeren` };
      },
      fields: {},
      status: [409],
    },
    // ---- the employer -------------------------------------------------------------------------
    'POST /werkgever/werkplekken/nieuw': {
      who: 'werkgever',
      at: same('/werkgever/werkplekken/nieuw'),
      wrong: [
        { what: 'empty', fields: {} },
        {
          what: 'hours the wrong way round, a start in the past',
          fields: async () => ({
            ...workplaceForm(await locationId()),
            hoursMin: '30',
            hoursMax: '10',
            startDate: '2020-01-01',
            places: '0',
          }),
        },
      ],
    },
    'POST /werkgever/werkplekken/nieuw/publiceren': {
      who: 'werkgever',
      at: onPage('/werkgever/werkplekken/nieuw', '/werkgever/werkplekken/nieuw/publiceren'),
      wrong: [
        {
          what: 'answers changed on the way',
          fields: async () => ({ ...workplaceForm(await locationId()), title: '', places: '-1' }),
        },
      ],
    },
    'POST /werkgever/werkplekken/:id/wijzigen': {
      who: 'werkgever',
      at: async () => {
        const page = `/werkgever/werkplekken/${w.vacancy.id}/wijzigen`;
        return { page, action: page };
      },
      wrong: [
        {
          what: 'empty hours and days',
          fields: async () => ({
            ...workplaceForm(await locationId()),
            hoursMin: '',
            workingDays: [],
            version: await versionOf('vacancies', w.vacancy.id),
          }),
        },
      ],
    },
    'POST /werkgever/werkplekken/:id/opslaan': {
      who: 'werkgever',
      at: async () => ({
        page: `/werkgever/werkplekken/${w.vacancy.id}/wijzigen`,
        action: `/werkgever/werkplekken/${w.vacancy.id}/opslaan`,
      }),
      wrong: [
        {
          what: 'answers changed on the way',
          fields: async () => ({
            ...workplaceForm(await locationId()),
            title: '',
            version: await versionOf('vacancies', w.vacancy.id),
          }),
        },
      ],
    },
    'POST /werkgever/werkplekken/:id/status': {
      who: 'werkgever',
      button: 'pause, reopen and close buttons; an unknown action shows the workplace again',
      at: async () => ({
        page: `/werkgever/werkplekken/${w.vacancy.id}`,
        action: `/werkgever/werkplekken/${w.vacancy.id}/status`,
      }),
      fields: { actie: 'opblazen', version: '1' },
      status: [400],
    },
    'POST /werkgever/voorstellen/:id/antwoord': {
      who: 'werkgever',
      at: async () => {
        const page = `/werkgever/voorstellen/${await waitingProposal(t, w)}`;
        return { page, action: `${page}/antwoord` };
      },
      wrong: [
        { what: 'no answer', fields: {} },
        {
          what: 'yes without a moment, a moment in the past',
          fields: {
            answer: 'interested',
            meetingKind: 'kennismaking',
            dates: ['2020-01-01T10:00'],
          },
        },
        { what: 'no without a reason, a long note', fields: { answer: 'declined', note: LONG } },
      ],
    },
    'POST /werkgever/voorstellen/:id/afspraak': {
      who: 'werkgever',
      at: employerMeeting(''),
      wrong: [
        { what: 'no kind of meeting, no moments', fields: { meetingKind: '' } },
        { what: 'a reason too long', fields: { meetingKind: 'kennismaking', moveReason: LONG } },
      ],
    },
    'POST /werkgever/voorstellen/:id/afspraak/afzeggen': {
      who: 'werkgever',
      at: employerMeeting('afzeggen'),
      wrong: [{ what: 'no reason', fields: { cancelReason: '' } }],
    },
    'POST /werkgever/voorstellen/:id/afspraak/verslag': {
      who: 'werkgever',
      at: employerMeeting('verslag'),
      wrong: [{ what: 'nothing chosen', fields: { outcome: '' }, says: 'Kies hoe het ging' }],
    },
    'POST /werkgever/voorstellen/:id/beoordeling': {
      who: 'werkgever',
      at: async () => {
        const page = `/werkgever/voorstellen/${await waitingProposal(t, w)}`;
        return { page, action: `${page}/beoordeling` };
      },
      wrong: [{ what: 'an unknown mark', fields: { mark: 'vijf sterren' } }],
    },
    'POST /werkgever/plaatsingen/:id/bevestigen': {
      who: 'werkgever',
      at: async () => {
        const id = await placement();
        return {
          page: `/werkgever/plaatsingen/${id}`,
          action: `/werkgever/plaatsingen/${id}/bevestigen`,
        };
      },
      wrong: [{ what: 'a version someone else overtook', fields: { version: '99' }, status: 409 }],
    },
    'POST /werkgever/plaatsingen/:id/wijziging': {
      who: 'werkgever',
      at: async () => {
        const id = await placement();
        return {
          page: `/werkgever/plaatsingen/${id}`,
          action: `/werkgever/plaatsingen/${id}/wijziging`,
        };
      },
      wrong: [
        { what: 'nothing said', fields: { note: ' ' }, says: 'Schrijf wat er anders moet' },
        { what: 'too long', fields: { note: LONG } },
      ],
    },
    'POST /werkgever/account/locaties': {
      who: 'werkgever',
      at: onPage('/werkgever/account', '/werkgever/account/locaties'),
      wrong: [
        { what: 'empty', fields: { postcode: '', place: '' } },
        { what: 'not a postcode, too long', fields: { postcode: '12', place: 'X', address: LONG } },
      ],
    },
    // ---- administrator: werksoorten -----------------------------------------------------------
    'POST /beheer/werksoorten/nieuw': {
      who: 'admin',
      at: same('/beheer/werksoorten/nieuw'),
      wrong: [
        { what: 'empty', fields: { name: '' }, says: 'Vul een naam in' },
        {
          what: 'codes of the wrong shape',
          fields: { name: 'Proef', iscoCode: '12', brcCode: '99', brcName: '' },
          says: 'Vul een ISCO-code in van 4 cijfers',
        },
        {
          what: 'a BRC group without its code',
          fields: { name: 'Proef', brcName: 'Schoonmakers' },
          says: 'Vul ook de BRC-code in',
        },
        {
          what: 'a name that exists',
          fields: { name: 'Groen' },
          says: 'Er is al een werksoort met deze naam',
        },
      ],
    },
    'POST /beheer/werksoorten/:id': {
      who: 'admin',
      at: async () => same(`/beheer/werksoorten/${await werksoortId('groen')}`)(),
      wrong: [
        { what: 'empty name', fields: { name: '' }, says: 'Vul een naam in' },
        {
          what: 'a BRC code without its group',
          fields: { name: 'Groen', brcCode: '0921', brcName: '' },
          says: 'Vul ook de naam van de BRC-beroepsgroep in',
        },
        {
          what: 'a version someone else has overtaken',
          fields: { name: 'Groen', version: '99' },
          says: 'Iemand anders heeft deze werksoort intussen gewijzigd',
        },
      ],
    },
    'POST /beheer/werksoorten/:id/samenvoegen': {
      who: 'admin',
      at: async () => same(`/beheer/werksoorten/${await werksoortId('catering')}/samenvoegen`)(),
      wrong: [
        { what: 'no choice', fields: { into: '' }, says: 'Kies de werksoort waar deze bij komt' },
        {
          what: 'itself',
          fields: async () => ({ into: await werksoortId('catering') }),
          says: 'Kies de werksoort waar deze bij komt',
        },
        {
          what: 'an unknown werksoort',
          fields: { into: '00000000-0000-4000-8000-000000000000' },
          says: 'Kies de werksoort waar deze bij komt',
        },
      ],
    },
    // ---- organisations, their users and the outbox (libs/beheer-pages) ---------------------------
    'POST /beheer/organisaties/nieuw': {
      who: 'admin',
      at: same('/beheer/organisaties/nieuw'),
      wrong: [
        { what: 'empty', fields: { kind: '', name: '' }, says: 'Kies wat voor organisatie het is' },
        {
          what: 'no name',
          fields: { kind: 'gemeente', name: '' },
          says: 'Vul de naam van de organisatie in',
        },
        {
          what: 'a contact address that is not one',
          fields: { kind: 'gemeente', name: 'Gemeente Proef', contactEmail: 'geen-adres' },
          says: 'Vul een e-mailadres in zoals naam@gemeente.nl, of laat het leeg',
        },
        { what: 'too long', fields: { kind: 'gemeente', name: LONG } },
      ],
    },
    'POST /beheer/organisaties/:id/wijzigen': {
      who: 'admin',
      at: async () => same(`/beheer/organisaties/${w.orgA}/wijzigen`)(),
      wrong: [
        { what: 'no name', fields: { name: '' }, says: 'Vul de naam van de organisatie in' },
        {
          what: 'a phone number that is not one',
          fields: { contactPhone: 'bel me' },
          says: 'Vul een telefoonnummer in zoals 0348 123 456, of laat het leeg',
        },
      ],
    },
    'POST /beheer/organisaties/:id/uitnodigen': {
      who: 'admin',
      at: async () =>
        onPage(`/beheer/organisaties/${w.orgA}`, `/beheer/organisaties/${w.orgA}/uitnodigen`)(),
      wrong: [
        {
          what: 'empty',
          fields: { displayName: '', email: '', functie: '' },
          says: 'Vul de naam in',
        },
        {
          what: 'no task chosen',
          fields: { displayName: 'Ilse Proef', email: 'ilse@test.nl', functie: 'raket' },
          says: 'Kies wat deze persoon gaat doen',
        },
        {
          what: 'an address that is not one',
          fields: { displayName: 'Ilse Proef', email: 'ilse', functie: 'werkmakelaar' },
          says: 'Vul een e-mailadres in zoals naam@gemeente.nl',
        },
      ],
    },
    ...Object.fromEntries(
      (['rol', 'deactiveren', 'activeren', 'uitnodiging', 'uitloggen'] as const).map((step) => [
        `POST /beheer/organisaties/:id/gebruikers/:userId/${step}`,
        {
          who: 'admin',
          button:
            'asks first (nothing changes without "bevestigd"); a step that does not apply says so',
          at: async () =>
            onPage(
              `/beheer/organisaties/${w.orgA}`,
              `/beheer/organisaties/${w.orgA}/gebruikers/${w.wmA.id}/${step}`,
            )(),
          fields: { extra: 'veld' },
          status: [200, 303, 409],
        } satisfies ButtonCase,
      ]),
    ),
    'POST /beheer/organisaties/:id/inloggen': {
      who: 'admin',
      at: async () => same(`/beheer/organisaties/${w.orgA}/inloggen`)(),
      wrong: [
        {
          what: 'empty',
          fields: { issuer: '', clientId: '', clientSecret: '', domains: '' },
          says: 'Vul het adres van de inlogdienst in',
        },
        {
          what: 'no domain',
          fields: {
            issuer: 'https://login.gemeente.nl',
            clientId: 'werkbrug',
            clientSecret: 'geheim',
            domains: '',
          },
          says: 'Vul minstens één e-maildomein in, zoals gemeente.nl',
        },
        {
          what: 'not an address',
          fields: {
            issuer: 'inlogdienst',
            clientId: 'werkbrug',
            clientSecret: 'geheim',
            domains: 'gemeente.nl',
          },
          says: 'Vul het adres van de inlogdienst in, zoals https://login.gemeente.nl',
        },
      ],
    },
    'POST /beheer/organisaties/:id/inloggen/uitzetten': {
      who: 'admin',
      button: 'asks first; an organisation without its own sign-in says so',
      at: async () =>
        onPage(
          `/beheer/organisaties/${w.orgA}/inloggen`,
          `/beheer/organisaties/${w.orgA}/inloggen/uitzetten`,
        )(),
      fields: { extra: 'veld' },
      status: [200, 303, 404],
    },
    // ---- Apparaten en sessies (every role) ----------------------------------------------------------
    'POST /account/sessies/overal': {
      who: 'kandidaat',
      button: '"Overal uitloggen" asks first; nothing ends without "bevestigd"',
      at: onPage('/account/sessies', '/account/sessies/overal'),
      fields: { extra: 'veld' },
      status: [200],
    },
    'POST /account/sessies/anderen': {
      who: 'nieuwe werkgever',
      button: '"Overal uitloggen behalve hier" keeps this session; odd fields change nothing else',
      at: onPage('/account/sessies', '/account/sessies/anderen'),
      fields: { extra: 'veld' },
      status: [303],
    },
    'POST /account/sessies/:id/uitloggen': {
      who: 'werkmakelaar',
      button: 'signs out one device; one that is not (or no longer) there says so',
      at: onPage(
        '/account/sessies',
        '/account/sessies/00000000-0000-4000-8000-000000000001/uitloggen',
      ),
      fields: {},
      status: [303, 400, 404],
    },
    'POST /beheer/berichten/opnieuw': {
      who: 'admin',
      button: 'asks first before every failed message is tried again',
      at: onPage('/beheer/berichten', '/beheer/berichten/opnieuw'),
      fields: { extra: 'veld' },
      status: [200, 303],
    },
    'POST /beheer/berichten/:id/opnieuw': {
      who: 'admin',
      button: 'asks first; a message that is not (or no longer) there says so',
      at: onPage(
        '/beheer/berichten',
        '/beheer/berichten/00000000-0000-4000-8000-000000000001/opnieuw',
      ),
      fields: {},
      status: [200, 404],
    },
    'POST /werkgever/account/collega': {
      who: 'werkgever',
      at: onPage('/werkgever/account', '/werkgever/account/collega'),
      wrong: [
        { what: 'empty', fields: { name: '', email: '' } },
        {
          what: 'an e-mail address already in use',
          fields: { name: 'Collega', email: 'sanne@test.nl' },
        },
      ],
    },
    'POST /werkgever/account/wachtwoord': {
      who: 'werkgever',
      at: onPage('/werkgever/account', '/werkgever/account/wachtwoord'),
      wrong: [
        { what: 'empty', fields: { current: '', password: '', repeat: '' } },
        {
          what: 'a wrong current password',
          fields: {
            current: 'niet mijn wachtwoord',
            password: 'Een nieuwe lange zin',
            repeat: 'Een nieuwe lange zin',
          },
        },
      ],
    },
  };

  const goals: string[] = [];
  let location: Promise<string> | undefined;
  const locationId = () =>
    (location ??= (async () => {
      const [row] = await t.db.query(
        `SELECT id FROM employer_locations WHERE employer_id = $1 LIMIT 1`,
        [w.employer.id],
      );
      return row.id as string;
    })());

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    await (await searchWorker(t)).drain();
    await api(w.adminToken)
      .post('/api/trajectory-rules', {
        organisationId: w.orgA,
        diagnosisHours: 100,
        blockHours: 350,
        maxHours: 800,
        warnWithinHours: 40,
        validFrom: '2020-01-01',
        source: 'Ferm Werk, Leer- en ontwikkelcentrum',
      })
      .expect(201);
    t.app.get(LoginThrottle).reset();
    agents.anonymous = webAgent(t);
    agents.kandidaat = await signIn(t, 'sanne@test.nl');
    agents.werkmakelaar = await signIn(t, 'wm.a@test.nl');
    agents.werkgever = await signInEmployer(t, 'werkgever@groenenzo.nl');
    agents.admin = await signIn(t, 'admin@test.nl');
    await insertUser(t.db, 'werkgever', 'nieuw@groenenzo.nl', w.employer.organisationId, {
      employerId: w.employer.id,
    });
    agents['nieuwe werkgever'] = await signIn(t, 'nieuw@groenenzo.nl');
    // Between the password and the second factor (an app set up, and none yet).
    await insertUser(t.db, 'werkmakelaar', 'halverwege@test.nl', w.orgA);
    const setup = await insertUser(t.db, 'werkmakelaar', 'instellen@test.nl', w.orgA);
    await t.db.query(`DELETE FROM second_factors WHERE user_id = $1`, [setup]);
    for (const [who, email] of [
      ['halverwege', 'halverwege@test.nl'],
      ['instellen', 'instellen@test.nl'],
    ] as const) {
      agents[who] = webAgent(t);
      const form = await agents[who].get('/inloggen');
      await agents[who]
        .post('/inloggen')
        .type('form')
        .send({ email, password: PASSWORD, _csrf: csrfOf(form.text) })
        .expect(303);
    }
  });
  afterAll(async () => t?.close());
  beforeEach(() => t.app.get(LoginThrottle).reset());

  it('has a case for every POST form of the route table', () => {
    const posts = Object.keys(WEB_ROUTES).filter((r) => r.startsWith('POST '));
    expect(Object.keys(FORMS).sort()).toEqual(posts.sort());
  });

  /** Like a browser: the form's hidden fields (version, answers carried over) go along. */
  const hiddenFields = (html: string, action: string): Fields => {
    const start = html.indexOf(`action="${action}"`);
    if (start < 0) return {};
    const form = html.slice(start, html.indexOf('</form>', start));
    const out: Record<string, string[]> = {};
    for (const m of form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g))
      if (m[1] !== '_csrf') (out[m[1] as string] ??= []).push(m[2] as string);
    return Object.fromEntries(
      Object.entries(out).map(([k, v]) => [k, v.length === 1 ? (v[0] as string) : v]),
    );
  };

  const post = async (who: Who, at: { page: string; action: string }, fields: Fields) => {
    const agent = agents[who];
    const page = await agent.get(at.page);
    if (page.status !== 200) throw new Error(`GET ${at.page}: ${page.status}`);
    return agent
      .post(at.action)
      .type('form')
      .send({ ...hiddenFields(page.text, at.action), ...fields, _csrf: csrfOf(page.text) });
  };

  for (const [route, form] of Object.entries(FORMS)) {
    if ('button' in form) {
      it(`${route} (a button: ${form.button})`, async () => {
        const res = await post(form.who, await form.at(), form.fields);
        expect(form.status).toContain(res.status);
        if (String(res.headers['content-type']).startsWith('text/html') && res.status !== 303)
          assertDutchPage(res.text, route, { address: form.address ?? ADDRESS[form.who] });
      });
      continue;
    }
    for (const wrong of form.wrong) {
      it(`${route}: ${wrong.what}`, async () => {
        const at = await form.at();
        const fields = typeof wrong.fields === 'function' ? await wrong.fields() : wrong.fields;
        const res = await post(form.who, at, fields);
        expect({ status: res.status, type: String(res.headers['content-type']) }).toEqual({
          status: wrong.status ?? 400,
          type: expect.stringContaining('text/html'),
        });
        assertDutchPage(res.text, `${route} (${wrong.what})`, { address: ADDRESS[form.who] });
        if (wrong.summary !== false) {
          expect(res.text).toContain('werkbrug-error-summary');
          expect(res.text).toMatch(/<li><a href="#veld-[\w-]+">[^<]+<\/a><\/li>/);
          expect(res.text).toMatch(/<title>Fout: /);
        }
        if (wrong.says) expect(res.text).toMatch(wrong.says);
      });
    }
  }

  it.each<[Who, string, string | RegExp]>([
    [
      'werkmakelaar',
      '/werkmakelaar/rapportages?from=gisteren&to=2020-13-45',
      'bijvoorbeeld 31 januari 2024',
    ],
    [
      'admin',
      '/beheer/rapportages?organisationId=geen&by=kleur',
      'Kies een organisatie uit de lijst',
    ],
    [
      'werkgever',
      '/werkgever/instrumenten?bereken=1&uren=99&loonwaarde=150&vorm=raket',
      /href="#veld-uren"/,
    ],
  ])('the GET form %s %s answers in Dutch too', async (who, path, says) => {
    const res = await agents[who].get(path);
    expect(res.status).toBe(400);
    assertDutchPage(res.text, path, { address: ADDRESS[who] });
    expect(res.text).toContain('werkbrug-error-summary');
    expect(res.text).toMatch(says);
  });

  it('gives the reports as CSV that Dutch Excel opens in columns', async () => {
    const res = await agents.werkmakelaar.get('/werkmakelaar/rapportages/csv?tabel=ferm-werk');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.text.startsWith('\uFEFF')).toBe(true);
    const [header] = res.text.replace(/^\uFEFF/, '').split('\r\n');
    expect(header).toBe('Onderdeel;Totaal');
  });
});
