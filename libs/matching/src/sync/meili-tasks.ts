import type { EnqueuedTaskPromise, MeiliSearch, Task } from 'meilisearch';

/**
 * Waits until Meilisearch has processed a task and insists it succeeded:
 * an accepted (202) task can still fail, and then nothing may be marked done.
 */
export async function succeeded(
  enqueued: EnqueuedTaskPromise,
  timeoutMs = 120_000,
  intervalMs = 25,
): Promise<Task> {
  const task = await enqueued.waitTask({ timeout: timeoutMs, interval: intervalMs });
  if (task.status !== 'succeeded') {
    throw new Error(
      `Meilisearch task ${task.uid} (${task.type}) ${task.status}: ${task.error?.message ?? 'no reason given'}`,
    );
  }
  return task;
}

export async function indexExists(client: MeiliSearch, uid: string): Promise<boolean> {
  try {
    await client.getRawIndex(uid);
    return true;
  } catch (error) {
    if ((error as { cause?: { code?: string } }).cause?.code === 'index_not_found') return false;
    throw error;
  }
}

export async function ensureIndex(client: MeiliSearch, uid: string): Promise<void> {
  if (!(await indexExists(client, uid)))
    await succeeded(client.createIndex(uid, { primaryKey: 'id' }));
}
