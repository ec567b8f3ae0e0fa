import { ProblemException } from '@werkbrug/http';
import { hiddenOf, isOneOf, isStale, labelChoices, str, yesNo } from './view-parts';

describe('view parts', () => {
  it('isOneOf: only codes of the list', () => {
    expect(isOneOf(['a', 'b'] as const, 'b')).toBe(true);
    expect(isOneOf(['a', 'b'] as const, 'c')).toBe(false);
  });

  it('labelChoices: the catalogue words, with an optional empty first choice', () => {
    expect(labelChoices('arrangement', ['beschut_werk', 'onbekend'], 'Kies')).toEqual([
      { value: '', text: 'Kies' },
      { value: 'beschut_werk', text: expect.any(String) as string },
      { value: 'onbekend', text: 'onbekend' },
    ]);
    expect(labelChoices('arrangement', [])).toEqual([]);
  });

  it('hiddenOf: one field per value, lists spread out, in order', () => {
    expect(hiddenOf({ a: 'x', b: ['1', '2'], c: [] as string[] })).toEqual([
      { name: 'a', value: 'x' },
      { name: 'b', value: '1' },
      { name: 'b', value: '2' },
    ]);
  });

  it('yesNo and str', () => {
    expect([yesNo(true), yesNo(false), yesNo(null), yesNo(undefined)]).toEqual([
      'Ja',
      'Nee',
      null,
      null,
    ]);
    expect([str(' x '), str(['x']), str(undefined), str(3)]).toEqual(['x', '', '', '']);
  });

  it('isStale: only the stale-version problem', () => {
    expect(isStale(new ProblemException(409, 'STALE_VERSION', 'Stale'))).toBe(true);
    expect(isStale(new ProblemException(404, 'NOT_FOUND', 'Not found'))).toBe(false);
    expect(isStale(new Error('STALE_VERSION'))).toBe(false);
  });
});
