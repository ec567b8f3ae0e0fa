import { randomInt } from 'node:crypto';

/** How many recovery codes a user gets at enrolment (all new ones replace the old). */
export const RECOVERY_CODE_COUNT = 10;

/**
 * Recovery codes use lower-case letters and digits without look-alikes (no 0/o, 1/l/i): ten of them
 * (31^10 ≈ 2^49.5), shown as two groups of five.
 */
export const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const RECOVERY_LENGTH = 10;

export const newRecoveryCode = (): string => {
  let code = '';
  for (let i = 0; i < RECOVERY_LENGTH; i++)
    code += RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)];
  return `${code.slice(0, 5)}-${code.slice(5)}`;
};

/** What a person typed into the code field, read as a TOTP code or a recovery code. */
export type EnteredCode = { kind: 'totp'; code: string } | { kind: 'recovery'; code: string };

/**
 * Spaces, dashes and dots are left out (people copy "123 456" or "abcde-fghjk"); case does not
 * matter. Six digits is an app's code; ten characters of the recovery alphabet a recovery code
 * (stored and compared without the dash). Anything else: null.
 */
export function readEnteredCode(input: string): EnteredCode | null {
  const bare = input
    .normalize('NFKC')
    .replace(/[\s\-.\u2010-\u2015]/g, '')
    .toLowerCase();
  if (/^\d{6}$/.test(bare)) return { kind: 'totp', code: bare };
  if (bare.length === RECOVERY_LENGTH && [...bare].every((c) => RECOVERY_ALPHABET.includes(c)))
    return { kind: 'recovery', code: bare };
  return null;
}
