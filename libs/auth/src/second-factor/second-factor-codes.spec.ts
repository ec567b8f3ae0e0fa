import {
  newRecoveryCode,
  readEnteredCode,
  RECOVERY_ALPHABET,
  type EnteredCode,
} from './second-factor-codes';
import { groupedSecret, matchTotpStep, newTotpSecret, totpCodeAt, totpStep, totpUri } from './totp';

describe('readEnteredCode', () => {
  it.each<[string, EnteredCode | null]>([
    ['123456', { kind: 'totp', code: '123456' }],
    [' 123 456 ', { kind: 'totp', code: '123456' }],
    ['123-456', { kind: 'totp', code: '123456' }],
    ['１２３４５６', { kind: 'totp', code: '123456' }],
    ['12345', null],
    ['1234567', null],
    ['12345a', null],
    ['', null],
    ['abcde-fghjk', { kind: 'recovery', code: 'abcdefghjk' }],
    ['ABCDE FGHJK', { kind: 'recovery', code: 'abcdefghjk' }],
    ['abcdefghjk', { kind: 'recovery', code: 'abcdefghjk' }],
    ['abcde–fghjk', { kind: 'recovery', code: 'abcdefghjk' }],
    // Look-alikes are not in the alphabet.
    ['abcde-fghj0', null],
    ['abcde-fghjl', null],
    ['abcde-fghj', null],
    ['abcde-fghjkm', null],
  ])('%j → %j', (input, expected) => expect(readEnteredCode(input)).toEqual(expected));
});

describe('newRecoveryCode', () => {
  it('is two groups of five from the alphabet, read back as a recovery code', () => {
    const codes = Array.from({ length: 200 }, newRecoveryCode);
    for (const code of codes) {
      expect(code).toMatch(new RegExp(`^[${RECOVERY_ALPHABET}]{5}-[${RECOVERY_ALPHABET}]{5}$`));
      expect(readEnteredCode(code)).toEqual({ kind: 'recovery', code: code.replace('-', '') });
    }
    expect(new Set(codes).size).toBe(codes.length);
  });
});

describe('TOTP', () => {
  // RFC 6238 appendix B, SHA-1 ("12345678901234567890" is GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ), 6 digits.
  const RFC = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
  it.each<[number, string]>([
    [59, '287082'],
    [1111111109, '081804'],
    [1111111111, '050471'],
    [1234567890, '005924'],
    [2000000000, '279037'],
  ])('RFC 6238 vector at %i s is %s', (seconds, code) =>
    expect(totpCodeAt(RFC, totpStep(seconds * 1000))).toBe(code),
  );

  it.each<[string, number, number | null]>([
    ['the current step', 0, 0],
    ['the step before', -1, -1],
    ['the step after', 1, 1],
    ['two steps before', -2, null],
    ['two steps after', 2, null],
  ])('accepts %s within one step either side', (_label, offset, expected) => {
    const secret = newTotpSecret();
    const now = 1_800_000_000_000;
    const step = totpStep(now);
    const found = matchTotpStep(secret, totpCodeAt(secret, step + offset), now);
    expect(found === null ? null : found - step).toBe(expected);
  });

  it('makes an otpauth URI and groups the secret in fours', () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(totpUri(secret, 'wm@org.nl')).toBe(
      `otpauth://totp/Werkbrug:wm%40org.nl?issuer=Werkbrug&secret=${secret}&algorithm=SHA1&digits=6&period=30`,
    );
    expect(groupedSecret('ABCDEFGHIJ')).toBe('ABCD EFGH IJ');
  });
});
