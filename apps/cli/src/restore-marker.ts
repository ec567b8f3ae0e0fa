import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const markerFile = (dataDir: string) => path.join(dataDir, 'search-rebuild-needed');

/** Left by `restore`: Meilisearch is derived and not in the backup, so the next start rebuilds it. */
export function markSearchRebuild(dataDir: string) {
  writeFileSync(markerFile(dataDir), `${new Date().toISOString()}\n`);
}

/** After a restore: rebuilds both indexes from PostgreSQL (the reindex command), then drops the marker. */
export async function rebuildSearchAfterRestore(
  dataDir: string,
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
  track: (child: ChildProcess) => void = () => undefined,
) {
  if (!existsSync(markerFile(dataDir))) return;
  log(
    'restored data: rebuilding the search indexes from PostgreSQL (fresh indexes, swapped in when complete)',
  );
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(process.execPath, [path.join(__dirname, 'main.js'), 'reindex'], {
      env,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    track(child);
    child.once('exit', (c) => resolve(c));
  });
  if (code !== 0) throw new Error(`rebuilding the search indexes failed (exit ${code})`);
  rmSync(markerFile(dataDir), { force: true });
}
