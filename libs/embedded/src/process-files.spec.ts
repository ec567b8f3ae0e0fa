import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isAlive, signalReaches, stopLeftover } from './process-files';

/**
 * A child of a shell that does not wait for it (as a container's plain entrypoint does not wait for
 * orphans): it exits and stays a zombie until `reap()` lets the shell wait. (Debian's sh, dash,
 * reaps only when it waits; the `read` builtin does not.)
 */
async function zombie() {
  const parent = spawn('sh', ['-c', 'sleep 0 & echo $!; read line; wait; exec sleep 30'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const pid = Number(
    await new Promise<string>((resolve) => parent.stdout.once('data', (d) => resolve(String(d)))),
  );
  // Until it has exited, it still runs.
  const deadline = Date.now() + 5_000;
  while (isAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  return { pid, reap: () => parent.stdin.write('\n'), stop: () => parent.kill('SIGKILL') };
}

describe('isAlive', () => {
  it.each([
    ['this process', () => process.pid, true],
    ['a pid above the kernel maximum', () => 2 ** 22 + 1, false],
  ])('%s', (_name, pid, expected) => {
    expect(isAlive(pid())).toBe(expected);
  });

  it('a zombie is not alive, although signal 0 reaches it', async () => {
    const { pid, stop } = await zombie();
    try {
      expect(signalReaches(pid)).toBe(true);
      expect(isAlive(pid)).toBe(false);
    } finally {
      stop();
    }
  });
});

describe('stopLeftover', () => {
  // PostgreSQL refuses to start while the pid in postmaster.pid can be signalled, zombie or not.
  it('waits for a dead server in its pid file to be reaped, without signalling it', async () => {
    const { pid, reap, stop } = await zombie();
    try {
      setTimeout(reap, 300);
      const file = path.join(mkdtempSync(path.join(tmpdir(), 'werkbrug-leftover-')), 'x.pid');
      writeFileSync(file, `${pid}\n`);
      const said: string[] = [];
      await stopLeftover(file, 'SIGTERM', (line) => said.push(line));
      expect(said).toEqual([]);
      expect(signalReaches(pid)).toBe(false);
    } finally {
      stop();
    }
  });
});
