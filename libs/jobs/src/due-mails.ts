import type { EntityManager } from 'typeorm';
import { PeriodicJob, type JobLogger } from './periodic-job';

/**
 * One kind of reminder mail before a date (an instrument deadline, a placement's end, an evaluation):
 * the resource says which rows are due and what the mail says; queueDueMails does the rest the same
 * way for all of them, in the caller's transaction.
 */
export interface DueMails<Row> {
  /**
   * The rows whose mail is due on the Dutch date `on` (today() from @werkbrug/domain, passed as a
   * parameter) and has not gone yet, locked FOR UPDATE … SKIP LOCKED: worker replicas run the same
   * job, and a row one of them holds is left to it.
   */
  due(em: EntityManager, on: string): Promise<Row[]>;
  /** Rows that go out in one mail share a key (one mail per broker, per trajectory and date); default: a mail per row. */
  mailKey?: (row: Row) => string;
  /** Queues the mail for one group of rows through the outbox (MailService.queue with `em`). */
  queue(em: EntityManager, rows: Row[]): Promise<void>;
  /** Marks the rows as mailed (the notice stamp in the resource's own table), so each mail goes once. */
  markSent(em: EntityManager, rows: Row[]): Promise<void>;
}

/** Finds the due rows, queues one mail per group and stamps the group; returns how many mails were queued. */
export async function queueDueMails<Row>(
  em: EntityManager,
  on: string,
  mails: DueMails<Row>,
): Promise<number> {
  const rows = await mails.due(em, on);
  const groups = new Map<string, Row[]>();
  rows.forEach((row, i) => {
    const key = mails.mailKey ? mails.mailKey(row) : String(i);
    groups.set(key, [...(groups.get(key) ?? []), row]);
  });
  for (const group of groups.values()) {
    await mails.queue(em, group);
    await mails.markSent(em, group);
  }
  return groups.size;
}

/**
 * The hourly worker job that queues reminder mails: a PeriodicJob whose run returns how many mails
 * it queued (a number, or counts per kind), logged as "<name> queued" when there were any. Each run
 * is idempotent through the notice stamps (DueMails.markSent).
 */
export class DueMailJob<T extends number | Record<string, number>> extends PeriodicJob<T> {
  constructor(name: string, logger: JobLogger, run: () => Promise<T>) {
    super({
      name,
      logger,
      run,
      onResult: (queued, log) => {
        const counts = typeof queued === 'number' ? { queued } : queued;
        if (Object.values(counts).some((n) => n > 0)) log.log(counts, `${name} queued`);
      },
    });
  }
}
