/**
 * The one way to run raw SQL: each call declares the shape of its rows, `queryRows<Row>(…)`, so
 * nothing typed `any` (TypeORM's `query<T = any>`) flows on. A statement whose rows nobody reads
 * (a plain INSERT, UPDATE or DDL) leaves `Row` out: it defaults to `never`, so reading a row of a
 * call without a declared type is a compile error.
 *
 * TypeORM's raw query() answers UPDATE/DELETE … RETURNING with [rows, affectedCount] but
 * INSERT/SELECT with rows; this returns the rows either way.
 */
export async function queryRows<Row = never>(
  runner: { query(sql: string, params?: unknown[]): Promise<unknown> },
  sql: string,
  params: readonly unknown[] = [],
): Promise<Row[]> {
  const result = await runner.query(sql, [...params]);
  if (
    Array.isArray(result) &&
    result.length === 2 &&
    Array.isArray(result[0]) &&
    typeof result[1] === 'number'
  ) {
    return result[0] as Row[];
  }
  return result as Row[];
}
