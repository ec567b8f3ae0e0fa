import { QueryFailedError, QueryRunnerAlreadyReleasedError } from 'typeorm';
import {
  DatabaseUnavailableError,
  duringConnectionLoss,
  isConnectionLoss,
  noteConnectionLoss,
  OUTAGE_WINDOW_MS,
} from './connection-loss';

const withCode = (code: string, message = 'failed') => Object.assign(new Error(message), { code });
const pgError = (code: string, message = 'error') =>
  new QueryFailedError('SELECT 1', [], withCode(code, message));
const wrapped = (inner: Error) => new QueryFailedError('SELECT 1', [], inner);

describe('isConnectionLoss', () => {
  it.each<[string, unknown, boolean]>([
    // PostgreSQL away or unreachable: an outage (503).
    ['refused', withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'), true],
    ['reset', withCode('ECONNRESET', 'read ECONNRESET'), true],
    ['broken pipe', withCode('EPIPE', 'write EPIPE'), true],
    ['socket timeout', withCode('ETIMEDOUT'), true],
    ['host unreachable', withCode('EHOSTUNREACH'), true],
    ['DNS for now', withCode('EAI_AGAIN', 'getaddrinfo EAI_AGAIN db'), true],
    [
      'every address refused (Node AggregateError)',
      Object.assign(new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')], ''), {
        code: 'ECONNREFUSED',
      }),
      true,
    ],
    [
      'AggregateError without its own code',
      new AggregateError([withCode('ECONNREFUSED')], ''),
      true,
    ],
    ['dropped mid-query', wrapped(new Error('Connection terminated unexpectedly')), true],
    ['dropped, bare', new Error('Connection terminated'), true],
    [
      'pool connect timed out',
      new Error('Connection terminated due to connection timeout', {
        cause: new Error('Connection terminated unexpectedly'),
      }),
      true,
    ],
    ['pool wait timed out', new Error('timeout exceeded when trying to connect'), true],
    [
      'a client broken before',
      wrapped(new Error('Client has encountered a connection error and is not queryable')),
      true,
    ],
    ['a closed client', new Error('Client was closed and is not queryable'), true],
    [
      'a transaction whose connection dropped between two queries (TypeORM released its runner)',
      new QueryRunnerAlreadyReleasedError(),
      true,
    ],
    ['a write to a socket already destroyed', withCode('ERR_STREAM_DESTROYED'), true],
    ['a write after the socket ended', withCode('ERR_STREAM_WRITE_AFTER_END'), true],
    ['08006 connection failure', pgError('08006'), true],
    ['08001 cannot establish', pgError('08001'), true],
    ['08P01 protocol violation (class 08)', pgError('08P01'), true],
    [
      '57P01 admin shutdown',
      pgError('57P01', 'terminating connection due to administrator command'),
      true,
    ],
    ['57P02 crash shutdown', pgError('57P02'), true],
    ['57P03 cannot connect now', withCode('57P03', 'the database system is starting up'), true],
    ['57P05 idle session timeout', pgError('57P05'), true],
    ['53300 too many connections', withCode('53300', 'sorry, too many clients already'), true],
    ['the breaker is open', new DatabaseUnavailableError(800), true],
    [
      'deep in a cause chain',
      new Error('outer', { cause: new Error('mid', { cause: withCode('ECONNRESET') }) }),
      true,
    ],
    // The request or our code: never an outage.
    ['unique violation', pgError('23505', 'duplicate key value'), false],
    ['foreign key', pgError('23503'), false],
    ['bad input', pgError('22P02'), false],
    ['missing table', pgError('42P01', 'relation "x" does not exist'), false],
    [
      'query canceled by statement_timeout',
      pgError('57014', 'canceling statement due to statement timeout'),
      false,
    ],
    ['serialization failure', pgError('40001'), false],
    ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'id')"), false],
    ['a message that only mentions a connection', new Error('connection settings saved'), false],
    ['not an error', 'ECONNREFUSED', false],
    ['nothing', undefined, false],
    [
      'a cause loop',
      (() => {
        const e = new Error('loop');
        e.cause = e;
        return e;
      })(),
      false,
    ],
  ])('%s → %s', (_name, error, lost) => {
    expect(isConnectionLoss(error)).toBe(lost);
  });
});

describe('isConnectionLoss on errors from elsewhere', () => {
  it('reads an error of another realm (Node sockets under a sandbox) by its code, not its class', () => {
    const foreign = { message: 'connect ECONNREFUSED 127.0.0.1:5432', code: 'ECONNREFUSED' };
    expect(isConnectionLoss(foreign)).toBe(true);
    expect(isConnectionLoss({ message: 'syntax error', code: '42601' })).toBe(false);
  });
});

describe('duringConnectionLoss', () => {
  it.each<[string, number, boolean]>([
    ['at the loss', 0, true],
    ['within the window', OUTAGE_WINDOW_MS - 1, true],
    ['at its end', OUTAGE_WINDOW_MS, true],
    ['after it', OUTAGE_WINDOW_MS + 1, false],
    ['before the loss (another clock)', -1, true],
  ])('%s', (_name, later, expected) => {
    const lostAt = 1_000_000_000_000;
    noteConnectionLoss(lostAt);
    expect(duringConnectionLoss(lostAt + later)).toBe(expected);
  });
});
