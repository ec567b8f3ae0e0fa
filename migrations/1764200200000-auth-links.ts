import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One-time links sent by mail: a sign-in link (when an account is throttled, the owner still gets
 * in) and the confirmation of a new login e-mail address. Only the SHA-256 of the token is stored.
 */
export class AuthLinks1764200200000 implements MigrationInterface {
  name = 'AuthLinks1764200200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE auth_links (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      created_at timestamptz(3) NOT NULL DEFAULT now(),
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      purpose text NOT NULL CHECK (purpose IN ('sign_in', 'email_change')),
      token_hash bytea NOT NULL UNIQUE,
      new_email text NULL,
      expires_at timestamptz(3) NOT NULL,
      used_at timestamptz(3) NULL,
      CONSTRAINT auth_links_email_change CHECK ((purpose = 'email_change') = (new_email IS NOT NULL)))`);
    await q.query(`CREATE INDEX auth_links_user_idx ON auth_links (user_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE auth_links`);
  }
}
