import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * The test servers' data lives under the system temp folder (one per checkout): as root, PostgreSQL runs
 * as the postgres user, which may not be able to enter the checkout (for example under /root).
 */
const checkout = path.resolve(__dirname, '..', '..');
export const STACK_DIR = path.join(
  tmpdir(),
  `werkbrug-test-stack-${createHash('sha1').update(checkout).digest('hex').slice(0, 10)}`,
);
export const STACK_ENV_FILE = path.join(STACK_DIR, 'env.json');
export const TEMPLATE_DB = 'werkbrug_template';

export interface StackEnv {
  DATABASE_URL: string;
  MEILI_URL: string;
  MEILI_MASTER_KEY: string;
  meiliPid: number;
  pid: number;
}

export const readStackEnv = (): StackEnv =>
  JSON.parse(readFileSync(STACK_ENV_FILE, 'utf8')) as StackEnv;

export const withDatabase = (url: string, database: string) =>
  url.replace(/\/[^/]+$/, `/${database}`);
