import { DigestCandidateMatch, nextDue, selectDigest } from './digest';

const m = (vacancyId: string, score = 50, distanceKm = 5): DigestCandidateMatch => ({
  vacancyId,
  score,
  distanceKm,
});

describe('selectDigest', () => {
  it.each<[string, DigestCandidateMatch[], string[], number, string[], number, string[]]>([
    ['no matches, nothing to send', [], [], 5, [], 0, []],
    ['everything already known', [m('a'), m('b')], ['a', 'b'], 5, [], 0, []],
    ['only the new ones', [m('a'), m('b'), m('c')], ['b'], 5, ['a', 'c'], 0, ['a', 'c']],
    [
      'best score first',
      [m('a', 40), m('b', 90), m('c', 60)],
      [],
      5,
      ['b', 'c', 'a'],
      0,
      ['b', 'c', 'a'],
    ],
    [
      'equal score: nearest first',
      [m('a', 50, 9), m('b', 50, 2)],
      [],
      5,
      ['b', 'a'],
      0,
      ['b', 'a'],
    ],
    ['equal score and distance: by id', [m('b'), m('a')], [], 5, ['a', 'b'], 0, ['a', 'b']],
    [
      'over the limit: the rest is counted and still becomes known',
      [m('a', 90), m('b', 80), m('c', 70), m('d', 60)],
      [],
      2,
      ['a', 'b'],
      2,
      ['a', 'b', 'c', 'd'],
    ],
    ['a duplicate hit counts once', [m('a'), m('a')], [], 5, ['a'], 0, ['a']],
    ['a known workplace never comes back', [m('a', 99)], ['a'], 5, [], 0, []],
  ])('%s', (_name, current, known, max, send, more, newlyKnown) => {
    const result = selectDigest(current, new Set(known), max);
    expect(result.send.map((x) => x.vacancyId)).toEqual(send);
    expect(result.more).toBe(more);
    expect(result.newlyKnown).toEqual(newlyKnown);
  });
});

describe('nextDue', () => {
  const from = new Date('2026-11-29T07:00:00.000Z');
  it.each([
    ['dagelijks', '2026-11-30T07:00:00.000Z'],
    ['wekelijks', '2026-12-06T07:00:00.000Z'],
  ] as const)('%s → %s', (frequency, expected) => {
    expect(nextDue(frequency, from).toISOString()).toBe(expected);
  });
});
