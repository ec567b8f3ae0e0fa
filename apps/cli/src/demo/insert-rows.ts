import type { EntityManager } from 'typeorm';
import { queryRows } from '@werkbrug/database';

/** PostgreSQL's wire protocol counts bind parameters in 16 bits. */
const MAX_PARAMETERS = 65_535;

/**
 * One multi-row INSERT of plain records whose keys are column names. Table and column names
 * come from this module's constants, never from input; values always travel as parameters.
 */
export async function insertRows<T extends object>(
  em: EntityManager,
  table: string,
  columns: readonly (keyof T & string)[],
  rows: readonly T[],
): Promise<void> {
  if (rows.length === 0) return;
  if (rows.length * columns.length > MAX_PARAMETERS) {
    throw new Error(`insert into ${table}: ${rows.length} rows need too many parameters`);
  }
  const params: unknown[] = [];
  const tuples: string[] = [];
  for (const row of rows) {
    const placeholders = columns.map((column) => `$${params.push(row[column])}`);
    tuples.push(`(${placeholders.join(',')})`);
  }
  await queryRows(
    em,
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(',\n')}`,
    params,
  );
}
