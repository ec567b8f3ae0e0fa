import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';

/**
 * TOTP (RFC 6238) as every authenticator app knows it: SHA-1, 6 digits, 30 seconds. The one place
 * that talks to `otpauth` and `qrcode`; no crypto of our own.
 */
export const TOTP_PERIOD_SECONDS = 30;
const ISSUER = 'Werkbrug';

const totpOf = (secret: string, account = '') =>
  new TOTP({
    issuer: ISSUER,
    label: account,
    algorithm: 'SHA1',
    digits: 6,
    period: TOTP_PERIOD_SECONDS,
    secret: Secret.fromBase32(secret),
  });

/** A new random secret (160 bits), base32 as the apps take it. */
export const newTotpSecret = (): string => new Secret({ size: 20 }).base32;

/** The time step a moment falls in. */
export const totpStep = (atMs = Date.now()): number =>
  Math.floor(atMs / 1000 / TOTP_PERIOD_SECONDS);

/** The code of a step (for tests, the demo helper and the CLI `totp` command). */
export const totpCodeAt = (secret: string, step: number): string =>
  totpOf(secret).generate({ timestamp: step * TOTP_PERIOD_SECONDS * 1000 });

/** The current code. */
export const totpCode = (secret: string, atMs = Date.now()): string =>
  totpCodeAt(secret, totpStep(atMs));

/**
 * The step a six-digit code belongs to, within `window` steps either side of now (one step: a
 * phone's clock a little off, a code typed just as it changed); null when it matches none.
 */
export function matchTotpStep(
  secret: string,
  code: string,
  atMs = Date.now(),
  window = 1,
): number | null {
  const delta = totpOf(secret).validate({ token: code, timestamp: atMs, window });
  return delta === null ? null : totpStep(atMs) + delta;
}

/** The otpauth:// URI an app reads from the QR code. */
export const totpUri = (secret: string, account: string): string =>
  totpOf(secret, account).toString();

/** The QR code of a URI as an SVG document, drawn here (no outside service sees the secret). */
export const qrSvg = (text: string): Promise<string> =>
  QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });

/** The secret as people type it: groups of four ("ABCD EFGH …"). */
export const groupedSecret = (secret: string): string => (secret.match(/.{1,4}/g) ?? []).join(' ');
