import {
  contractEnd,
  type Period,
  defaultKnownUntil,
  findOverlap,
  inForce,
  inForceSql,
  overlaps,
  planSuccession,
  provisionalReason,
  runsOutWithin,
  splitByVersions,
  versionInForce,
  versionOn,
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
  it.each<[Period, Period, boolean]>([
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

describe('horizons: versionOn, splitByVersions, provisionalReason', () => {
  const h = (id: string, validFrom: string, validTo: string | null, knownUntil: string) => ({
    id,
    validFrom,
    validTo,
    knownUntil,
  });
  // The minimum wage as seeded: 2026 known up to 31-12-2026, no successor yet.
  const WML = [
    h('2025b', '2025-07-01', '2025-12-31', '2025-12-31'),
    h('2026', '2026-01-01', null, '2026-12-31'),
  ];
  // The same after an administrator entered 2027 (closing the gap): 2027 known up to 30-6-2027.
  const WML_2027 = [
    h('2025b', '2025-07-01', '2025-12-31', '2025-12-31'),
    h('2026', '2026-01-01', '2026-12-31', '2026-12-31'),
    h('2027', '2027-01-01', null, '2027-06-30'),
  ];

  it.each([
    ['on the horizon', WML, '2026-12-31', '2026', 'known'],
    ['one day after the horizon', WML, '2027-01-01', '2026', 'provisional'],
    ['far past the horizon', WML, '2027-07-15', '2026', 'provisional'],
    ['a version added later closes the gap', WML_2027, '2027-03-01', '2027', 'known'],
    ['past the new horizon (1 July)', WML_2027, '2027-07-01', '2027', 'provisional'],
    ['before every version', WML, '2025-06-30', null, null],
  ])('%s: %s', (_name, versions, date, id, status) => {
    const on = versionOn(versions, date);
    expect(on ? [on.version.id, on.status] : [null, null]).toEqual([id, status]);
  });

  it('an ended rule without successor is not provisional: it stopped', () => {
    expect(
      versionOn([h('oud', '2025-01-01', '2025-12-31', '2025-12-31')], '2026-01-01'),
    ).toBeNull();
  });

  it.each([
    [
      'a 12-month contract across 1 January, no 2027 figures',
      WML,
      '2026-12-15',
      contractEnd('2026-12-15', 12),
      [
        ['2026-12-15', '2026-12-31', 17, '2026', 'known'],
        ['2027-01-01', '2027-12-14', 348, '2026', 'provisional'],
      ],
    ],
    [
      'the same contract once 2027 is entered',
      WML_2027,
      '2026-12-15',
      contractEnd('2026-12-15', 12),
      [
        ['2026-12-15', '2026-12-31', 17, '2026', 'known'],
        ['2027-01-01', '2027-06-30', 181, '2027', 'known'],
        ['2027-07-01', '2027-12-14', 167, '2027', 'provisional'],
      ],
    ],
    [
      'a contract across 1 July, split at the successor',
      [h('a', '2025-01-01', '2025-06-30', '2025-06-30'), h('b', '2025-07-01', null, '2025-12-31')],
      '2025-06-01',
      '2025-08-31',
      [
        ['2025-06-01', '2025-06-30', 30, 'a', 'known'],
        ['2025-07-01', '2025-08-31', 62, 'b', 'known'],
      ],
    ],
    [
      'a contract across 1 July past the horizon',
      [h('a', '2027-01-01', null, '2027-06-30')],
      '2027-06-01',
      '2027-07-31',
      [
        ['2027-06-01', '2027-06-30', 30, 'a', 'known'],
        ['2027-07-01', '2027-07-31', 31, 'a', 'provisional'],
      ],
    ],
    [
      'a period inside one version is one part',
      WML,
      '2026-03-01',
      '2026-08-31',
      [['2026-03-01', '2026-08-31', 184, '2026', 'known']],
    ],
  ])('%s', (_name, versions, from, to, parts) => {
    expect(
      splitByVersions(versions, from, to).map((p) => [
        p.from,
        p.to,
        p.days,
        p.version?.id,
        p.status,
      ]),
    ).toEqual(parts);
  });

  it.each([
    [
      '2027-03-01',
      '2026-12-31',
      'De bedragen voor 2027 zijn nog niet ingevoerd; dit is berekend met die van 2026.',
    ],
    [
      '2027-08-01',
      '2027-06-30',
      'De bedragen vanaf 1 juli 2027 zijn nog niet ingevoerd; dit is berekend met die van daarvoor.',
    ],
  ])('the reason on %s past %s', (date, knownUntil, text) => {
    expect(provisionalReason(date, knownUntil)).toBe(text);
  });

  it.each([
    ['2026-01-01', true, '2026-06-30'],
    ['2026-07-01', true, '2026-12-31'],
    ['2027-01-01', false, '2027-12-31'],
    ['2026-11-16', false, '2026-12-31'],
  ])('the default horizon from %s (indexed %s) is %s', (from, indexed, until) => {
    expect(defaultKnownUntil(from, indexed)).toBe(until);
  });

  it.each([
    ['46 days before', '2026-11-15', false],
    ['45 days before', '2026-11-16', true],
    ['on the horizon', '2026-12-31', true],
    ['after the horizon', '2027-02-01', true],
  ])('runs out: %s', (_name, on, expected) => {
    expect(runsOutWithin(WML[1], on, 45)).toBe(expected);
    // A version with a successor never runs out.
    expect(runsOutWithin(WML_2027[1], on, 45)).toBe(false);
  });
});
