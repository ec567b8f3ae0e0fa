import { prettyLine, wantsPrettyLogs } from './pretty-log';

const at = new Date(2026, 10, 29, 15, 4, 5, 67).getTime();

describe('prettyLine', () => {
  it.each<[string, Record<string, unknown> | string, string]>([
    [
      'a request',
      {
        level: 30,
        time: at,
        pid: 1,
        hostname: 'h',
        req: { id: 'r-1', method: 'GET', path: '/api/vacancies' },
        res: { statusCode: 200 },
        responseTime: 12,
        msg: 'request completed',
      },
      '15:04:05.067 INFO  GET /api/vacancies 200 12 ms reqId=r-1',
    ],
    [
      'a refused request',
      {
        level: 40,
        time: at,
        req: { id: 'r-2', method: 'POST', path: '/api/auth/token' },
        res: { statusCode: 401 },
        responseTime: 3,
      },
      '15:04:05.067 WARN  POST /api/auth/token 401 3 ms reqId=r-2',
    ],
    [
      'an application line with context and fields',
      {
        level: 30,
        time: at,
        context: 'OutboxProcessor',
        msg: 'outbox batch had failures',
        failed: 2,
        sample: 'peer refused',
      },
      '15:04:05.067 INFO  [OutboxProcessor] outbox batch had failures failed=2 sample="peer refused"',
    ],
    [
      'an error',
      {
        level: 50,
        time: at,
        context: 'ProblemFilter',
        msg: 'request failed',
        err: { type: 'TypeError', message: 'x is undefined' },
      },
      '15:04:05.067 ERROR [ProblemFilter] request failed TypeError: x is undefined',
    ],
    [
      'redacted values stay redacted',
      { level: 30, time: at, msg: 'm', email: '[redacted]' },
      '15:04:05.067 INFO  m email=[redacted]',
    ],
    ['not JSON passes through', 'plain text', 'plain text'],
  ])('%s', (_name, entry, expected) => {
    const line = typeof entry === 'string' ? entry : JSON.stringify(entry);
    expect(prettyLine(line)).toBe(`${expected}\n`);
  });

  it('colours the level on a terminal', () => {
    expect(prettyLine(JSON.stringify({ level: 50, time: at, msg: 'x' }), true)).toContain(
      '\x1b[31mERROR\x1b[0m',
    );
  });
});

describe('wantsPrettyLogs', () => {
  it.each<['json' | 'pretty' | null, boolean, boolean]>([
    [null, true, true],
    [null, false, false],
    ['json', true, false],
    ['pretty', false, true],
  ])('LOG_FORMAT %p, terminal %p → %p', (format, tty, expected) => {
    expect(wantsPrettyLogs(format, tty)).toBe(expected);
  });
});
