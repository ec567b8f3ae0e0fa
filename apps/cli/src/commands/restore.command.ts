import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startStack } from '@werkbrug/embedded';
import { readErasureLog } from '@werkbrug/privacy';
import { restoreBackup } from '../backup/restore';
import { dataDir, readStackInfo } from '../data-dir';
import { markSearchRebuild } from '../restore-marker';
import { log } from '../with-database';
import { loadErasureLogPath } from './backup.command';

/**
 * `restore FROM [--erasure-log FILE]`: restores a backup into an empty data folder (or the empty
 * database at DATABASE_URL). The erasure log of the backup, the one already in the folder and FILE
 * are merged, so `npm start` erases again what was erased after the backup; it also rebuilds the
 * search indexes and applies newer migrations.
 */
export async function restoreCommand(
  flags: Map<string, string | true>,
  positional: string[],
): Promise<void> {
  const from = positional[0];
  if (!from) throw new Error('restore needs the backup folder: restore FROM');
  const source = path.resolve(from);
  if (!existsSync(path.join(source, 'manifest.json')))
    throw new Error(`${source} is not a complete backup (no manifest.json)`);
  const folder = dataDir();
  if (readStackInfo())
    throw new Error('stop `npm start` first: restore needs the data folder to itself');
  if (!process.env.DATABASE_URL && existsSync(path.join(folder, 'postgres', 'PG_VERSION')))
    throw new Error(
      `${folder} already holds a database; restore into an empty data folder (set WERKBRUG_DATA_DIR)`,
    );
  mkdirSync(folder, { recursive: true });
  const started = Date.now();
  const stack = await startStack({ dataDir: folder, withSearch: false, log });
  try {
    await restoreBackup(stack.env.DATABASE_URL, source, log);
  } finally {
    await stack.stop();
  }
  const extra = flags.get('erasure-log');
  const logFile = loadErasureLogPath();
  const entries = readErasureLog(
    path.join(source, 'erasure-log.ndjson'),
    logFile,
    ...(typeof extra === 'string' ? [path.resolve(extra)] : []),
  );
  mkdirSync(path.dirname(logFile), { recursive: true });
  writeFileSync(logFile, entries.map((e) => `${JSON.stringify(e)}\n`).join(''), { mode: 0o600 });
  markSearchRebuild(folder);
  log(
    `restored ${source} into ${folder} in ${((Date.now() - started) / 1000).toFixed(1)} s; ` +
      `${entries.length} logged erasure(s) will be repeated and the search indexes rebuilt at the next start`,
  );
}
