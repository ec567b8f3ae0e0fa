import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A sign-in waiting for its second factor remembers how the first factor was passed (password,
 * mailed link or the organisation's provider), so the audit line of the finished sign-in says so.
 */
export class PendingSignInWay1796111000000 implements MigrationInterface {
  name = 'PendingSignInWay1796111000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE web_sessions ADD COLUMN first_factor text NULL
         CHECK (first_factor IN ('password', 'link', 'oidc'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE web_sessions DROP COLUMN first_factor`);
  }
}
