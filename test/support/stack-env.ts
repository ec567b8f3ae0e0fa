import { readFileSync } from 'node:fs';
import path from 'node:path';

export const STACK_DIR = path.join(__dirname, '..', '..', '.test-stack');
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
