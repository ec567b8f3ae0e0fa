import { QueryFailedError } from 'typeorm';
import { DatabaseUnavailableError, noteConnectionLoss, OUTAGE_WINDOW_MS } from '@werkbrug/database';
import { toProblem } from './problem.filter';

// Each case starts long after any outage (a connection loss is remembered for a while).
beforeEach(() => noteConnectionLoss(Number.NEGATIVE_INFINITY));

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

/** PostgreSQL out of reach is an outage: 503 DATABASE_UNAVAILABLE with when to try again, never a 500. */
describe('toProblem for a database that is away', () => {
  const withCode = (code: string, message = 'failed') =>
    Object.assign(new Error(message), { code });
  it.each<[string, unknown, number]>([
    ['refused', withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'), 5],
    ['dropped mid-query', pgError({ message: 'Connection terminated unexpectedly' }), 5],
    ['admin shutdown', pgError({ code: '57P01' }), 5],
    ['starting up', withCode('57P03', 'the database system is starting up'), 5],
    ['breaker open, 1.2 s to the probe', new DatabaseUnavailableError(1200), 2],
    ['breaker open, probe due', new DatabaseUnavailableError(0), 1],
  ])('%s', (_name, error, retryAfterSeconds) => {
    expect(toProblem(error)).toMatchObject({
      status: 503,
      code: 'DATABASE_UNAVAILABLE',
      retryAfterSeconds,
    });
    expect(JSON.stringify(toProblem(error))).not.toMatch(
      /ECONNREFUSED|127\.0\.0\.1|5432|terminated/,
    );
  });

  it('an unknown error just after PostgreSQL was lost is part of the outage: 503', () => {
    noteConnectionLoss();
    expect(toProblem(new TypeError('x is undefined'))).toMatchObject({
      status: 503,
      code: 'DATABASE_UNAVAILABLE',
    });
  });

  it('a plain bug stays a 500', () => {
    noteConnectionLoss(Date.now() - OUTAGE_WINDOW_MS - 1);
    expect(toProblem(new TypeError('x is undefined'))).toMatchObject({
      status: 500,
      code: 'INTERNAL_ERROR',
    });
  });
});
