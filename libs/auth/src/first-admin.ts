import type { DataSource } from 'typeorm';
import { hashPassword } from './password-hasher';
import { passwordProblem } from './password-policy';
import { queryRows } from '@werkbrug/database';

export const PLATFORM_ORGANISATION = 'Werkbrug beheer';

/**
 * Creates the first administrator, only when no administrator exists yet.
 * Returns what it did so the start command can say so.
 */
export async function ensureFirstAdmin(
  db: DataSource,
  email: string | null,
  password: string | null,
): Promise<'created' | 'exists' | 'skipped'> {
  const [{ count }] = await queryRows<{ count: number }>(
    db,
    `SELECT count(*)::int AS count FROM users WHERE role = 'admin'`,
  );
  if (count > 0) return 'exists';
  if (!email || !password) return 'skipped';
  const problem = passwordProblem(password);
  if (problem) throw new Error(`WERKBRUG_ADMIN_PASSWORD ${problem}`);
  const hash = await hashPassword(password);
  await db.transaction(async (em) => {
    const orgs = await queryRows<{ id: string }>(
      em,
      `INSERT INTO organisations (kind, name, region) VALUES ('beheer', $1, 'landelijk')
       ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
      [PLATFORM_ORGANISATION],
    );
    await queryRows(
      em,
      `INSERT INTO users (email, password_hash, role, organisation_id, display_name)
       VALUES ($1, $2, 'admin', $3, 'Beheerder')`,
      [email.trim().toLowerCase(), hash, orgs[0].id],
    );
  });
  return 'created';
}
