import { Inject, Injectable, Logger, OnApplicationBootstrap, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { hostname } from 'node:os';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { APP_CONFIG, loadOutboxConfig, type AppConfig, type OutboxConfig } from '@werkbrug/config';
import { queryRows } from '@werkbrug/database';
import { doublingDelayMs } from '@werkbrug/jobs';
import { OUTBOX_HANDLERS, OutboxHandler } from './outbox-handler';
import { OutboxMessage } from './outbox-message.entity';
import {
  assertOutboxTopicsHandled,
  isOutboxTopic,
  laneOf,
  type OutboxLane,
  type OutboxTopic,
} from './outbox-topics';

export type OutboxProcessorOptions = OutboxConfig;

/** A claimed outbox_messages row (RETURNING m.*), by column name. */
interface OutboxMessageRow {
  id: string;
  topic: OutboxTopic;
  aggregate_type: string | null;
  aggregate_id: string | null;
  payload: Record<string, unknown>;
  status: OutboxMessage['status'];
  attempts: number;
  available_at: Date;
  locked_until: Date | null;
  last_error: string | null;
  processed_at: Date | null;
  created_at: Date;
  updated_at: Date;
  version: number;
}

export interface SettledBatch {
  topic: OutboxTopic;
  done: number;
  failed: number;
  dead: number;
}

export const OUTBOX_OPTIONS = Symbol('OUTBOX_OPTIONS');

/** The channel the outbox_messages_notify trigger signals on commit (migration 1796040000000). */
export const OUTBOX_CHANNEL = 'outbox_messages';

/** OUTBOX_* through the validated config: a bad value fails with a ConfigError, never NaN. */
export const defaultOutboxOptions = (
  env: NodeJS.ProcessEnv = process.env,
): OutboxProcessorOptions => loadOutboxConfig(env);

let instances = 0;

/**
 * Releases what a worker that is gone (the supervisor saw it exit) still held, so another worker
 * takes it at once. The attempt it used is given back: it never got to finish.
 */
export async function releaseClaimsOf(
  db: DataSource,
  workerId: string,
  withSiblings = false,
): Promise<number> {
  // host:pid#n for the other processors of that process; the id itself is matched literally.
  const siblings = withSiblings ? `${workerId.replace(/[\\%_]/g, '\\$&')}#%` : null;
  const rows = await queryRows<{ id: string }>(
    db,
    `UPDATE outbox_messages SET status = 'pending', locked_until = NULL, locked_by = NULL,
            attempts = greatest(attempts - 1, 0), available_at = now(), updated_at = now(), version = version + 1
      WHERE status = 'processing' AND (locked_by = $1 OR locked_by LIKE $2) RETURNING id`,
    [workerId, siblings],
  );
  await queryRows(db, `DELETE FROM outbox_workers WHERE id = $1 OR id LIKE $2`, [
    workerId,
    siblings,
  ]);
  return rows.length;
}

export function retryDelayMs(
  attempts: number,
  options: Pick<OutboxProcessorOptions, 'baseDelayMs' | 'maxDelayMs'>,
) {
  return doublingDelayMs(attempts, options.baseDelayMs, options.maxDelayMs);
}

@Injectable()
export class OutboxProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger(OutboxProcessor.name);
  private readonly handlers = new Map<OutboxTopic, OutboxHandler>();
  private readonly registered: string[] = [];
  private readonly options: OutboxProcessorOptions;
  private running = false;
  /** One drain loop per lane (a topic's prefix, outbox-topics.ts), each with its own sleep. */
  private loops: Promise<void>[] = [];
  private readonly sleepers = new Map<OutboxLane, Sleeper>();
  private listener: Client | null = null;
  private relisten: NodeJS.Timeout | null = null;
  private listenFailures = 0;
  private listenUp = false;
  private heartbeat: NodeJS.Timeout | null = null;
  private prober: NodeJS.Timeout | null = null;
  /** Topics whose last batch failed: probed until their peer answers again. */
  private readonly backingOff = new Set<OutboxTopic>();
  private readonly observers: ((batch: SettledBatch) => void)[] = [];
  /** host:pid, plus #n for a second processor in the same process (tests). */
  readonly workerId = `${hostname()}:${process.pid}${instances++ ? `#${instances}` : ''}`;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Optional() @Inject(OUTBOX_HANDLERS) handlers: OutboxHandler[] | null,
    @Optional() @Inject(OUTBOX_OPTIONS) options: Partial<OutboxProcessorOptions> | null,
    @Optional() @Inject(APP_CONFIG) config?: AppConfig | null,
  ) {
    this.options = { ...(config?.outbox ?? defaultOutboxOptions()), ...(options ?? {}) };
    for (const handler of handlers ?? []) this.register(handler);
  }

  /**
   * Only a processor built by Nest's injector (the worker's module) gets this call; tests that build
   * one by hand for a few topics do not. The worker refuses to start unless every topic has exactly
   * one handler, so an unknown or unhandled topic fails at start-up, not as dead rows at run time.
   */
  onApplicationBootstrap() {
    assertOutboxTopicsHandled(this.registered);
  }

  register(handler: OutboxHandler) {
    // Handlers may come from untyped code: a misspelt topic fails here, when the worker is built.
    if (!isOutboxTopic(handler.topic))
      throw new Error(`unknown outbox topic "${String(handler.topic)}"`);
    this.registered.push(handler.topic);
    this.handlers.set(handler.topic, handler);
  }

  /** Called after each settled batch (metrics). */
  observe(listener: (batch: SettledBatch) => void) {
    this.observers.push(listener);
  }

  /**
   * Claims a batch with FOR UPDATE SKIP LOCKED, so any number of workers can drain the same table
   * without handing one message to two of them. Expired leases are reclaimed, and so are the rows
   * of a worker whose heartbeat stopped (killed): those need not wait out the lease.
   */
  async claim(limit = this.options.batchSize, lane?: OutboxLane): Promise<OutboxMessage[]> {
    const topics = this.topicsOf(lane);
    if (!topics.length) return [];
    // A lane's ready rows in order from outbox_lane_ready_idx, never walking another lane's backlog.
    const ofLane = lane ? `AND split_part(topic, '.', 1) = $6` : '';
    const rows = await queryRows<OutboxMessageRow>(
      this.db,
      `UPDATE outbox_messages m
          SET status = 'processing', attempts = m.attempts + 1, locked_by = $4,
              locked_until = now() + ($2::int * interval '1 millisecond'),
              updated_at = now(), version = m.version + 1
        WHERE m.id IN (
          SELECT id FROM outbox_messages
           -- Timestamps are stored to the millisecond (rounded): allow that much so a row due now is due.
           WHERE topic = ANY($3) ${ofLane}
             AND ((status = 'pending' AND available_at <= now() + interval '1 millisecond')
               OR (status = 'processing' AND (locked_until < now()
                   OR locked_by IN (SELECT id FROM outbox_workers
                                     WHERE heartbeat_at < now() - ($5::int * interval '1 millisecond')))))
           ORDER BY available_at, created_at
           LIMIT $1
           FOR UPDATE SKIP LOCKED)
        RETURNING m.*`,
      [
        limit,
        this.options.leaseMs,
        topics,
        this.workerId,
        this.options.deadAfterMs,
        ...(lane ? [lane] : []),
      ],
    );
    return rows.map((r) =>
      Object.assign(new OutboxMessage(), {
        id: r.id,
        topic: r.topic,
        aggregateType: r.aggregate_type,
        aggregateId: r.aggregate_id,
        payload: r.payload,
        status: r.status,
        attempts: r.attempts,
        availableAt: r.available_at,
        lockedUntil: r.locked_until,
        lastError: r.last_error,
        processedAt: r.processed_at,
        createdAt: r.created_at,
        updatedAt: r.updated_at,
        version: r.version,
      }),
    );
  }

  /** The handled topics of one lane, or of all lanes. */
  private topicsOf(lane?: OutboxLane): OutboxTopic[] {
    return [...this.handlers.keys()].filter((t) => !lane || laneOf(t) === lane);
  }

  /**
   * Claims and applies one batch (of one lane, or of all); returns how many messages were handled
   * (done or failed).
   */
  async runOnce(lane?: OutboxLane): Promise<number> {
    const messages = await this.claim(this.options.batchSize, lane);
    if (!messages.length) return 0;
    const byTopic = new Map<OutboxTopic, OutboxMessage[]>();
    for (const m of messages) byTopic.set(m.topic, [...(byTopic.get(m.topic) ?? []), m]);
    for (const [topic, batch] of byTopic) {
      const handler = this.handlers.get(topic);
      let failures: Map<string, string>;
      const settled = new Set<string>();
      const settleOne = async (id: string) => {
        await this.markDone([id]);
        settled.add(id);
      };
      try {
        failures = handler
          ? await handler.handle(batch, settleOne)
          : new Map(batch.map((m) => [m.id, `no handler for ${topic}`]));
      } catch (error) {
        const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        failures = new Map(batch.map((m) => [m.id, reason]));
      }
      for (const id of settled) failures.delete(id);
      await this.settle(
        batch.filter((m) => !settled.has(m.id)),
        failures,
      );
      const failedAll = failures.size > 0 && failures.size === batch.length - settled.size;
      if (failedAll) this.backingOff.add(topic);
      else this.backingOff.delete(topic);
      const dead = batch.filter(
        (m) => failures.has(m.id) && m.attempts >= this.options.maxAttempts,
      ).length;
      for (const observer of this.observers)
        observer({ topic, done: batch.length - failures.size, failed: failures.size, dead });
    }
    return messages.length;
  }

  /** Delivered mail keeps no copy of its personal data in the outbox. */
  private async markDone(ids: string[]) {
    await queryRows(
      this.db,
      `UPDATE outbox_messages SET status = 'done', processed_at = now(), locked_until = NULL, locked_by = NULL,
              last_error = NULL, payload = CASE WHEN topic LIKE 'mail.%' THEN '{}'::jsonb ELSE payload END,
              updated_at = now(), version = version + 1 WHERE id = ANY($1)`,
      [ids],
    );
  }

  private async settle(batch: OutboxMessage[], failures: Map<string, string>) {
    const done = batch.filter((m) => !failures.has(m.id)).map((m) => m.id);
    if (done.length) await this.markDone(done);
    const failed = batch.filter((m) => failures.has(m.id));
    if (failed.length) {
      // One statement for the whole failed batch (Meilisearch or SMTP down fails all of them at once).
      await queryRows(
        this.db,
        `UPDATE outbox_messages m
            SET status = f.status, last_error = f.error, locked_until = NULL, locked_by = NULL,
                available_at = now() + (f.delay * interval '1 millisecond'), updated_at = now(), version = m.version + 1
           FROM unnest($1::uuid[], $2::text[], $3::text[], $4::int[]) AS f(id, status, error, delay)
          WHERE m.id = f.id`,
        [
          failed.map((m) => m.id),
          failed.map((m) => (m.attempts >= this.options.maxAttempts ? 'dead' : 'pending')),
          failed.map((m) => (failures.get(m.id) ?? 'unknown error').slice(0, 2000)),
          failed.map((m) => retryDelayMs(m.attempts, this.options)),
        ],
      );
      for (const m of failed.filter((x) => x.attempts >= this.options.maxAttempts)) {
        this.logger.error(
          { id: m.id, topic: m.topic, attempts: m.attempts },
          'outbox message parked as dead',
        );
      }
    }
    if (failures.size) {
      this.logger.warn(
        { failed: failures.size, sample: [...failures.values()][0]?.slice(0, 200) },
        'outbox batch had failures',
      );
    }
  }

  /** Drains until the queue is empty of ready messages (used by tests and the reindex command). */
  async drain(maxRounds = 10_000): Promise<number> {
    let total = 0;
    for (let i = 0; i < maxRounds; i++) {
      const n = await this.runOnce();
      if (!n) break;
      total += n;
    }
    return total;
  }

  /** Writes this worker's heartbeat; old rows of workers long gone are cleared. */
  async beat() {
    await queryRows(
      this.db,
      `INSERT INTO outbox_workers (id) VALUES ($1)
       ON CONFLICT (id) DO UPDATE SET heartbeat_at = now()`,
      [this.workerId],
    );
  }

  /**
   * A topic in back-off (its peer failed the whole batch) retries at once when the peer answers
   * again, instead of waiting out a delay of up to maxDelayMs.
   */
  async probeBackingOff(): Promise<string[]> {
    const flipped: string[] = [];
    for (const topic of [...this.backingOff]) {
      const probe = this.handlers.get(topic)?.probe;
      if (!probe) continue;
      if (!(await probe().catch(() => false))) continue;
      this.backingOff.delete(topic);
      flipped.push(topic);
    }
    if (flipped.length) {
      await queryRows(
        this.db,
        `UPDATE outbox_messages SET available_at = now(), updated_at = now(), version = version + 1
          WHERE status = 'pending' AND topic = ANY($1) AND available_at > now()`,
        [flipped],
      );
      this.logger.log({ topics: flipped }, 'peer answers again: retrying its messages now');
      this.nudge();
    }
    return flipped;
  }

  start() {
    if (this.running) return;
    this.running = true;
    const beat = () =>
      this.beat().catch((error: unknown) =>
        this.logger.warn(
          `outbox heartbeat failed: ${error instanceof Error ? error.message : error}`,
        ),
      );
    void beat();
    this.heartbeat = setInterval(() => void beat(), this.options.heartbeatMs);
    void this.listen();
    let probing = false;
    this.prober = setInterval(() => {
      if (probing || !this.backingOff.size) return;
      probing = true;
      void this.probeBackingOff()
        .catch(() => undefined)
        .finally(() => (probing = false));
    }, this.options.probeMs);
    const lanes = [...new Set(this.topicsOf().map(laneOf))];
    this.loops = lanes.map((lane) => this.drainLane(lane));
  }

  private async drainLane(lane: OutboxLane): Promise<void> {
    const sleeper = new Sleeper();
    this.sleepers.set(lane, sleeper);
    while (this.running) {
      let handled = 0;
      try {
        handled = await this.runOnce(lane);
      } catch (error) {
        // The database itself is unreachable: wait and try again, the rows are safe in PostgreSQL.
        this.logger.error(
          { err: error instanceof Error ? error.message : String(error), lane },
          'outbox poll failed',
        );
        await sleeper.sleep(1000);
      }
      if (!handled) await sleeper.sleep(this.options.idlePollMs);
    }
    this.sleepers.delete(lane);
  }

  /**
   * Wakes the loop when a commit writes into an idle outbox (NOTIFY from the table's trigger; while
   * rows are due the loop claims again by itself), on a connection of its own outside the pool. When
   * that connection drops, the loop polls as before and the listener reconnects with back-off; after
   * a reconnect one claim round runs at once, for commits whose notification fell in the gap.
   */
  private async listen(): Promise<void> {
    if (!this.running || this.listener) return;
    const url = (this.db.options as { url?: string }).url;
    if (!url) return;
    const client = new Client({
      connectionString: url,
      application_name: 'werkbrug-outbox-listen',
    });
    this.listener = client;
    let dropped = false;
    const drop = (reason: string) => {
      if (dropped) return;
      dropped = true;
      if (this.listener === client) {
        this.listener = null;
        this.listenUp = false;
      }
      client.removeAllListeners('notification');
      void client.end().catch(() => undefined);
      if (!this.running) return;
      const delay = Math.min(30_000, 250 * 2 ** Math.min(this.listenFailures++, 7));
      this.logger.warn(
        `outbox listen connection lost (${reason}); polling every ${this.options.idlePollMs} ms, reconnecting in ${delay} ms`,
      );
      this.relisten = setTimeout(() => {
        this.relisten = null;
        void this.listen();
      }, delay);
    };
    client.on('error', (error: Error) => drop(error.message));
    client.on('end', () => drop('connection ended'));
    // The trigger names the lane that became due.
    client.on('notification', (n) => this.nudge(n.payload || undefined));
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
      // Stopped (or dropped) while connecting: this client is no longer ours.
      if (dropped || this.listener !== client) return;
      this.listenFailures = 0;
      this.listenUp = true;
      this.nudge();
    } catch (error) {
      drop(error instanceof Error ? error.message : String(error));
    }
  }

  private async unlisten() {
    if (this.relisten) clearTimeout(this.relisten);
    this.relisten = null;
    const client = this.listener;
    this.listener = null;
    this.listenUp = false;
    if (!client) return;
    client.removeAllListeners();
    client.on('error', () => undefined);
    await client.end().catch(() => undefined);
  }

  /** Whether commits wake the loop (the listen connection is up), for tests and health. */
  get listening(): boolean {
    return this.listenUp;
  }

  /**
   * Lets a pending poll start at once: of one lane (a commit seen by the listener names it), or of
   * every lane.
   */
  nudge(lane?: string) {
    if (lane) this.sleepers.get(lane as OutboxLane)?.nudge();
    else for (const sleeper of this.sleepers.values()) sleeper.nudge();
  }

  /** Finishes the batch in hand, then gives back anything still claimed and leaves the roll of workers. */
  async stop() {
    this.running = false;
    this.nudge();
    if (this.heartbeat) clearInterval(this.heartbeat);
    if (this.prober) clearInterval(this.prober);
    this.heartbeat = this.prober = null;
    await this.unlisten();
    await Promise.all(this.loops);
    this.loops = [];
    const released = await releaseClaimsOf(this.db, this.workerId).catch(() => 0);
    if (released) this.logger.log({ released }, 'released claimed outbox rows');
  }

  /** Keeps the table small: done rows older than the given age are removed. */
  async purgeDone(olderThanHours = 24 * 7): Promise<number> {
    const rows = await queryRows<{ id: string }>(
      this.db,
      `DELETE FROM outbox_messages WHERE status = 'done' AND processed_at < now() - ($1::int * interval '1 hour') RETURNING id`,
      [olderThanHours],
    );
    return rows.length;
  }
}

