import type { Actor } from '@werkbrug/auth';
import { caseRecordVisibleSql } from './case-record-access';

const actor = (role: Actor['role']): Actor => ({
  userId: 'u',
  role,
  organisationId: 'org',
  employerId: role === 'werkgever' ? 'emp' : null,
  candidateId: role === 'kandidaat' ? 'cand' : null,
});

describe('caseRecordVisibleSql', () => {
  it.each([
    ['werkmakelaar', 'x.organisation_id = :visOrganisation', { visOrganisation: 'org' }],
    ['kandidaat', 'x.candidate_id = :visCandidate', { visCandidate: 'cand' }],
    [
      'werkgever',
      '(x.vacancy_id IN (SELECT id FROM vacancies WHERE employer_id = :visEmployer) AND CONSENT)',
      { visEmployer: 'emp' },
    ],
    ['admin', 'false', {}],
  ] as const)('%s', (role, sql, params) => {
    expect(caseRecordVisibleSql(actor(role), 'x', 'CONSENT')).toEqual({ sql, params });
  });
});
