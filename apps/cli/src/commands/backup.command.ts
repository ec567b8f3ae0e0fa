import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { loadConfig, loadLauncherConfig } from '@werkbrug/config';
import { intFlag } from '../args';
import { BackupManifest, makeBackup } from '../backup/backup';
import { readManifest } from '../backup/restore';
import { dataDir } from '../data-dir';
import { log, withDatabase } from '../with-database';

const stamp = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');

/**
 * `backup [--to DIR] [--keep-days N]`: a consistent logical backup of the product's PostgreSQL
 * (the running `npm start`, DATABASE_URL, or the data folder's embedded server) into
 * DIR/werkbrug-backup-<time>, with a copy of the erasure log. Backups in DIR older than N days
 * (default BACKUP_KEEP_DAYS or 35) are removed afterwards: retention applies to backups too.
 */
export async function backupCommand(flags: Map<string, string | true>): Promise<void> {
  const to = path.resolve(
    typeof flags.get('to') === 'string'
      ? (flags.get('to') as string)
      : path.join(dataDir(), 'backups'),
  );
  const keepDays = intFlag(flags, 'keep-days', loadLauncherConfig().backupKeepDays);
  mkdirSync(to, { recursive: true });
  const manifest = await withDatabase(async () => {
    const partial = path.join(to, `.partial-${process.pid}`);
    rmSync(partial, { recursive: true, force: true });
    const result: BackupManifest = await makeBackup(process.env.DATABASE_URL as string, partial);
    const erasureLog = loadErasureLogPath();
    if (existsSync(erasureLog)) copyFileSync(erasureLog, path.join(partial, 'erasure-log.ndjson'));
    // The manifest last, and the folder renamed into place: a backup that is there is complete.
    writeFileSync(path.join(partial, 'manifest.json'), JSON.stringify(result, null, 2));
    const final = path.join(to, `werkbrug-backup-${stamp(new Date(result.snapshotAt))}`);
    renameSync(partial, final);
    log(
      `backup ${final}: ${result.tables.reduce((n, t) => n + t.rows, 0)} rows in ${result.tables.length} tables, ` +
        `${(result.bytes / 1024 / 1024).toFixed(1)} MB, ${(result.durationMs / 1000).toFixed(1)} s ` +
        `(snapshot ${result.snapshotAt})`,
    );
    return result;
  });
  const cutoff = new Date(manifest.snapshotAt).getTime() - keepDays * 24 * 3600_000;
  for (const name of readdirSync(to).filter((n) => n.startsWith('werkbrug-backup-'))) {
    try {
      if (new Date(readManifest(path.join(to, name)).snapshotAt).getTime() < cutoff) {
        rmSync(path.join(to, name), { recursive: true, force: true });
        log(`removed ${name} (older than ${keepDays} days)`);
      }
    } catch {
      // not a backup of ours
    }
  }
}

/** ERASURE_LOG or <data folder>/erasure-log.ndjson, as the API writes it. */
export function loadErasureLogPath(): string {
  return loadConfig({
    ...process.env,
    DATABASE_URL: process.env.DATABASE_URL || 'postgres://x/x',
    MEILI_URL: process.env.MEILI_URL || 'http://x',
    WERKBRUG_DATA_DIR: dataDir(),
  }).erasureLogFile;
}
