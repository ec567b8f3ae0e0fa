import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface StackSecrets {
  postgresPassword: string;
  meiliMasterKey: string;
}

/** Generated once per data folder and kept there (mode 600), so restarts reuse the same credentials. */
export function loadOrCreateSecrets(dataDir: string): StackSecrets {
  const file = path.join(dataDir, 'secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as StackSecrets;
  mkdirSync(dataDir, { recursive: true });
  const secrets: StackSecrets = {
    postgresPassword: randomBytes(18).toString('base64url'),
    meiliMasterKey: randomBytes(24).toString('base64url'),
  };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
