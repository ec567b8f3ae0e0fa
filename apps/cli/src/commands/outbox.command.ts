import { OutboxService } from '@werkbrug/outbox';
import { withSearchContext } from '../search/with-search-context';
import { log } from '../with-database';

/** Shows waiting, retrying and dead outbox messages with their last error; --retry-dead requeues. */
export async function outboxCommand(flags: Map<string, string | true>): Promise<void> {
  await withSearchContext(async (app) => {
    const outbox = app.get(OutboxService);
    if (flags.has('retry-dead')) log(`requeued ${await outbox.retryDead()} dead message(s)`);
    const stats = await outbox.stats();
    log(
      `pending ${stats.pending}, retrying ${stats.retrying}, processing ${stats.processing}, dead ${stats.dead}, done ${stats.done}`,
    );
    for (const m of await outbox.unfinished(20)) {
      log(
        `  ${m.status.padEnd(10)} ${m.topic.padEnd(18)} attempts ${m.attempts} next ${m.nextAttemptAt} ${m.lastError ?? ''}`,
      );
    }
  });
}