/**
 * After a crash of the whole product: releases the rows held by workers of this host whose process
 * no longer runs (host:pid in locked_by), so the new worker takes them at once instead of after the lease.
 */
export async function releaseGoneWorkers(
  db: DataSource,
  isAlive: (pid: number) => boolean,
): Promise<number> {
  const owners = await queryRows<{ owner: string }>(
    db,
    `SELECT DISTINCT locked_by AS owner FROM outbox_messages WHERE status = 'processing' AND locked_by IS NOT NULL
     UNION SELECT id FROM outbox_workers`,
  );
  let released = 0;
  for (const { owner } of owners) {
    const match = /^(.*):(\d+)(#\d+)?$/.exec(owner);
    if (!match || match[1] !== hostname() || isAlive(Number(match[2]))) continue;
    released += await releaseClaimsOf(db, owner);
  }
  return released;
}

/** A loop's pause between polls that a nudge cuts short; a nudge with no pause pending skips the next. */
class Sleeper {
  private wake: (() => void) | null = null;
  private woken = false;

  nudge() {
    if (this.wake) this.wake();
    else this.woken = true;
  }

  sleep(ms: number): Promise<void> {
    if (this.woken) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.wake = null;
        resolve();
      }, ms);
      this.wake = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
    });
  }
}
