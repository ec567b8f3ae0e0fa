import { existsSync, readFileSync, rmSync } from 'node:fs';

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !isAlive(pid);
}

/**
 * Stops a server left behind by a previous run that was killed hard (its pid file survived),
 * so a second start on the same data folder works.
 */
export async function stopLeftover(
  pidFile: string,
  signal: NodeJS.Signals,
  log: (line: string) => void,
) {
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (Number.isInteger(pid) && pid > 1 && isAlive(pid)) {
    log(`stopping a server left running by an earlier start (pid ${pid})`);
    process.kill(pid, signal);
    if (!(await waitForExit(pid, 15_000))) process.kill(pid, 'SIGKILL');
  }
  if (pidFile.endsWith('.pid') && !pidFile.endsWith('postmaster.pid'))
    rmSync(pidFile, { force: true });
}
