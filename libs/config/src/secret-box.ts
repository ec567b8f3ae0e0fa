import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { AppConfig } from './app-config';

/**
 * Encrypts small secrets the server must read back (a TOTP secret, an identity provider's client
 * secret) with the server's key: AES-256-GCM, a fresh 96-bit nonce per value. `context` is bound
 * into the authentication tag (for example `totp:<user id>`), so a sealed value copied to another
 * row or purpose does not open.
 */
export interface SecretBox {
  seal(plain: string, context: string): string;
  /** Throws when the value was not sealed with this key and context (or was altered). */
  open(sealed: string, context: string): string;
}

const VERSION = 'v1';

/** A SecretBox over a 32-byte key. */
export function createSecretBox(key: Buffer): SecretBox {
  if (key.length !== 32) throw new Error('The secret key must be 32 bytes');
  return {
    seal(plain, context) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [VERSION, iv, cipher.getAuthTag(), body]
        .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
        .join('.');
    },
    open(sealed, context) {
      const [version, iv, tag, body, ...rest] = sealed.split('.');
      if (version !== VERSION || !iv || !tag || body === undefined || rest.length)
        throw new Error('Not a sealed value');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([
        decipher.update(Buffer.from(body, 'base64url')),
        decipher.final(),
      ]).toString('utf8');
    },
  };
}

/** Key material of any length (≥ 32 characters) → the 32-byte key. */
export const secretKeyOf = (material: string): Buffer =>
  createHash('sha256').update(`werkbrug-secret-key\n${material}`).digest();

/**
 * The server's key: WERKBRUG_SECRET_KEY when set; else the `secretKey` that `npm start` generated in
 * the data folder's secrets.json; else derived from the database and search credentials (like
 * LINK_SECRET), which a deployment with its own servers should replace by setting the variable: a
 * changed database password would otherwise leave the sealed secrets unreadable.
 */
export function secretKeyMaterial(
  config: Pick<AppConfig, 'secretKey' | 'dataDir' | 'databaseUrl' | 'meiliKey'>,
): string {
  if (config.secretKey) return config.secretKey;
  const file = path.join(config.dataDir, 'secrets.json');
  if (existsSync(file)) {
    const stored = (JSON.parse(readFileSync(file, 'utf8')) as { secretKey?: unknown }).secretKey;
    if (typeof stored === 'string' && stored.length >= 32) return stored;
  }
  return `derived\n${config.databaseUrl}\n${config.meiliKey}`;
}

/** The SecretBox of a configuration (what the SECRET_BOX provider holds). */
export const secretBoxFor = (
  config: Pick<AppConfig, 'secretKey' | 'dataDir' | 'databaseUrl' | 'meiliKey'>,
): SecretBox => createSecretBox(secretKeyOf(secretKeyMaterial(config)));
