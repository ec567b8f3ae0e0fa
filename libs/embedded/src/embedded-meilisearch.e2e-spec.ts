import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startMeilisearch } from './embedded-meilisearch';
import { freePort } from './free-port';

/**
 * Generated master keys are base64url: one in 64 starts with '-'. Passed as an argument, such a key
 * was taken for an option and Meilisearch exited with code 2 at every start of that data folder.
 */
describe('embedded Meilisearch', () => {
  it.each([
    ['starting with a dash', '-Y8fQ2c_mJx0pLr5tVw3zKb7nHd1sEa9'],
    ['starting with two dashes', '--uVlPqBbX_gzLt4WoKOy9J24M3CEpP8'],
  ])('starts with a master key %s, and keeps the key out of its command line', async (_, key) => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'werkbrug-meili-key-'));
    const meili = await startMeilisearch({
      dataDir,
      port: await freePort(),
      masterKey: key,
      log: () => undefined,
    });
    try {
      const status = (headers: Record<string, string>) =>
        fetch(`${meili.url}/indexes`, { headers }).then((r) => r.status);
      expect(await status({ authorization: `Bearer ${key}` })).toBe(200);
      expect(await status({})).toBe(401);
      expect(readFileSync(`/proc/${meili.pid}/cmdline`, 'utf8')).not.toContain(key);
    } finally {
      await meili.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
