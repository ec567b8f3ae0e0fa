import type { EntityManager } from 'typeorm';
import { DueMailJob, type DueMails, queueDueMails } from './due-mails';
import type { JobLogger } from './periodic-job';

type Row = { id: string; broker: string };
const em = {} as EntityManager;

function recorder(rows: Row[], mailKey?: (r: Row) => string) {
  const calls: string[] = [];
  const mails: DueMails<Row> = {
    due: async (_em, on) => {
      calls.push(`due ${on}`);
      return rows;
    },
    mailKey,
    queue: async (_em, group) => {
      calls.push(`mail ${group.map((r) => r.id).join(',')}`);
    },
    markSent: async (_em, group) => {
      calls.push(`stamp ${group.map((r) => r.id).join(',')}`);
    },
  };
  return { mails, calls };
}

describe('queueDueMails', () => {
  const rows: Row[] = [
    { id: 'a', broker: 'x' },
    { id: 'b', broker: 'y' },
    { id: 'c', broker: 'x' },
  ];

  it.each([
    [
      'one mail per row by default',
      undefined,
      3,
      ['mail a', 'stamp a', 'mail b', 'stamp b', 'mail c', 'stamp c'],
    ],
    ['one mail per key', (r: Row) => r.broker, 2, ['mail a,c', 'stamp a,c', 'mail b', 'stamp b']],
  ] as const)('%s', async (_name, key, count, sent) => {
    const { mails, calls } = recorder(rows, key);
    expect(await queueDueMails(em, '2027-03-01', mails)).toBe(count);
    expect(calls).toEqual(['due 2027-03-01', ...sent]);
  });

  it('queues nothing when nothing is due', async () => {
    const { mails, calls } = recorder([]);
    expect(await queueDueMails(em, '2027-03-01', mails)).toBe(0);
    expect(calls).toEqual(['due 2027-03-01']);
  });
});

describe('DueMailJob', () => {
  it.each([
    [0, []],
    [2, [{ queued: 2 }]],
    [{ endingSoon: 0, noContact: 0 }, []],
    [{ endingSoon: 1, noContact: 0 }, [{ endingSoon: 1, noContact: 0 }]],
  ] as const)('after a run that queued %j it logs %j', async (result, logged) => {
    const lines: unknown[] = [];
    const logger: JobLogger = { log: (m, ctx) => lines.push([m, ctx]), error: () => undefined };
    const job = new DueMailJob<number | Record<string, number>>(
      'test mails',
      logger,
      async () => result,
    );
    await job.runOnce();
    expect(lines).toEqual(logged.map((counts) => [counts, 'test mails queued']));
  });
});
