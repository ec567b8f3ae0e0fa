import { certificateName } from './vocabulary';

describe('certificates as people write them', () => {
  it.each([
    ['vca', 'VCA'],
    ['vol-vca', 'VOL-VCA'],
    ['haccp', 'HACCP'],
    ['bhv', 'BHV'],
    ['heftruck', 'heftruck'],
    ['sociale-hygiene', 'sociale hygiene'],
  ])('%s → %s', (code, words) => {
    expect(certificateName(code)).toBe(words);
  });
});
