import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { queryRows } from './query-rows';

/**
 * One data-modifying statement a lib owns (its INSERT into its own table), with its own $1..$n.
 * Libs hand these out so a caller can run several modules' writes as one statement, while the SQL
 * that touches a table stays in the lib that owns it.
 */
export interface SqlWrite {
  sql: string;
  params: unknown[];
  /** Whether the statement ends in RETURNING, and its rows are wanted back. */
  returning?: boolean;
}

/** Shifts $1..$n of one write past the parameters of the writes before it. */
export function renumber(sql: string, offset: number): string {
  return offset ? sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`) : sql;
}

/** The single statement for `writes`: each a WITH part, the RETURNING rows as JSON per write. */
export function togetherSql(writes: readonly SqlWrite[]): { sql: string; params: unknown[] } {
  if (!writes.length) throw new Error('writeTogether needs at least one write');
  const params: unknown[] = [];
  const parts = writes.map((w, i) => {
    const sql = renumber(w.sql, params.length);
    params.push(...w.params);
    return `w${i} AS (${sql})`;
  });
  const outputs = writes
    .map((w, i) =>
      w.returning ? `(SELECT coalesce(json_agg(w${i}), '[]') FROM w${i}) AS r${i}` : null,
    )
    .filter((x): x is string => x !== null);
  return {
    sql: `WITH ${parts.join(',\n')}\nSELECT ${outputs.length ? outputs.join(', ') : '1 AS done'}`,
    params,
  };
}

/**
 * Runs the writes of several modules as one statement (PostgreSQL data-modifying WITH): one round
 * trip instead of BEGIN, one per write and COMMIT, and atomic by itself. Foreign keys between the
 * rows hold, because PostgreSQL checks them at the end of the statement. Returns, for each write
 * with `returning`, its rows (as JSON: timestamps come back as strings).
 */
export async function writeTogether(
  runner: { query(sql: string, params?: unknown[]): Promise<unknown> },
  writes: readonly SqlWrite[],
): Promise<Record<string, unknown>[][]> {
  const { sql, params } = togetherSql(writes);
  const [row] = await queryRows<Record<string, unknown>>(runner, sql, params);
  return writes
    .map((w, i) => (w.returning ? (row?.[`r${i}`] as Record<string, unknown>[]) : null))
    .filter((x): x is Record<string, unknown>[] => x !== null);
}

/**
 * An entity's INSERT as one write (TypeORM builds it, so column names, transformers and the version
 * column are as with save()). `returning` names entity properties; the rows come back with the
 * database's column names (createdAt as created_at).
 */
export function insertWrite<T extends ObjectLiteral>(
  db: DataSource | EntityManager,
  target: EntityTarget<T>,
  value: QueryDeepPartialEntity<T>,
  returning: (keyof T & string)[],
): SqlWrite {
  const [sql, params] = db
    .createQueryBuilder()
    .insert()
    .into(target)
    .values(value)
    .returning(returning)
    .getQueryAndParameters();
  return { sql, params, returning: true };
}
