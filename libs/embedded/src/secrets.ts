import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface StackSecrets {
  postgresPassword: string;
  meiliMasterKey: string;
  /** The server's key for sealed secrets (libs/config secret-box.ts), unless WERKBRUG_SECRET_KEY is set. */
  secretKey: string;
}

/** Generated once per data folder and kept there (mode 600), so restarts reuse the same credentials. */
export function loadOrCreateSecrets(dataDir: string): StackSecrets {
  const file = path.join(dataDir, 'secrets.json');
  if (existsSync(file)) {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as Partial<StackSecrets>;
    if (stored.secretKey) return stored as StackSecrets;
    // A data folder from before sealed secrets: the key is added, the rest stays.
    const secrets = { ...stored, secretKey: randomBytes(32).toString('base64url') } as StackSecrets;
    writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
    return secrets;
  }
  mkdirSync(dataDir, { recursive: true });
  const secrets: StackSecrets = {
    postgresPassword: randomBytes(18).toString('base64url'),
    meiliMasterKey: randomBytes(24).toString('base64url'),
    secretKey: randomBytes(32).toString('base64url'),
  };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
