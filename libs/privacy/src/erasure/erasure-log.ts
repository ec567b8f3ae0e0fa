import { mkdirSync, existsSync, readFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';

export interface ErasureLogEntry {
  candidateId: string;
  erasedAt: string;
}

/**
 * The erasure log: one line per erased candidate file, its id and when, nothing else. It lives
 * outside the database (the data folder, or ERASURE_LOG), so a restore of an older backup can repeat
 * every erasure made since. Written and synced before the erasure commits: a line whose transaction
 * then failed only means a requested erasure is done again later, never one that is forgotten.
 */
export async function appendErasure(file: string, candidateId: string, at = new Date()) {
  mkdirSync(path.dirname(file), { recursive: true });
  const handle = await open(file, 'a', 0o600);
  try {
    await handle.write(`${JSON.stringify({ candidateId, erasedAt: at.toISOString() })}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The entries of one or more logs, each id once (a torn last line from a crash is skipped). */
export function readErasureLog(...files: string[]): ErasureLogEntry[] {
  const byId = new Map<string, ErasureLogEntry>();
  for (const file of files) {
    if (!existsSync(file)) continue;
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      try {
        const entry = JSON.parse(line) as ErasureLogEntry;
        if (UUID.test(entry.candidateId) && !byId.has(entry.candidateId))
          byId.set(entry.candidateId, { candidateId: entry.candidateId, erasedAt: entry.erasedAt });
      } catch {
        // empty or torn line
      }
    }
  }
  return [...byId.values()];
}
