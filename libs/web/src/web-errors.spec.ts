import { safeReturnPath } from './web-errors';

describe('safeReturnPath: only a path on this site', () => {
  it.each([
    ['/werkgever', '/werkgever'],
    [
      '/voorstellen/5f0c7a52-8d7e-4a0b-9a51-3c1f0e1d2b44',
      '/voorstellen/5f0c7a52-8d7e-4a0b-9a51-3c1f0e1d2b44',
    ],
    ['/werkmakelaar?zoek=de%20Vries&pagina=2', '/werkmakelaar?zoek=de%20Vries&pagina=2'],
  ])('keeps %j', (value, expected) => {
    expect(safeReturnPath(value)).toBe(expected);
  });

  it.each([
    ['another site', 'https://evil.example/'],
    ['protocol-relative', '//evil.example'],
    ['a backslash read as a slash', '/\\evil.example'],
    ['a tab a browser drops', '/\t/evil.example'],
    ['a line break', '/\n/evil.example'],
    ['a carriage return', '/\r/evil.example'],
    ['a NUL', '/\u0000/evil.example'],
    ['DEL', '/\u007f/evil.example'],
    ['relative', 'werkgever'],
    ['javascript:', 'javascript:alert(1)'],
    ['empty', ''],
    ['not a string', ['/werkgever']],
    ['too long', `/${'a'.repeat(500)}`],
  ])('refuses %s', (_name, value) => {
    expect(safeReturnPath(value)).toBeNull();
  });
});
