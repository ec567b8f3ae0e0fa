import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const DIST = path.join(__dirname, '..', 'dist', 'apps');
const API = path.join(DIST, 'api', 'src', 'main.js');
const WORKER = path.join(DIST, 'worker', 'src', 'main.js');
const CLI = path.join(DIST, 'cli', 'src', 'main.js');

/** Runs a built entry point with only the given environment (nothing inherited from the tests). */
function run(entry: string, env: Record<string, string>, args: string[] = []) {
  const result = spawnSync(process.execPath, [entry, ...args], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const VALID = {
  DATABASE_URL: 'postgres://werkbrug:x@127.0.0.1:1/werkbrug',
  MEILI_URL: 'http://127.0.0.1:1',
};

/** A misconfigured deployment stops at once, saying every problem, before it connects anywhere. */
describe('hardening: configuration fails fast', () => {
  it('lists every problem and exits 1: missing DATABASE_URL, invalid PORT, invalid CORS origin', () => {
    const result = run(API, {
      MEILI_URL: VALID.MEILI_URL,
      PORT: 'drieduizend',
      CORS_ORIGINS: 'https://portaal.werkbrug.example, portaal.werkbrug.example/pad',
      RETENTION_YEARS: '0',
    });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toEqual([
      'Invalid configuration:',
      '  - PORT must be a whole number from 0 to 65535 (got "drieduizend")',
      '  - DATABASE_URL is required (or run through "npm start", which sets it)',
      '  - RETENTION_YEARS must be a whole number from 1 to 30 (got "0")',
      '  - CORS_ORIGINS entry "portaal.werkbrug.example/pad" is not an origin',
    ]);
    expect(result.stdout).toBe('');
  });

  it('names a single problem alone, for each entry point', () => {
    const api = run(API, { ...VALID, PORT: '70000' });
    expect([api.status, api.stderr.trim()]).toEqual([
      1,
      'Invalid configuration:\n  - PORT must be a whole number from 0 to 65535 (got "70000")',
    ]);
    const worker = run(WORKER, { ...VALID, DATABASE_URL: 'mysql://localhost/werkbrug' });
    expect([worker.status, worker.stderr.trim()]).toEqual([
      1,
      'Invalid configuration:\n  - DATABASE_URL must use postgres: or postgresql: (got mysql:)',
    ]);
    const cors = run(API, { ...VALID, CORS_ORIGINS: '*' });
    expect([cors.status, cors.stderr]).toEqual([
      1,
      expect.stringContaining('CORS_ORIGINS entry "*" is not an origin'),
    ]);
  });

  it('settings that used to bypass the config (NaN slipped through) now stop every entry point', () => {
    const api = run(API, {
      ...VALID,
      TOKEN_CACHE_MS: '5s',
      DATABASE_POOL_SIZE: '0',
      HOST: 'local host',
    });
    expect([api.status, api.stderr.trim()]).toEqual([
      1,
      [
        'Invalid configuration:',
        '  - TOKEN_CACHE_MS must be a whole number from 0 to 3600000 (got "5s")',
        '  - DATABASE_POOL_SIZE must be a whole number from 1 to 1000 (got "0")',
        '  - HOST must be a host name or IP address (got "local host")',
      ].join('\n'),
    ]);
    const worker = run(WORKER, { ...VALID, OUTBOX_POLL_MS: 'snel', OUTBOX_BATCH_SIZE: '-1' });
    expect([worker.status, worker.stderr.trim()]).toEqual([
      1,
      [
        'Invalid configuration:',
        '  - OUTBOX_BATCH_SIZE must be a whole number from 1 to 10000 (got "-1")',
        '  - OUTBOX_POLL_MS must be a whole number from 1 to 60000 (got "snel")',
      ].join('\n'),
    ]);
    const cli = run(CLI, { WERKBRUG_PG_PORT: 'postgres' }, ['migrate']);
    expect(cli.status).toBe(1);
    expect(cli.stderr).toContain(
      'WERKBRUG_PG_PORT must be a whole number from 1 to 65535 (got "postgres")',
    );
  });

  describe('npm start refuses a weak WERKBRUG_ADMIN_PASSWORD before anything starts', () => {
    let dataDir: string;
    beforeEach(() => {
      dataDir = path.join(mkdtempSync(path.join(tmpdir(), 'werkbrug-start-')), 'data');
    });
    afterEach(() => rmSync(path.dirname(dataDir), { recursive: true, force: true }));

    it.each([
      ['kort-ww', 'must be at least 12 characters'],
      ['wachtwoord123', 'is a commonly used password'],
      ['aaaaaaaaaaaaaab', 'has too few different characters'],
    ])('%s', (password, problem) => {
      const result = run(
        CLI,
        {
          WERKBRUG_DATA_DIR: dataDir,
          WERKBRUG_ADMIN_EMAIL: 'beheer@example.nl',
          WERKBRUG_ADMIN_PASSWORD: password,
        },
        ['start'],
      );
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`WERKBRUG_ADMIN_PASSWORD ${problem}`);
      expect(result.stderr).toContain('Nothing was started');
      expect(`${result.stdout}${result.stderr}`).not.toContain(password);
      expect(existsSync(dataDir)).toBe(false);
    });
  });
});
