import { writeFileSync } from 'node:fs';
import { freePort, startStack } from '@werkbrug/embedded';
import { dataDir } from '../data-dir';
import { log } from '../with-database';

/**
 * Runs only the servers (no API, no worker) and writes their URLs to --port-file.
 * The test suite uses it as its global fixture; it stops on SIGTERM/SIGINT.
 */
export async function stackCommand(flags: Map<string, string | true>): Promise<void> {
  const portFile = flags.get('port-file');
  if (typeof portFile !== 'string') throw new Error('stack needs --port-file FILE');
  const stack = await startStack({
    dataDir: dataDir(),
    pgPort: await freePort(),
    meiliPort: await freePort(),
    log,
  });
  writeFileSync(
    portFile,
    JSON.stringify({ ...stack.env, meiliPid: stack.meiliPid, pid: process.pid }),
  );
  const stop = async () => {
    await stack.stop();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
  // Exit with the parent (jest) even when it dies without signalling us.
  process.stdin.resume();
  process.stdin.on('end', () => void stop());
}
