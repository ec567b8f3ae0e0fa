import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@werkbrug/database';
import { createTestDatabase, dropTestDatabase } from '../../../test/support/test-app';
import { OutboxHandler } from './outbox-handler';
import { OutboxMessage } from './outbox-message.entity';
import { OUTBOX_CHANNEL, OutboxProcessor, releaseClaimsOf, retryDelayMs } from './outbox-processor';
import type { OutboxTopic } from './outbox-topics';

// Any known topic will do: this suite has its own database and no real handlers.
const TOPIC: OutboxTopic = 'search.reindex';

/** A handler that records what it saw and fails the ids it is told to. */
class RecordingHandler implements OutboxHandler {
  readonly seen: string[] = [];
  failing = new Set<string>();
  constructor(readonly topic: OutboxTopic) {}
  async handle(messages: OutboxMessage[]) {
    this.seen.push(...messages.map((m) => m.id));
    return new Map(
      messages
        .filter((m) => this.failing.has(m.id))
        .map((m) => [m.id, 'peer refused'] as [string, string]),
    );
  }
}

describe('outbox processor (real PostgreSQL)', () => {
  let url: string;
  let db: DataSource;

  beforeAll(async () => {
    url = await createTestDatabase();
    db = await new DataSource({ ...dataSourceOptions(url), migrations: [] }).initialize();
  });
  afterAll(async () => {
    await db.destroy();
    await dropTestDatabase(url);
  });
  beforeEach(async () => {
    await db.query(`DELETE FROM outbox_messages`);
    await db.query(`DELETE FROM outbox_workers`);
  });

  const insert = async (topic: string, n: number): Promise<string[]> => {
    const rows: { id: string }[] = await db.query(
      `INSERT INTO outbox_messages (topic) SELECT $1 FROM generate_series(1, $2) RETURNING id`,
      [topic, n],
    );
    return rows.map((r) => r.id);
  };

  it('hands each message to exactly one of several concurrent workers (SKIP LOCKED)', async () => {
    const ids = await insert(TOPIC, 300);
    const handlers = [1, 2, 3].map(() => new RecordingHandler(TOPIC));
    const workers = handlers.map((h) => new OutboxProcessor(db, [h], { batchSize: 25 }));
    await Promise.all(workers.map((w) => w.drain()));
    const seen = handlers.flatMap((h) => h.seen);
    expect(seen).toHaveLength(300);
    expect(new Set(seen)).toEqual(new Set(ids));
    expect(handlers.filter((h) => h.seen.length > 0).length).toBeGreaterThan(1);
    const [{ done }] = await db.query(
      `SELECT count(*)::int AS done FROM outbox_messages WHERE status = 'done'`,
    );
    expect(done).toBe(300);
  });

  it('retries failures with backoff, keeps the error visible, then parks them as dead', async () => {
    const [id] = await insert(TOPIC, 1);
    const handler = new RecordingHandler(TOPIC);
    handler.failing.add(id);
    const worker = new OutboxProcessor(db, [handler], {
      baseDelayMs: 1000,
      maxDelayMs: 60_000,
      maxAttempts: 3,
    });
    expect(await worker.runOnce()).toBe(1);
    const [row] = await db.query(
      `SELECT status, attempts, last_error, extract(epoch FROM available_at - now()) AS wait FROM outbox_messages WHERE id = $1`,
      [id],
    );
    expect(row).toMatchObject({ status: 'pending', attempts: 1, last_error: 'peer refused' });
    expect(Number(row.wait)).toBeGreaterThan(0.5);
    // Not yet due: nothing is claimed.
    expect(await worker.runOnce()).toBe(0);
    for (let attempt = 2; attempt <= 3; attempt++) {
      await db.query(`UPDATE outbox_messages SET available_at = now() WHERE id = $1`, [id]);
      expect(await worker.runOnce()).toBe(1);
    }
    const [dead] = await db.query(
      `SELECT status, attempts, last_error FROM outbox_messages WHERE id = $1`,
      [id],
    );
    expect(dead).toMatchObject({ status: 'dead', attempts: 3, last_error: 'peer refused' });
    expect(retryDelayMs(1, { baseDelayMs: 1000, maxDelayMs: 60_000 })).toBe(1000);
    expect(retryDelayMs(4, { baseDelayMs: 1000, maxDelayMs: 60_000 })).toBe(8000);
    expect(retryDelayMs(20, { baseDelayMs: 1000, maxDelayMs: 60_000 })).toBe(60_000);
  });

  it('records a thrown handler error on every message of the batch', async () => {
    const ids = await insert(TOPIC, 3);
    const throwing: OutboxHandler = {
      topic: TOPIC,
      handle: async () => {
        throw new Error('connection refused');
      },
    };
    await new OutboxProcessor(db, [throwing], {}).runOnce();
    const rows = await db.query(`SELECT last_error FROM outbox_messages WHERE id = ANY($1)`, [ids]);
    expect(rows.map((r: { last_error: string }) => r.last_error)).toEqual(
      Array(3).fill('Error: connection refused'),
    );
  });

  it('reclaims messages whose worker died mid-way (expired lease)', async () => {
    const [id] = await insert(TOPIC, 1);
    await db.query(
      `UPDATE outbox_messages SET status = 'processing', attempts = 1, locked_until = now() - interval '1 second' WHERE id = $1`,
      [id],
    );
    const handler = new RecordingHandler(TOPIC);
    expect(await new OutboxProcessor(db, [handler], {}).runOnce()).toBe(1);
    expect(handler.seen).toEqual([id]);
  });

  it('refuses a handler for an unknown topic when it is registered', () => {
    const stray = new RecordingHandler('search.vacancys' as OutboxTopic);
    expect(() => new OutboxProcessor(db, [stray], {})).toThrow(
      'unknown outbox topic "search.vacancys"',
    );
  });

  it('leaves topics without a handler waiting', async () => {
    await insert('mail.send', 2);
    const handler = new RecordingHandler(TOPIC);
    expect(await new OutboxProcessor(db, [handler], {}).drain()).toBe(0);
    const [{ pending }] = await db.query(
      `SELECT count(*)::int AS pending FROM outbox_messages WHERE status = 'pending'`,
    );
    expect(pending).toBe(2);
  });

  it('reclaims at once the rows of a worker whose heartbeat stopped, not those of a live one', async () => {
    const [gone, alive] = await insert(TOPIC, 2);
    await db.query(
      `INSERT INTO outbox_workers (id, heartbeat_at) VALUES ('gone:1', now() - interval '30 seconds'),
              ('alive:2', now())`,
    );
    await db.query(
      `UPDATE outbox_messages SET status = 'processing', attempts = 1, locked_until = now() + interval '2 minutes',
              locked_by = CASE WHEN id = $1 THEN 'gone:1' ELSE 'alive:2' END WHERE id = ANY($2)`,
      [gone, [gone, alive]],
    );
    const handler = new RecordingHandler(TOPIC);
    expect(await new OutboxProcessor(db, [handler], { deadAfterMs: 10_000 }).drain()).toBe(1);
    expect(handler.seen).toEqual([gone]);
  });

  it('gives back the claims of a worker the supervisor saw exit, with the attempt it used', async () => {
    const ids = await insert(TOPIC, 3);
    await db.query(
      `UPDATE outbox_messages SET status = 'processing', attempts = 1, locked_until = now() + interval '2 minutes',
              locked_by = 'host:42#2' WHERE id = ANY($1)`,
      [ids],
    );
    expect(await releaseClaimsOf(db, 'host:4')).toBe(0);
    // An id is matched literally: `_` is no wildcard.
    expect(await releaseClaimsOf(db, 'host:4_', true)).toBe(0);
    expect(await releaseClaimsOf(db, 'host:42')).toBe(0);
    expect(await releaseClaimsOf(db, 'host:42', true)).toBe(3);
    const rows = await db.query(`SELECT status, attempts, locked_by FROM outbox_messages`);
    expect(rows).toEqual(Array(3).fill({ status: 'pending', attempts: 0, locked_by: null }));
  });

  it('settles each message the handler reports done before the batch ends', async () => {
    await insert(TOPIC, 3);
    let seenInDb: string[] = [];
    let first = '';
    const handler: OutboxHandler = {
      topic: TOPIC,
      handle: async (messages, settle) => {
        first = messages[0].id;
        await settle?.(first);
        const rows: { id: string }[] = await db.query(
          `SELECT id FROM outbox_messages WHERE status = 'done'`,
        );
        seenInDb = rows.map((r) => r.id);
        throw new Error('crashed after the first');
      },
    };
    await new OutboxProcessor(db, [handler], {}).runOnce();
    expect(seenInDb).toEqual([first]);
    const rows: { id: string; status: string }[] = await db.query(
      `SELECT id, status FROM outbox_messages ORDER BY status`,
    );
    expect(rows.filter((r) => r.status === 'done').map((r) => r.id)).toEqual([first]);
    expect(rows.filter((r) => r.status === 'pending')).toHaveLength(2);
  });

  it('retries a topic in back-off at once when its peer answers again', async () => {
    const [id] = await insert(TOPIC, 1);
    let up = false;
    const handler: OutboxHandler = {
      topic: TOPIC,
      handle: async (messages) => new Map(messages.map((m) => [m.id, up ? '' : 'down'])),
      probe: async () => up,
    };
    const worker = new OutboxProcessor(db, [handler], { baseDelayMs: 60_000 });
    await worker.runOnce();
    const due = async () =>
      (
        await db.query(`SELECT available_at <= now() AS due FROM outbox_messages WHERE id = $1`, [
          id,
        ])
      )[0].due as boolean;
    expect(await due()).toBe(false);
    expect(await worker.probeBackingOff()).toEqual([]);
    up = true;
    expect(await worker.probeBackingOff()).toEqual([TOPIC]);
    expect(await due()).toBe(true);
    // Flipped once: not probed again until a batch fails anew.
    expect(await worker.probeBackingOff()).toEqual([]);
  });

  /** Resolves when the handler has seen `id`, with the ms it took; fails after `withinMs`. */
  const seenWithin = async (handler: RecordingHandler, id: string, withinMs: number) => {
    const start = Date.now();
    while (!handler.seen.includes(id)) {
      if (Date.now() - start > withinMs) throw new Error(`${id} not handled within ${withinMs} ms`);
      await new Promise((r) => setTimeout(r, 5));
    }
    return Date.now() - start;
  };
  const until = async (check: () => boolean, withinMs = 10_000) => {
    const start = Date.now();
    while (!check()) {
      if (Date.now() - start > withinMs) throw new Error('condition not met in time');
      await new Promise((r) => setTimeout(r, 10));
    }
  };

  it('is woken by the commit (LISTEN/NOTIFY), not the poll, and again after its listen connection drops', async () => {
    const handler = new RecordingHandler(TOPIC);
    // A poll of a minute: anything handled within a second was woken by the notification.
    const worker = new OutboxProcessor(db, [handler], { idlePollMs: 60_000 });
    worker.start();
    try {
      await until(() => worker.listening);
      const inTransaction = async () => {
        const runner = db.createQueryRunner();
        await runner.startTransaction();
        const [{ id }] = await runner.query(
          `INSERT INTO outbox_messages (topic) VALUES ($1) RETURNING id`,
          [TOPIC],
        );
        // Not before the commit: the notification is delivered with it.
        await new Promise((r) => setTimeout(r, 150));
        expect(handler.seen).not.toContain(id);
        await runner.commitTransaction();
        await runner.release();
        return id as string;
      };
      expect(await seenWithin(handler, await inTransaction(), 1000)).toBeLessThan(1000);

      // The listen connection is cut (a PostgreSQL restart, a proxy): it reconnects and wakes again.
      const [{ n }] = await db.query(
        `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
          WHERE application_name = 'werkbrug-outbox-listen' AND datname = current_database()`,
      );
      expect(n).toBe(1);
      await until(() => !worker.listening);
      await until(() => worker.listening);
      expect(await seenWithin(handler, await inTransaction(), 1000)).toBeLessThan(1000);
    } finally {
      await worker.stop();
    }
    // Stopped: no listen connection left behind.
    const [{ left }] = await db.query(
      `SELECT count(*)::int AS left FROM pg_stat_activity
        WHERE application_name = 'werkbrug-outbox-listen' AND datname = current_database()`,
    );
    expect(left).toBe(0);
  });

  it('drains search beside a backlog of mail: one lane never waits behind another', async () => {
    // Mail that takes 40 ms a message, as an SMTP server does; 50 of them queued first.
    class SlowMail extends RecordingHandler {
      override async handle(messages: OutboxMessage[], settle?: (id: string) => Promise<void>) {
        for (const m of messages) {
          await new Promise((r) => setTimeout(r, 40));
          this.seen.push(m.id);
          await settle?.(m.id);
        }
        return new Map<string, string>();
      }
    }
    const mail = new SlowMail('mail.send');
    const search = new RecordingHandler('search.vacancy');
    await insert('mail.send', 50);
    const worker = new OutboxProcessor(db, [mail, search], { idlePollMs: 50 });
    worker.start();
    try {
      await until(() => mail.seen.length > 0);
      const [id] = await insert('search.vacancy', 1);
      // In one lane it would wait for the mail batch in hand (about 2 s); in its own, one poll.
      expect(await seenWithin(search, id, 1000)).toBeLessThan(1000);
      expect(mail.seen.length).toBeLessThan(50);
    } finally {
      await worker.stop();
    }
  });

  it('notifies only a write into an idle outbox (NOTIFY serialises commits; a draining worker comes back by itself)', async () => {
    const listener = new Client({ connectionString: url });
    await listener.connect();
    let heard = 0;
    const lanes: string[] = [];
    listener.on('notification', (n) => {
      if (n.channel !== OUTBOX_CHANNEL) return;
      heard++;
      lanes.push(n.payload ?? '');
    });
    await listener.query(`LISTEN ${OUTBOX_CHANNEL}`);
    const heardAfter = async (write: () => Promise<unknown>) => {
      heard = 0;
      await write();
      await new Promise((r) => setTimeout(r, 150));
      return heard;
    };
    try {
      // Idle: one notification per committing transaction, however many rows it wrote.
      expect(await heardAfter(() => insert(TOPIC, 3))).toBe(1);
      // That row is still due (no worker took it): the next write sends none.
      expect(await heardAfter(() => insert(TOPIC, 1))).toBe(0);
      // Rows in back-off are not being drained: a write then notifies again.
      await db.query(`UPDATE outbox_messages SET available_at = now() + interval '1 minute'`);
      expect(await heardAfter(() => insert(TOPIC, 1))).toBe(1);
      // Lanes are idle or not on their own: with mail due, a search write still wakes its lane, and
      // the notification names it.
      await db.query(`DELETE FROM outbox_messages`);
      // (The mail lane was idle: its own notification is heard here, before the search write.)
      expect(await heardAfter(() => insert('mail.send', 5))).toBe(1);
      lanes.length = 0;
      expect(await heardAfter(() => insert('search.vacancy', 1))).toBe(1);
      expect(lanes).toEqual(['search']);
      expect(await heardAfter(() => insert('mail.send', 1))).toBe(0);
      // A rolled-back write wakes nobody.
      await db.query(`DELETE FROM outbox_messages`);
      expect(
        await heardAfter(async () => {
          const runner = db.createQueryRunner();
          await runner.startTransaction();
          await runner.query(`INSERT INTO outbox_messages (topic) VALUES ($1)`, [TOPIC]);
          await runner.rollbackTransaction();
          await runner.release();
        }),
      ).toBe(0);
    } finally {
      await listener.end();
    }
  });

  it('keeps a heartbeat while started and leaves the roll of workers, claims released, on stop', async () => {
    const worker = new OutboxProcessor(db, [new RecordingHandler(TOPIC)], {
      heartbeatMs: 50,
    });
    worker.start();
    await new Promise((r) => setTimeout(r, 200));
    const [beat] = await db.query(`SELECT id FROM outbox_workers WHERE id = $1`, [worker.workerId]);
    expect(beat).toBeDefined();
    await worker.stop();
    expect(await db.query(`SELECT id FROM outbox_workers`)).toEqual([]);
  });
});
