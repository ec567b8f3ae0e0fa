import { existsSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { loadLauncherConfig } from '@werkbrug/config';

export const dataDir = () => loadLauncherConfig().dataDir;

const stackFile = () => path.join(dataDir(), 'stack.json');

export interface RunningStackInfo {
  pid: number;
  env: { DATABASE_URL: string; MEILI_URL: string; MEILI_MASTER_KEY: string };
  apiUrl: string;
}

/** `npm start` records where its servers listen, so other commands can reach the same stack. */
export function writeStackInfo(info: RunningStackInfo) {
  writeFileSync(stackFile(), JSON.stringify(info, null, 2), { mode: 0o600 });
}

export function readStackInfo(): RunningStackInfo | null {
  if (!existsSync(stackFile())) return null;
  const info = JSON.parse(readFileSync(stackFile(), 'utf8')) as RunningStackInfo;
  try {
    process.kill(info.pid, 0);
    return info;
  } catch {
    return null;
  }
}

export function clearStackInfo() {
  rmSync(stackFile(), { force: true });
}
