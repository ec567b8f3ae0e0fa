import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A form posted after the session ended is not thrown away: its fields (never a password or the CSRF
 * token) wait in the browser's new, anonymous session until the same person signs in again, and
 * then come back on a page with "Verstuur opnieuw" (WCAG 2.2.1). They end with that session.
 */
export class SessionPendingForm1796095000000 implements MigrationInterface {
  name = 'SessionPendingForm1796095000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE web_sessions ADD COLUMN pending_form jsonb, ADD COLUMN pending_action text`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE web_sessions DROP COLUMN pending_form, DROP COLUMN pending_action`);
  }
}
