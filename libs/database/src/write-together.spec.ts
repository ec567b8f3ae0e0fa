import { renumber, togetherSql } from './write-together';

describe('renumber', () => {
  it.each<[string, number, string]>([
    ['VALUES ($1, $2)', 0, 'VALUES ($1, $2)'],
    ['VALUES ($1, $2)', 3, 'VALUES ($4, $5)'],
    ['VALUES ($9, $10, $1)', 10, 'VALUES ($19, $20, $11)'],
    ['$1::jsonb', 7, '$8::jsonb'],
    ['no parameters', 5, 'no parameters'],
  ])('%s shifted by %p → %s', (sql, offset, expected) => {
    expect(renumber(sql, offset)).toBe(expected);
  });
});

describe('togetherSql', () => {
  it('chains the writes as WITH parts, parameters in order, RETURNING rows per write as JSON', () => {
    expect(
      togetherSql([
        {
          sql: 'INSERT INTO a (x, y) VALUES ($1, $2) RETURNING id',
          params: [1, 2],
          returning: true,
        },
        { sql: 'INSERT INTO b (z) VALUES ($1)', params: ['z'] },
        { sql: 'INSERT INTO c (v) VALUES ($1) RETURNING v', params: [true], returning: true },
      ]),
    ).toEqual({
      sql:
        'WITH w0 AS (INSERT INTO a (x, y) VALUES ($1, $2) RETURNING id),\n' +
        'w1 AS (INSERT INTO b (z) VALUES ($3)),\n' +
        'w2 AS (INSERT INTO c (v) VALUES ($4) RETURNING v)\n' +
        "SELECT (SELECT coalesce(json_agg(w0), '[]') FROM w0) AS r0, (SELECT coalesce(json_agg(w2), '[]') FROM w2) AS r2",
      params: [1, 2, 'z', true],
    });
  });

  it('selects a constant when no write returns rows', () => {
    expect(togetherSql([{ sql: 'INSERT INTO b (z) VALUES ($1)', params: [1] }]).sql).toBe(
      'WITH w0 AS (INSERT INTO b (z) VALUES ($1))\nSELECT 1 AS done',
    );
  });

  it('refuses an empty list', () => {
    expect(() => togetherSql([])).toThrow('at least one write');
  });
});
