import { applyHiding, cellsToHide } from './suppression';

describe('small-cell suppression', () => {
  it.each([
    ['nothing small', [20, 10, 10], [{ total: 0, parts: [1, 2] }], [20, 10, 10]],
    // 3 is hidden; 17 would give it away (20 − 17), so the smallest other part goes too.
    ['one small part', [20, 3, 17], [{ total: 0, parts: [1, 2] }], [20, null, null]],
    [
      'two small parts need nothing more',
      [30, 3, 4, 23],
      [{ total: 0, parts: [1, 2, 3] }],
      [30, null, null, 23],
    ],
    // Empty cells identify nobody: they stay, and are never picked as the second cell.
    ['zeros stay', [12, 0, 2, 10], [{ total: 0, parts: [1, 2, 3] }], [12, 0, null, null]],
    [
      'a small total is hidden with its parts',
      [4, 1, 3],
      [{ total: 0, parts: [1, 2] }],
      [null, null, null],
    ],
    // A small total whose parts are one small cell and zeros: nothing left to hide beside it.
    ['small total, single part', [3, 3, 0], [{ total: 0, parts: [1, 2] }], [null, null, 0]],
    [
      'hiding spreads through linked sums until stable',
      // started = a + early; early = x + y. x = 2 hidden → y hidden → early still shown; then started/a fine.
      [40, 30, 10, 2, 8],
      [
        { total: 0, parts: [1, 2] },
        { total: 2, parts: [3, 4] },
      ],
      [40, 30, 10, null, null],
    ],
    ['no sums: only the small cells', [1, 5, 4, 0, 100], [], [null, 5, null, 0, 100]],
  ])('%s', (_name, values, constraints, expected) => {
    expect(applyHiding(values, cellsToHide(values, constraints))).toEqual(expected);
  });

  it('never leaves exactly one hidden cell in a sum', () => {
    // Random tables: a total with 2–6 parts, values 0–12.
    let seed = 7;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let n = 0; n < 500; n++) {
      const parts = Array.from({ length: 2 + Math.floor(rnd() * 5) }, () => Math.floor(rnd() * 13));
      const values = [parts.reduce((a, b) => a + b, 0), ...parts];
      const constraint = { total: 0, parts: parts.map((_, i) => i + 1) };
      const hidden = cellsToHide(values, [constraint]);
      const count = hidden.filter(Boolean).length;
      expect(count === 0 || count >= 2 || values.every((v, i) => hidden[i] || v === 0)).toBe(true);
      values.forEach((v, i) => {
        if (v > 0 && v < 5) expect(hidden[i]).toBe(true);
      });
    }
  });
});
