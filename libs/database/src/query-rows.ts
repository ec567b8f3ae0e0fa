/**
 * TypeORM's raw query() answers UPDATE/DELETE … RETURNING with [rows, affectedCount] but
 * INSERT/SELECT with rows; this returns the rows either way.
 */
export async function queryRows<T = Record<string, unknown>>(
  runner: { query(sql: string, params?: unknown[]): Promise<unknown> },
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const result = await runner.query(sql, params);
  if (
    Array.isArray(result) &&
    result.length === 2 &&
    Array.isArray(result[0]) &&
    typeof result[1] === 'number'
  ) {
    return result[0] as T[];
  }
  return result as T[];
}
