/** Cells with fewer people than this are hidden in anything shared outside the organisation. */
export const SMALL_CELL_THRESHOLD = 5;

/** A total and the parts it is the sum of: knowing all but one of them reveals the last. */
export interface SumConstraint {
  total: number;
  parts: number[];
}

/**
 * Which cells to hide. Primary: 1 to threshold-1 people (an empty cell identifies nobody and stays).
 * Secondary: wherever a sum has exactly one hidden member, the smallest other non-empty member is
 * hidden too, so the hidden one cannot be recovered by subtraction; repeated until nothing changes,
 * since hiding a cell can expose another sum it belongs to.
 */
export function cellsToHide(
  values: readonly number[],
  constraints: readonly SumConstraint[],
  threshold = SMALL_CELL_THRESHOLD,
): boolean[] {
  const hidden = values.map((v) => v > 0 && v < threshold);
  for (let changed = true; changed; ) {
    changed = false;
    for (const c of constraints) {
      const members = [c.total, ...c.parts];
      if (members.filter((i) => hidden[i]).length !== 1) continue;
      const candidates = c.parts
        .filter((i) => !hidden[i] && (values[i] as number) > 0)
        .sort((a, b) => (values[a] as number) - (values[b] as number));
      const pick = candidates[0] ?? (hidden[c.total] ? undefined : c.total);
      if (pick === undefined) continue;
      hidden[pick] = true;
      changed = true;
    }
  }
  return hidden;
}

/** Values with hidden cells as null. */
export const applyHiding = (values: readonly number[], hidden: readonly boolean[]) =>
  values.map((v, i) => (hidden[i] ? null : v));
