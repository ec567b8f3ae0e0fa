import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Answers of the external geocoder (PDOK Locatieserver), per full postcode, so each postcode is asked
 * once. `found = false` remembers that the geocoder does not know it (for a shorter time).
 */
export class GeocodeCache1764300000000 implements MigrationInterface {
  name = 'GeocodeCache1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE geocode_cache (
      postcode char(6) PRIMARY KEY CHECK (postcode ~ '^[1-9][0-9]{3}[A-Z]{2}$'),
      found boolean NOT NULL,
      place text NULL,
      municipality text NULL,
      lat double precision NULL,
      lng double precision NULL,
      source text NOT NULL,
      fetched_at timestamptz(3) NOT NULL DEFAULT now(),
      CONSTRAINT geocode_cache_found_complete CHECK (NOT found OR (place IS NOT NULL AND lat IS NOT NULL AND lng IS NOT NULL)))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE geocode_cache`);
  }
}
