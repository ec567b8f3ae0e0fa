import { bucketFor, type TableBucket, type TrajectoryOutcome } from '@werkbrug/trajectories';
import { applyHiding, cellsToHide, type SumConstraint } from './suppression';

/** The rows of the Ferm Werk table, in the order the seed publishes them. */
export const FERM_WERK_ROWS = [
  { key: 'started', label: 'Trajecten gestart' },
  { key: 'running', label: 'Lopende trajecten' },
  { key: 'werkProefplaatsing', label: 'Resultaat werk/proefplaatsing' },
  { key: 'studie', label: 'Resultaat studie' },
  { key: 'voortijdig', label: 'Voortijdige beëindiging traject' },
  { key: 'voortijdigNietHaalbaar', label: 'waarvan niet haalbaar' },
  { key: 'voortijdigZelfBeeindigd', label: 'waarvan zelf beëindigd' },
  { key: 'voortijdigOverig', label: 'waarvan overig' },
  { key: 'participatieVrijwilligerswerk', label: 'Resultaat participatie/vrijwilligerswerk' },
  { key: 'nietGeleid', label: 'Niet geleid participatie/uitstroom' },
] as const;
export type FermWerkKey = (typeof FERM_WERK_ROWS)[number]['key'];
export type FermWerkCells<T = number> = Record<FermWerkKey, T>;

const KEYS = FERM_WERK_ROWS.map((r) => r.key);
const at = (k: FermWerkKey) => KEYS.indexOf(k);

/** The two sums inside one column: started = the six results, voortijdig = its three reasons. */
const COLUMN_SUMS: { total: FermWerkKey; parts: FermWerkKey[] }[] = [
  {
    total: 'started',
    parts: [
      'running',
      'werkProefplaatsing',
      'studie',
      'voortijdig',
      'participatieVrijwilligerswerk',
      'nietGeleid',
    ],
  },
  {
    total: 'voortijdig',
    parts: ['voortijdigNietHaalbaar', 'voortijdigZelfBeeindigd', 'voortijdigOverig'],
  },
];

/** Trajectories counted together: a group key (breakdown), outcome and whether it had ended by the report date. */
export interface OutcomeGroup {
  key: string | null;
  outcome: TrajectoryOutcome | null;
  ended: boolean;
  n: number;
}

export class TableMismatchError extends Error {}

/** Counts for one column; every trajectory lands in exactly one row, so the rows add up by construction. */
export function countColumn(groups: readonly Omit<OutcomeGroup, 'key'>[]): FermWerkCells {
  const byBucket = new Map<TableBucket, number>();
  let started = 0;
  for (const g of groups) {
    const bucket = bucketFor(g.outcome, g.ended);
    byBucket.set(bucket, (byBucket.get(bucket) ?? 0) + g.n);
    started += g.n;
  }
  const n = (b: TableBucket) => byBucket.get(b) ?? 0;
  const cells: FermWerkCells = {
    started,
    running: n('running'),
    werkProefplaatsing: n('werkProefplaatsing'),
    studie: n('studie'),
    voortijdig: n('voortijdigNietHaalbaar') + n('voortijdigZelfBeeindigd') + n('voortijdigOverig'),
    voortijdigNietHaalbaar: n('voortijdigNietHaalbaar'),
    voortijdigZelfBeeindigd: n('voortijdigZelfBeeindigd'),
    voortijdigOverig: n('voortijdigOverig'),
    participatieVrijwilligerswerk: n('participatieVrijwilligerswerk'),
    nietGeleid: n('nietGeleid'),
  };
  assertAddsUp(cells);
  return cells;
}

/** The seed's own table shows 27 + 31 + 8 = 66 early endings next to 64: this report never may. */
export function assertAddsUp(c: FermWerkCells): void {
  for (const sum of COLUMN_SUMS) {
    const parts = sum.parts.reduce((s, p) => s + c[p], 0);
    if (parts !== c[sum.total])
      throw new TableMismatchError(
        `${sum.parts.join(' + ')} = ${parts}, ${sum.total} = ${c[sum.total]}`,
      );
  }
}

export interface FermWerkColumn<T> {
  key: string | null;
  cells: FermWerkCells<T>;
}

/**
 * The table: a total column and, with a breakdown, one column per group. When shared outside the
 * organisation, small cells are hidden within each column's sums and across the groups of each row
 * (the total is the sum of the groups).
 */
export function buildFermWerkTable(
  groups: readonly OutcomeGroup[],
  options: { breakdown: boolean; suppress: boolean },
): { total: FermWerkCells<number | null>; columns: FermWerkColumn<number | null>[] } {
  const total = countColumn(groups);
  const keys = options.breakdown ? [...new Set(groups.map((g) => g.key))] : [];
  keys.sort((a, b) => String(a ?? '￿').localeCompare(String(b ?? '￿')));
  const columns = keys.map((key) => ({
    key,
    cells: countColumn(groups.filter((g) => g.key === key)),
  }));
  const all = [total, ...columns.map((c) => c.cells)];
  const values = all.flatMap((cells) => KEYS.map((k) => cells[k]));
  const width = KEYS.length;
  const constraints: SumConstraint[] = [];
  all.forEach((_, col) => {
    for (const s of COLUMN_SUMS)
      constraints.push({
        total: col * width + at(s.total),
        parts: s.parts.map((p) => col * width + at(p)),
      });
  });
  if (columns.length)
    KEYS.forEach((_, row) =>
      constraints.push({ total: row, parts: columns.map((_, c) => (c + 1) * width + row) }),
    );
  const shown = options.suppress
    ? applyHiding(values, cellsToHide(values, constraints))
    : values.map((v) => v as number | null);
  const cellsOf = (col: number) =>
    Object.fromEntries(KEYS.map((k, i) => [k, shown[col * width + i] ?? null])) as FermWerkCells<
      number | null
    >;
  return {
    total: cellsOf(0),
    columns: columns.map((c, i) => ({ key: c.key, cells: cellsOf(i + 1) })),
  };
}
