import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One table for every one-time link by mail: the password links (forgot password, a colleague's
 * invitation) move from password_reset_tokens into auth_links, next to the sign-in and address-change
 * links, and are used by the same code (libs/auth AuthLinksService). Their purposes are
 * 'password_reset' (was 'reset') and 'invite'. Links already mailed keep working: their tokens have
 * no `al_` prefix, which the service still accepts, and the stored hashes move unchanged.
 */
export class OneTimeLinks1796070000000 implements MigrationInterface {
  name = 'OneTimeLinks1796070000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE auth_links DROP CONSTRAINT auth_links_purpose_check`);
    await q.query(`ALTER TABLE auth_links ADD CONSTRAINT auth_links_purpose_check
      CHECK (purpose IN ('sign_in', 'email_change', 'password_reset', 'invite'))`);
    await q.query(`INSERT INTO auth_links (id, created_at, user_id, purpose, token_hash, expires_at, used_at)
      SELECT id, created_at, user_id, CASE purpose WHEN 'reset' THEN 'password_reset' ELSE purpose END,
             token_hash, expires_at, used_at
        FROM password_reset_tokens
      ON CONFLICT DO NOTHING`);
    await q.query(`DROP TABLE password_reset_tokens`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE password_reset_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        token_hash bytea NOT NULL UNIQUE,
        purpose text NOT NULL CHECK (purpose IN ('reset', 'invite')),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        expires_at timestamptz(3) NOT NULL,
        used_at timestamptz(3)
      )`);
    await q.query(`CREATE INDEX password_reset_tokens_user_idx ON password_reset_tokens (user_id)`);
    await q.query(`INSERT INTO password_reset_tokens (id, user_id, token_hash, purpose, created_at, expires_at, used_at)
      SELECT id, user_id, token_hash, CASE purpose WHEN 'password_reset' THEN 'reset' ELSE purpose END,
             created_at, expires_at, used_at
        FROM auth_links WHERE purpose IN ('password_reset', 'invite')`);
    await q.query(`DELETE FROM auth_links WHERE purpose IN ('password_reset', 'invite')`);
    await q.query(`ALTER TABLE auth_links DROP CONSTRAINT auth_links_purpose_check`);
    await q.query(`ALTER TABLE auth_links ADD CONSTRAINT auth_links_purpose_check
      CHECK (purpose IN ('sign_in', 'email_change'))`);
  }
}
