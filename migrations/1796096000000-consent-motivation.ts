import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the employer reads of a proposal's motivation under a consent: the werkmakelaar's text with
 * every item that identifies the candidate and that this consent does not share masked ("[naam]"),
 * fixed at the moment the candidate says yes (libs/proposals identifying-text.ts). Older consents
 * have none: the employer's view then masks the motivation itself.
 */
export class ConsentMotivation1796096000000 implements MigrationInterface {
  name = 'ConsentMotivation1796096000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE consents ADD COLUMN motivation text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE consents DROP COLUMN motivation`);
  }
}
