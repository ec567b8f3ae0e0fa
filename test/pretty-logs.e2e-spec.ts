import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { freePort } from '@werkbrug/embedded';
import { startTestApp, type TestApp } from './support/test-app';

const API = path.join(__dirname, '..', 'dist', 'apps', 'api', 'src', 'main.js');

/**
 * `npm start` on a terminal: the API's stdout is a TTY (here a real pseudo-terminal from util-linux
 * `script`), so its log lines are readable; LOG_FORMAT=json keeps JSON there. Piped output stays JSON
 * (test/hardening-logs.e2e-spec.ts reads it as JSON).
 */
describe('logs on a terminal', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  async function runOnTerminal(extraEnv: Record<string, string>): Promise<string> {
    const port = await freePort();
    let out = '';
    const child: ChildProcess = spawn(
      'script',
      ['-qfec', `${process.execPath} ${API}`, '/dev/null'],
      {
        env: { ...process.env, LOG_LEVEL: 'info', PORT: String(port), NO_COLOR: '1', ...extraEnv },
        stdio: ['pipe', 'pipe', 'pipe'],
      },
    );
    child.stdout?.on('data', (c: Buffer) => (out += c.toString('utf8')));
    try {
      const deadline = Date.now() + 30_000;
      for (;;) {
        if (child.exitCode !== null) throw new Error(`API exited: ${out}`);
        if (Date.now() > deadline) throw new Error(`API not ready: ${out}`);
        try {
          if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) break;
        } catch {
          // not listening yet
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      await fetch(`http://127.0.0.1:${port}/api/auth/me`, {
        headers: { 'X-Request-Id': 'tty-check-1' },
      });
      const until = Date.now() + 5000;
      while (!out.includes('tty-check-1') && Date.now() < until)
        await new Promise((r) => setTimeout(r, 50));
      return out.replace(/\r/g, '');
    } finally {
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
    }
  }

  it('prints one readable line per request', async () => {
    const out = await runOnTerminal({});
    expect(out).toMatch(
      /^\d\d:\d\d:\d\d\.\d{3} WARN {2}GET \/api\/auth\/me 401 \d+ ms reqId=tty-check-1$/m,
    );
    expect(out).not.toContain('{"level"');
  });

  it('keeps JSON with LOG_FORMAT=json', async () => {
    const out = await runOnTerminal({ LOG_FORMAT: 'json' });
    const line = out.split('\n').find((l) => l.includes('tty-check-1')) as string;
    expect(JSON.parse(line)).toMatchObject({ req: { id: 'tty-check-1', path: '/api/auth/me' } });
  });
});
