import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The administration pages (/beheer/organisaties): an organisation's contact, who signed in when,
 * and organisation administrators — werkmakelaars who manage the users of their own organisation
 * (libs/auth organisation-access.ts). The flag means nothing for other roles, so it is refused there.
 */
export class OrganisationAdministration1796097100000 implements MigrationInterface {
  name = 'OrganisationAdministration1796097100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE organisations
      ADD COLUMN contact_name text NOT NULL DEFAULT '',
      ADD COLUMN contact_email text NOT NULL DEFAULT '',
      ADD COLUMN contact_phone text NOT NULL DEFAULT ''`);
    await q.query(`ALTER TABLE users
      ADD COLUMN last_signed_in_at timestamptz,
      ADD COLUMN organisation_admin boolean NOT NULL DEFAULT false,
      ADD CONSTRAINT users_organisation_admin_is_werkmakelaar
        CHECK (NOT organisation_admin OR role = 'werkmakelaar')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users DROP CONSTRAINT users_organisation_admin_is_werkmakelaar,
      DROP COLUMN organisation_admin, DROP COLUMN last_signed_in_at`);
    await q.query(`ALTER TABLE organisations DROP COLUMN contact_name, DROP COLUMN contact_email,
      DROP COLUMN contact_phone`);
  }
}
