import { existsSync, readdirSync, readFileSync, readlinkSync, realpathSync, rmSync } from 'node:fs';

/**
 * Whether the process still runs. A zombie (exited, not yet reaped) does not: when its parent was
 * killed too and PID 1 is not an init that reaps orphans (a container's plain entrypoint), a killed
 * worker stays a zombie for good, and signal 0 alone would call it alive.
 */
export function isAlive(pid: number): boolean {
  return signalReaches(pid) && !isZombie(pid);
}

/** Whether signal 0 reaches the pid: a running process, or a zombie. */
export function signalReaches(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function isZombie(pid: number): boolean {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return false; // no procfs (macOS): signal 0 is all there is
  }
  // "pid (comm) state …": comm may hold spaces and parentheses, so read after the last ')'.
  const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  return state === 'Z' || state === 'X';
}

async function waitWhile(busy: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (busy() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  return !busy();
}

export function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  return waitWhile(() => isAlive(pid), timeoutMs);
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
  if (Number.isInteger(pid) && pid > 1) {
    if (isAlive(pid)) {
      log(`stopping a server left running by an earlier start (pid ${pid})`);
      process.kill(pid, signal);
      if (!(await waitForExit(pid, 15_000))) {
        process.kill(pid, 'SIGKILL');
        await waitForExit(pid, 5_000);
      }
    }
    // Killed together with its parent, a server is a zombie until init reaps it, and PostgreSQL's own
    // lock-file check still counts it as a running postmaster: give init the moment it takes.
    await waitWhile(() => isZombie(pid), 5_000);
  }
  if (pidFile.endsWith('.pid') && !pidFile.endsWith('postmaster.pid'))
    rmSync(pidFile, { force: true });
}

/** The command name the kernel keeps for a process (`postgres` for every server process), or null. */
export function commandName(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
  } catch {
    return null;
  }
}

/**
 * Kills the server processes a postmaster killed hard left behind in its data folder (PostgreSQL
 * keeps each process's working folder there), and waits until they are gone: while one of them
 * still holds the old shared memory, a new postmaster refuses to start on that folder. Linux only
 * (procfs); elsewhere they exit by themselves once they notice their postmaster died.
 */
export async function stopOrphans(
  folder: string,
  name: string,
  log: (line: string) => void,
): Promise<number> {
  let entries: string[];
  let target: string;
  try {
    entries = readdirSync('/proc');
    target = realpathSync(folder);
  } catch {
    return 0;
  }
  const orphans = entries
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((pid) => {
      try {
        return (
          pid !== process.pid &&
          commandName(pid) === name &&
          readlinkSync(`/proc/${pid}/cwd`) === target &&
          isAlive(pid)
        );
      } catch {
        return false;
      }
    });
  if (!orphans.length) return 0;
  log(
    `stopping ${orphans.length} ${name} process(es) left by the one that died (pids ${orphans.join(', ')})`,
  );
  for (const pid of orphans) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone meanwhile
    }
  }
  await waitWhile(() => orphans.some((pid) => isAlive(pid)), 10_000);
  return orphans.length;
}
