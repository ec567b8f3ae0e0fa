import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

const appsRoot = path.join(__dirname, '..', '..', '..');

/** Starts the compiled api or worker as its own process, as in production. */
export function startApp(name: 'api' | 'worker', env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [path.join(appsRoot, name, 'src', 'main.js')], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

export async function waitHttp(url: string, timeoutMs = 60_000): Promise<number> {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    try {
      if ((await fetch(url)).ok) return Date.now() - start;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${url} not ready within ${timeoutMs / 1000}s`);
}

export async function stopChild(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
  });
}

export async function login(apiUrl: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${apiUrl}/api/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

/** Signs in through the web form (session cookie + CSRF token); returns the Cookie header to send. */
export async function webLogin(baseUrl: string, email: string, password: string): Promise<string> {
  const form = await fetch(`${baseUrl}/inloggen`, { redirect: 'manual' });
  const anonymous = (form.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? '';
  const res = await fetch(`${baseUrl}/inloggen`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: anonymous },
    body: new URLSearchParams({ email, password, _csrf: csrf }).toString(),
  });
  const session = (res.headers.get('set-cookie') ?? '').split(';')[0];
  if (res.status !== 303 || !session) throw new Error(`web login ${email}: ${res.status}`);
  return session;
}
