import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A second factor for the roles that open protected data (werkmakelaar, administrator): a TOTP
 * secret sealed with the server's key (libs/config secret-box.ts), the last time step used (a code
 * works once), and ten one-time recovery codes stored as argon2 hashes. A web session between the
 * password and the code is not signed in: it only remembers whose code it waits for.
 */
export class SecondFactor1796102000000 implements MigrationInterface {
  name = 'SecondFactor1796102000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE second_factors (
        user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        secret_sealed text NOT NULL,
        -- NULL while the set-up waits for its first code.
        enrolled_at timestamptz(3),
        last_used_step bigint,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE recovery_codes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        code_hash text NOT NULL,
        used_at timestamptz(3),
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX recovery_codes_user_idx ON recovery_codes (user_id)`);
    await q.query(`
      ALTER TABLE web_sessions
        ADD COLUMN second_factor_user_id uuid REFERENCES users(id) ON DELETE CASCADE,
        ADD COLUMN second_factor_step text
          CHECK (second_factor_step IN ('code', 'setup', 'codes-shown'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE web_sessions DROP COLUMN second_factor_user_id, DROP COLUMN second_factor_step`,
    );
    await q.query(`DROP TABLE recovery_codes`);
    await q.query(`DROP TABLE second_factors`);
  }
}
