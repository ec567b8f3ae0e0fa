import type { TrajectoryOutcome } from '@werkbrug/trajectories';
import {
  assertAddsUp,
  buildFermWerkTable,
  countColumn,
  TableMismatchError,
  type OutcomeGroup,
} from './ferm-werk';

const g = (
  outcome: TrajectoryOutcome | null,
  n: number,
  key: string | null = null,
  ended = true,
): OutcomeGroup => ({
  key,
  outcome,
  ended: outcome ? ended : false,
  n,
});

/** The seed's table with a breakdown of the early endings that adds up (27 + 29 + 8 = 64). */
const SEED: OutcomeGroup[] = [
  g(null, 71),
  g('werk_proefplaatsing', 85),
  g('studie', 12),
  g('voortijdig_niet_haalbaar', 27),
  g('voortijdig_zelf_beeindigd', 29),
  g('voortijdig_overig', 8),
  g('participatie_vrijwilligerswerk', 31),
  g('niet_geleid_uitstroom', 27),
];

describe('the Ferm Werk table', () => {
  it('reproduces the seed figures', () => {
    expect(countColumn(SEED)).toEqual({
      started: 290,
      running: 71,
      werkProefplaatsing: 85,
      studie: 12,
      voortijdig: 64,
      voortijdigNietHaalbaar: 27,
      voortijdigZelfBeeindigd: 29,
      voortijdigOverig: 8,
      participatieVrijwilligerswerk: 31,
      nietGeleid: 27,
    });
  });

  it('counts a trajectory that ended after the report date as running', () => {
    expect(countColumn([g('studie', 3, null, false), g('studie', 2)])).toMatchObject({
      started: 5,
      running: 3,
      studie: 2,
    });
  });

  it.each([
    [
      'the seed as printed (27 + 31 + 8 = 66 ≠ 64)',
      { voortijdig: 64, voortijdigZelfBeeindigd: 31 },
    ],
    ['rows that do not add up to started', { started: 291 }],
  ])('refuses a table that does not add up: %s', (_name, change) => {
    expect(() => assertAddsUp({ ...countColumn(SEED), ...change })).toThrow(TableMismatchError);
  });

  it('breaks down per group, with a total column equal to the sum of the groups', () => {
    const groups = [
      ...SEED.map((x) => ({ ...x, key: 'werk', n: x.n - 1 })),
      ...SEED.map((x) => ({ ...x, key: 'participatie', n: 1 })),
    ];
    const table = buildFermWerkTable(groups, { breakdown: true, suppress: false });
    expect(table.total).toEqual(countColumn(SEED));
    expect(table.columns.map((c) => c.key)).toEqual(['participatie', 'werk']);
    expect(table.columns[0]?.cells.started).toBe(8);
    expect(table.columns[1]?.cells.started).toBe(282);
  });

  it('hides small cells when shared, also across groups, so nothing can be subtracted back', () => {
    const groups = [
      g(null, 40, 'a'),
      g('studie', 3, 'a'),
      g('werk_proefplaatsing', 20, 'a'),
      g(null, 30, 'b'),
      g('studie', 9, 'b'),
      g('werk_proefplaatsing', 25, 'b'),
    ];
    const shared = buildFermWerkTable(groups, { breakdown: true, suppress: true });
    const a = shared.columns.find((c) => c.key === 'a')?.cells;
    const b = shared.columns.find((c) => c.key === 'b')?.cells;
    expect(a?.studie).toBeNull();
    // Column a: started 63 = 40 + 3 + 20 → a second cell of a goes.
    expect([a?.running, a?.werkProefplaatsing].filter((v) => v === null)).toHaveLength(1);
    // Row studie: total 12 = 3 + 9 → b's studie (or the total) goes too.
    expect(b?.studie === null || shared.total.studie === null).toBe(true);
    const inside = buildFermWerkTable(groups, { breakdown: true, suppress: false });
    expect(inside.columns.find((c) => c.key === 'a')?.cells.studie).toBe(3);
  });
});
