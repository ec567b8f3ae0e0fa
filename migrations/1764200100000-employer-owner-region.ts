import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Employers get an owning organisation (the one that brought them in) and a region. Werkmakelaars of
 * the owner edit them and their workplaces; werkmakelaars of other organisations whose region
 * overlaps see, match and propose. Regions are comma-separated gemeente lists, compared by overlap
 * in one SQL function so every query applies the same rule. Existing employers keep no owner (only
 * administrators and their own users edit them until an administrator sets one) and take the
 * region of their own organisation (their first location's place).
 */
export class EmployerOwnerRegion1764200100000 implements MigrationInterface {
  name = 'EmployerOwnerRegion1764200100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION region_overlaps(a text, b text) RETURNS boolean
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT string_to_array(lower(regexp_replace(btrim(coalesce(a, '')), '\\s*,\\s*', ',', 'g')), ',')
            && string_to_array(lower(regexp_replace(btrim(coalesce(b, '')), '\\s*,\\s*', ',', 'g')), ',')
      $$`);
    await q.query(`ALTER TABLE employers
      ADD COLUMN owner_organisation_id uuid NULL REFERENCES organisations(id),
      ADD COLUMN region text NOT NULL DEFAULT ''`);
    await q.query(
      `UPDATE employers e SET region = o.region FROM organisations o WHERE o.id = e.organisation_id`,
    );
    await q.query(`CREATE INDEX employers_owner_idx ON employers (owner_organisation_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE employers DROP COLUMN region, DROP COLUMN owner_organisation_id`);
    await q.query(`DROP FUNCTION region_overlaps(text, text)`);
  }
}
