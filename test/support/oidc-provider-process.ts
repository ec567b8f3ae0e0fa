import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface TestAccount {
  password: string;
  email: string;
  name?: string;
  amr?: string[];
  acr?: string;
  /** A faulty ID token for this account (oidc-provider.mjs). */
  variant?: 'wrong-audience' | 'expired';
}

export interface TestProviderConfig {
  port: number;
  clients: { client_id: string; client_secret: string; redirect_uris: string[] }[];
  accounts: Record<string, TestAccount>;
}

export interface TestProvider {
  issuer: string;
  stop(): Promise<void>;
}

/**
 * Starts test/support/oidc-provider.mjs (the real oidc-provider) as its own Node process on a
 * loopback port, and resolves once it listens. Jest never loads the (ESM-only) provider itself.
 */
export function startOidcProvider(config: TestProviderConfig): Promise<TestProvider> {
  const script = path.join(__dirname, 'oidc-provider.mjs');
  // The real clock, as Chromium (browser.ts): the suite's time-of-day run preloads faketime.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => key !== 'LD_PRELOAD' && !key.startsWith('FAKETIME'),
    ),
  );
  const child: ChildProcess = spawn(process.execPath, [script, JSON.stringify(config)], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`provider did not start: ${stderr}`)), 20_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`provider exited (${code}): ${stderr}`));
    });
    child.stdout?.on('data', (d: Buffer) => {
      const m = /READY (\S+)/.exec(d.toString());
      if (!m) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve({
        issuer: m[1] as string,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}
