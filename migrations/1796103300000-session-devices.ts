import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sessions people can see ("Apparaten en sessies"): the browser and system of each web session and
 * API token in words ("Firefox op Windows", from the User-Agent at its first signed-in request), when
 * a token was last used, and the browsers each account signed in from, so that a sign-in from a new
 * one can be mailed. No IP address is kept.
 */
export class SessionDevices1796103300000 implements MigrationInterface {
  name = 'SessionDevices1796103300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE web_sessions ADD COLUMN browser text`);
    await q.query(
      `ALTER TABLE auth_tokens ADD COLUMN browser text, ADD COLUMN last_seen_at timestamptz(3)`,
    );
    await q.query(`
      CREATE TABLE user_browsers (
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        browser text NOT NULL CHECK (length(browser) BETWEEN 1 AND 100),
        first_seen_at timestamptz(3) NOT NULL DEFAULT now(),
        last_seen_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, browser)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE user_browsers`);
    await q.query(`ALTER TABLE auth_tokens DROP COLUMN browser, DROP COLUMN last_seen_at`);
    await q.query(`ALTER TABLE web_sessions DROP COLUMN browser`);
  }
}
