import {
  type DatedVersion,
  findOverlap,
  inForce,
  inForceSql,
  overlaps,
  planSuccession,
  versionInForce,
} from './dated-rules';

const v = (id: string, validFrom: string, validTo: string | null = null) => ({
  id,
  validFrom,
  validTo,
});

const HISTORY = [
  v('2025', '2025-01-01', '2025-12-31'),
  v('2026', '2026-01-01', '2026-06-30'),
  v('now', '2026-07-01'),
];

describe('inForce and versionInForce', () => {
  it.each([
    ['2024-12-31', null],
    ['2025-01-01', '2025'],
    ['2025-12-31', '2025'],
    ['2026-01-01', '2026'],
    ['2026-06-30', '2026'],
    ['2026-07-01', 'now'],
    ['2099-01-01', 'now'],
  ])('on %s: %s', (date, expected) => {
    expect(versionInForce(HISTORY, date)?.id ?? null).toBe(expected);
    expect(HISTORY.filter((h) => inForce(h, date)).map((h) => h.id)).toEqual(
      expected ? [expected] : [],
    );
  });

  it('with a gap, nothing is in force in it', () => {
    expect(
      versionInForce([v('a', '2025-01-01', '2025-03-31'), v('b', '2025-05-01')], '2025-04-15'),
    ).toBeNull();
  });

  it('if periods overlap, the latest start wins', () => {
    expect(versionInForce([v('old', '2025-01-01'), v('new', '2025-06-01')], '2025-07-01')?.id).toBe(
      'new',
    );
  });

  it('says the same in SQL', () => {
    expect(inForceSql('r', '$2')).toBe(
      '(r.valid_from <= $2 AND (r.valid_to IS NULL OR r.valid_to >= $2))',
    );
  });
});

describe('overlaps and findOverlap', () => {
  it.each<[DatedVersion, DatedVersion, boolean]>([
    [v('a', '2025-01-01', '2025-12-31'), v('b', '2026-01-01'), false],
    [v('a', '2025-01-01', '2025-12-31'), v('b', '2025-12-31'), true],
    [v('a', '2025-01-01'), v('b', '2030-01-01'), true],
    [v('a', '2025-03-01', '2025-03-31'), v('b', '2025-01-01', '2025-02-28'), false],
    [v('a', '2025-03-01', '2025-03-01'), v('b', '2025-01-01', '2025-12-31'), true],
  ])('%j and %j: %s', (a, b, expected) => {
    expect(overlaps(a, b)).toBe(expected);
    expect(overlaps(b, a)).toBe(expected);
  });

  it('finds the first overlapping pair, or none in a clean history', () => {
    expect(findOverlap(HISTORY)).toBeNull();
    expect(findOverlap([v('x', '2026-03-01'), ...HISTORY])?.map((h) => h.id)).toEqual([
      '2026',
      'x',
    ]);
  });
});

describe('planSuccession', () => {
  it.each([
    ['after the open version: closes it the day before', '2027-01-01', [], ['now'], '2026-12-31'],
    ['on the open version’s start: refused', '2026-07-01', ['now'], [], '2026-06-30'],
    [
      'inside a closed version: refused by the later ones',
      '2026-03-01',
      ['now'],
      ['2026'],
      '2026-02-28',
    ],
    [
      'before every version: refused by all',
      '2020-01-01',
      ['2025', '2026', 'now'],
      [],
      '2019-12-31',
    ],
  ])('%s', (_name, from, later, toClose, closeOn) => {
    const plan = planSuccession(HISTORY, from);
    expect(plan.later.map((h) => h.id)).toEqual(later);
    expect(plan.toClose.map((h) => h.id)).toEqual(toClose);
    expect(plan.closeOn).toBe(closeOn);
  });

  it('the first version of a rule has nothing to close', () => {
    expect(planSuccession([], '2027-01-01')).toEqual({
      later: [],
      toClose: [],
      closeOn: '2026-12-31',
    });
  });
});
