import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * After an action a page says what happened (a notification banner on the page the form redirects to).
 * The sentence waits in the session until the next page is shown, so it survives the redirect without
 * a query parameter anyone could forge or bookmark.
 */
export class SessionNotice1796080000000 implements MigrationInterface {
  name = 'SessionNotice1796080000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE web_sessions ADD COLUMN notice text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE web_sessions DROP COLUMN notice`);
  }
}
