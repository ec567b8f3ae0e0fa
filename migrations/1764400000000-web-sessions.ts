import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Server-side sessions for the web pages, one-time password reset links and the employer's
 * acceptance of the terms of use. Only SHA-256 hashes of session ids and reset tokens are stored.
 */
export class WebSessions1764400000000 implements MigrationInterface {
  name = 'WebSessions1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE web_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        token_hash bytea NOT NULL UNIQUE,
        -- NULL before sign-in: the anonymous session only carries the CSRF token of the login form.
        user_id uuid REFERENCES users(id) ON DELETE CASCADE,
        csrf_token text NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        last_seen_at timestamptz(3) NOT NULL DEFAULT now(),
        expires_at timestamptz(3) NOT NULL
      )`);
    await q.query(`CREATE INDEX web_sessions_user_idx ON web_sessions (user_id)`);
    await q.query(`CREATE INDEX web_sessions_expires_idx ON web_sessions (expires_at)`);
    await q.query(`
      CREATE TABLE password_reset_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        token_hash bytea NOT NULL UNIQUE,
        -- 'reset' (forgot password) or 'invite' (a colleague's first password; activates the account).
        purpose text NOT NULL CHECK (purpose IN ('reset', 'invite')),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        expires_at timestamptz(3) NOT NULL,
        used_at timestamptz(3)
      )`);
    await q.query(`CREATE INDEX password_reset_tokens_user_idx ON password_reset_tokens (user_id)`);
    await q.query(`
      CREATE TABLE terms_acceptances (
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        terms_version text NOT NULL,
        accepted_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, terms_version)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE terms_acceptances`);
    await q.query(`DROP TABLE password_reset_tokens`);
    await q.query(`DROP TABLE web_sessions`);
  }
}
