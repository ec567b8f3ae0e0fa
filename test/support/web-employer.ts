import type { TestApp } from './test-app';
import { PASSWORD } from './fixtures';
import { signIn, type Agent } from './web-client';

/** Signs an employer in and accepts the terms of use (as on their first visit). */
export async function signInEmployer(
  t: TestApp,
  email: string,
  password = PASSWORD,
): Promise<Agent> {
  await t.db.query(
    `INSERT INTO terms_acceptances (user_id, terms_version)
     SELECT id, '2026-11' FROM users WHERE email = $1 ON CONFLICT DO NOTHING`,
    [email],
  );
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
