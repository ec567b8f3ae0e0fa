import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Vacancy search documents now carry the employer's owning organisation and regions, so a
 * werkmakelaar's search counts and facets include only workplaces in reach. Documents written
 * before lack them: the worker rebuilds both indexes once, through the outbox like every change.
 */
export class VacancyDocumentsVisibility1764800000000 implements MigrationInterface {
  name = 'VacancyDocumentsVisibility1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `INSERT INTO outbox_messages (topic, payload)
       SELECT 'search.reindex', '{"reason":"vacancy documents carry owner and regions"}'
        WHERE EXISTS (SELECT 1 FROM vacancies)`,
    );
  }

  async down(): Promise<void> {
    // Nothing to undo: the older documents had fewer fields.
  }
}
