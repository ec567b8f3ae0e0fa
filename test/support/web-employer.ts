import type { TestApp } from './test-app';
import { bearer, PASSWORD, vacancyBody, type World } from './fixtures';
import { signIn, type Agent } from './web-client';

/** Records that the user accepted the terms of use (as on their first visit). */
export async function acceptTerms(t: TestApp, email: string): Promise<void> {
  await t.db.query(
    `INSERT INTO terms_acceptances (user_id, terms_version)
     SELECT id, '2026-11' FROM users WHERE email = $1 ON CONFLICT DO NOTHING`,
    [email],
  );
}

/** Signs an employer in, the terms of use already accepted. */
export async function signInEmployer(
  t: TestApp,
  email: string,
  password = PASSWORD,
): Promise<Agent> {
  await acceptTerms(t, email);
  return signIn(t, email, password);
}

/** A complete workplace form with adjusted hours, as an employer fills it in. */
export function workplaceForm(
  locationId: string,
  overrides: Record<string, string | string[]> = {},
) {
  return {
    title: 'Medewerker kwekerij',
    werksoort: 'groen',
    description: 'Stekken oppotten en planten verzorgen in de kas.',
    location: locationId,
    hoursMin: '8',
    hoursMax: '20',
    workingDays: ['ma', 'di', 'do'],
    dayparts: ['ochtend'],
    hoursAdjustable: 'ja',
    adjustments: ['kortere_dagen', 'later_beginnen'],
    adjustmentNote: 'Eerst drie ochtenden',
    arrangements: ['proefplaatsing', 'werkervaringsplaats'],
    lifting: '1',
    standing: '2',
    pace: '0',
    stimuli: '1',
    outdoor: '1',
    support: ['jobcoach', 'rolstoel'],
    minLanguageLevel: 'A2',
    requiredCertificates: '',
    desiredCertificates: 'vca',
    places: '2',
    startDate: '',
    instruments: ['loonkostensubsidie', 'jobcoaching'],
    ...overrides,
  };
}

/** Protected candidate data as buildWorld stores it: never on an employer's page or in their mail. */
export const PROTECTED = [
  'de Vries',
  'sanne.devries@example.nl',
  'Rugklachten',
  '06-12345678',
  'participatiewet',
  '1994-03-12',
  'loonwaarde',
  'banenafspraak',
  'Ahmed',
  'Bakker',
];

let made = 0;

/**
 * Words of the instruments page (scenario questions, regeling names such as "LKV banenafspraak"):
 * vocabulary there, not anyone's data.
 */
export const INSTRUMENT_VOCABULARY = ['participatiewet', 'loonwaarde', 'banenafspraak'];

/** Makes a proposal through the API and lets the candidate consent: it then waits for the employer. */
export async function waitingProposal(
  t: TestApp,
  w: World,
  share = ['werkmakelaarContact'],
  vacancyId?: string,
) {
  // One open proposal per candidate and workplace: a fresh workplace unless one is given.
  let target = vacancyId;
  if (!target) {
    const v = await t
      .http()
      .post('/api/vacancies')
      .set(bearer(w.wmA.token))
      .send(vacancyBody({ employerId: w.employer.id, title: `Hovenier ${++made}` }));
    if (v.status !== 201) throw new Error(`vacancy: ${v.status} ${v.text}`);
    target = v.body.id as string;
  }
  const res = await t.http().post('/api/proposals').set(bearer(w.wmA.token)).send({
    candidateId: w.candidateA.id,
    vacancyId: target,
    motivation: 'Zoekt buitenwerk met planten.',
  });
  if (res.status !== 201) throw new Error(`proposal: ${res.status} ${res.text}`);
  const consent = await t
    .http()
    .post(`/api/proposals/${res.body.id}/consent`)
    .set(bearer(w.candidateA.token))
    .send({ share });
  if (consent.status !== 200) throw new Error(`consent: ${consent.status} ${consent.text}`);
  return res.body.id as string;
}
