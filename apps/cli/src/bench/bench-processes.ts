import { rememberStaffSecret, staffCode } from './staff-sign-in';
import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

const appsRoot = path.join(__dirname, '..', '..', '..');

/**
 * Starts the compiled api or worker as its own process, as in production. With
 * WERKBRUG_BENCH_CPU_PROF=<folder> the API writes a V8 CPU profile there when it stops (`node --cpu-prof`).
 */
export function startApp(name: 'api' | 'worker', env: NodeJS.ProcessEnv): ChildProcess {
  const profileDir = process.env.WERKBRUG_BENCH_CPU_PROF;
  const flags = name === 'api' && profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  return spawn(process.execPath, [...flags, path.join(appsRoot, name, 'src', 'main.js')], {
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
  const post = (path: string, body: Record<string, string>) =>
    fetch(`${apiUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  let res = await post('/api/auth/token', { email, password });
  if (!res.ok) {
    // Werkmakelaars and administrators: the code of their app (api.md, "Second factor").
    const { code } = (await res.clone().json()) as { code?: string };
    if (code === 'MFA_REQUIRED')
      res = await post('/api/auth/token', { email, password, otp: await staffCode(email) });
    else if (code === 'MFA_SETUP_REQUIRED') {
      const setup = await post('/api/auth/mfa/setup', { email, password });
      rememberStaffSecret(email, ((await setup.json()) as { secret: string }).secret);
      res = await post('/api/auth/mfa/confirm', { email, password, otp: await staffCode(email) });
    }
  }
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
  let session = (res.headers.get('set-cookie') ?? '').split(';')[0];
  let location = res.headers.get('location') ?? '';
  if (res.status !== 303 || !session) throw new Error(`web login ${email}: ${res.status}`);
  // Werkmakelaars and administrators: the second factor's page (or its set-up) first.
  const send = async (path: string, fields: Record<string, string>) => {
    const answer = await fetch(`${baseUrl}${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: session ?? '' },
      body: new URLSearchParams(fields).toString(),
    });
    session = (answer.headers.get('set-cookie') ?? '').split(';')[0] || session;
    location = answer.headers.get('location') ?? '';
    return answer;
  };
  if (location.startsWith('/inlogcode')) {
    const page = await fetch(`${baseUrl}${location}`, { headers: { cookie: session ?? '' } });
    const html = await page.text();
    const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
    if (location.startsWith('/inlogcode/instellen')) {
      rememberStaffSecret(email, /id="sleutel">([^<]+)</.exec(html)?.[1] ?? '');
      const shown = await send('/inlogcode/instellen', {
        code: await staffCode(email),
        _csrf: token,
      });
      const next = /name="_csrf" value="([^"]+)"/.exec(await shown.text())?.[1] ?? '';
      await send('/inlogcode/klaar', { _csrf: next });
    } else await send('/inlogcode', { code: await staffCode(email), _csrf: token });
    if (location.startsWith('/inlogcode') || !location)
      throw new Error(`web login ${email}: the second factor was refused`);
  }
  return session ?? '';
}
