import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createSecretBox, secretBoxFor, secretKeyMaterial, secretKeyOf } from './secret-box';

const box = createSecretBox(secretKeyOf('k'.repeat(40)));

describe('SecretBox', () => {
  it('opens what it sealed, with a fresh nonce each time', () => {
    const a = box.seal('JBSWY3DPEHPK3PXP', 'totp:1');
    const b = box.seal('JBSWY3DPEHPK3PXP', 'totp:1');
    expect(a).not.toBe(b);
    expect(a).not.toContain('JBSWY3DPEHPK3PXP');
    expect(box.open(a, 'totp:1')).toBe('JBSWY3DPEHPK3PXP');
  });

  const sealed = box.seal('geheim', 'totp:1');
  const [v, iv, tag, body] = sealed.split('.') as [string, string, string, string];
  const flip = (s: string) => (s[0] === 'A' ? 'B' : 'A') + s.slice(1);
  it.each<[string, () => string]>([
    ['another context', () => box.open(sealed, 'totp:2')],
    ['another key', () => createSecretBox(secretKeyOf('x'.repeat(40))).open(sealed, 'totp:1')],
    ['an altered body', () => box.open([v, iv, tag, flip(body)].join('.'), 'totp:1')],
    ['an altered tag', () => box.open([v, iv, flip(tag), body].join('.'), 'totp:1')],
    ['an unknown version', () => box.open(['v9', iv, tag, body].join('.'), 'totp:1')],
    ['no sealed value', () => box.open('plain', 'totp:1')],
  ])('refuses %s', (_label, open) => expect(open).toThrow());

  it('takes the key from the variable, else the data folder, else the server secrets', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wb-key-'));
    const base = { dataDir: dir, databaseUrl: 'postgres://a', meiliKey: 'm', secretKey: null };
    expect(secretKeyMaterial(base)).toBe('derived\npostgres://a\nm');
    writeFileSync(path.join(dir, 'secrets.json'), JSON.stringify({ secretKey: 's'.repeat(43) }));
    expect(secretKeyMaterial(base)).toBe('s'.repeat(43));
    expect(secretKeyMaterial({ ...base, secretKey: 'e'.repeat(32) })).toBe('e'.repeat(32));
    const sealed = secretBoxFor(base).seal('x', 'c');
    expect(secretBoxFor(base).open(sealed, 'c')).toBe('x');
  });
});
