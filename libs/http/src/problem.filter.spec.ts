import { QueryFailedError } from 'typeorm';
import { toProblem } from './problem.filter';

const pgError = (driverError: Record<string, string>) =>
  new QueryFailedError('INSERT …', [], Object.assign(new Error('db'), driverError));

/** Database refusals become problems that name no constraint, table or column (they would show the schema). */
describe('toProblem for database errors', () => {
  it.each([
    [
      'unique violation',
      { code: '23505', constraint: 'proposals_one_open_per_pair' },
      409,
      'DUPLICATE',
    ],
    [
      'check violation',
      { code: '23514', constraint: 'vacancies_hours_check' },
      422,
      'VALIDATION_FAILED',
    ],
    [
      'reference missing on insert',
      {
        code: '23503',
        constraint: 'placements_vacancy_id_fkey',
        detail: 'Key (vacancy_id)=(…) is not present in table "vacancies".',
      },
      422,
      'REFERENCE_NOT_FOUND',
    ],
    [
      'still referenced on delete',
      {
        code: '23503',
        constraint: 'proposals_vacancy_id_fkey',
        detail: 'Key (id)=(…) is still referenced from table "proposals".',
      },
      409,
      'IN_USE',
    ],
  ])('%s', (_name, driverError, status, code) => {
    const problem = toProblem(pgError(driverError));
    expect(problem).toMatchObject({ status, code });
    const text = JSON.stringify(problem);
    for (const secret of [driverError.constraint, 'vacancies', 'proposals', 'placements'])
      expect(text).not.toContain(secret);
  });
});
