import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The platform schema: organisations, users and tokens, werksoorten, employers, vacancies,
 * candidates (work profile) with their protected part in a separate table, postcode areas and the outbox.
 * Every table has a uuid key, timestamptz created/updated and a version for optimistic locking.
 */
export class InitialSchema1763870000000 implements MigrationInterface {
  name = 'InitialSchema1763870000000';

  async up(q: QueryRunner): Promise<void> {
    const std = `id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      version integer NOT NULL DEFAULT 1`;

    await q.query(`CREATE TABLE organisations (${std},
      kind text NOT NULL CHECK (kind IN ('beheer','gemeente','werkbedrijf','re-integratiebedrijf','werkgever')),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      region text NOT NULL DEFAULT '' CHECK (length(region) <= 200),
      CONSTRAINT organisations_name_key UNIQUE (name))`);

    await q.query(`CREATE TABLE werksoorten (${std},
      code text NOT NULL CHECK (code ~ '^[a-z][a-z0-9-]{1,39}$'),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
      description text NOT NULL DEFAULT '',
      synonyms text[] NOT NULL DEFAULT '{}',
      active boolean NOT NULL DEFAULT true,
      CONSTRAINT werksoorten_code_key UNIQUE (code))`);

    await q.query(`CREATE TABLE postcode_areas (${std},
      pc4 char(4) NOT NULL CHECK (pc4 ~ '^[1-9][0-9]{3}$'),
      place text NOT NULL,
      municipality text NOT NULL,
      lat double precision NOT NULL,
      lng double precision NOT NULL,
      CONSTRAINT postcode_areas_pc4_key UNIQUE (pc4))`);

    await q.query(`CREATE TABLE employers (${std},
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      kvk_number char(8) NOT NULL CHECK (kvk_number ~ '^[0-9]{8}$'),
      sbi_code text NULL CHECK (sbi_code ~ '^[0-9]{2,5}$'),
      sbi_version text NULL CHECK (sbi_version IN ('2008','2025')),
      contact_name text NOT NULL DEFAULT '',
      contact_email text NULL,
      contact_phone text NULL,
      CONSTRAINT employers_kvk_number_key UNIQUE (kvk_number),
      CONSTRAINT employers_sbi_pair CHECK ((sbi_code IS NULL) = (sbi_version IS NULL)))`);
    await q.query(`CREATE INDEX employers_organisation_idx ON employers (organisation_id)`);

    await q.query(`CREATE TABLE employer_locations (${std},
      employer_id uuid NOT NULL REFERENCES employers(id) ON DELETE CASCADE,
      address text NOT NULL,
      postcode char(6) NOT NULL CHECK (postcode ~ '^[1-9][0-9]{3}[A-Z]{2}$'),
      place text NOT NULL,
      lat double precision NOT NULL CHECK (lat BETWEEN 50.7 AND 53.7),
      lng double precision NOT NULL CHECK (lng BETWEEN 3.3 AND 7.3))`);
    await q.query(
      `CREATE INDEX employer_locations_employer_idx ON employer_locations (employer_id)`,
    );

    await q.query(`CREATE TABLE users (${std},
      email text NOT NULL CHECK (email = lower(email)),
      password_hash text NOT NULL,
      role text NOT NULL CHECK (role IN ('admin','werkmakelaar','werkgever','kandidaat')),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      employer_id uuid NULL REFERENCES employers(id),
      candidate_id uuid NULL,
      display_name text NOT NULL,
      active boolean NOT NULL DEFAULT true,
      CONSTRAINT users_email_key UNIQUE (email),
      CONSTRAINT users_role_links CHECK (
        (role = 'werkgever') = (employer_id IS NOT NULL) AND (role = 'kandidaat') = (candidate_id IS NOT NULL)))`);
    await q.query(`CREATE INDEX users_organisation_idx ON users (organisation_id)`);

    await q.query(`CREATE TABLE auth_tokens (${std},
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      token_hash bytea NOT NULL,
      expires_at timestamptz NOT NULL,
      revoked_at timestamptz NULL,
      CONSTRAINT auth_tokens_hash_key UNIQUE (token_hash))`);
    await q.query(`CREATE INDEX auth_tokens_user_idx ON auth_tokens (user_id)`);

    await q.query(`CREATE TABLE vacancies (${std},
      employer_id uuid NOT NULL REFERENCES employers(id),
      werksoort_id uuid NOT NULL REFERENCES werksoorten(id),
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
      description text NOT NULL DEFAULT '',
      address text NOT NULL DEFAULT '',
      postcode char(6) NOT NULL CHECK (postcode ~ '^[1-9][0-9]{3}[A-Z]{2}$'),
      place text NOT NULL,
      lat double precision NOT NULL CHECK (lat BETWEEN 50.7 AND 53.7),
      lng double precision NOT NULL CHECK (lng BETWEEN 3.3 AND 7.3),
      arrangements text[] NOT NULL CHECK (cardinality(arrangements) >= 1),
      hours_min smallint NOT NULL CHECK (hours_min BETWEEN 1 AND 40),
      hours_max smallint NOT NULL CHECK (hours_max BETWEEN 1 AND 40),
      working_days text[] NOT NULL CHECK (cardinality(working_days) >= 1),
      dayparts text[] NOT NULL CHECK (cardinality(dayparts) >= 1),
      hours_adjustable boolean NOT NULL DEFAULT false,
      hours_adjustment_note text NOT NULL DEFAULT '',
      required_certificates text[] NOT NULL DEFAULT '{}',
      desired_certificates text[] NOT NULL DEFAULT '{}',
      min_language_level text NOT NULL DEFAULT 'geen',
      demand_lifting smallint NOT NULL CHECK (demand_lifting BETWEEN 0 AND 3),
      demand_standing smallint NOT NULL CHECK (demand_standing BETWEEN 0 AND 3),
      demand_pace smallint NOT NULL CHECK (demand_pace BETWEEN 0 AND 3),
      demand_stimuli smallint NOT NULL CHECK (demand_stimuli BETWEEN 0 AND 3),
      demand_outdoor smallint NOT NULL CHECK (demand_outdoor BETWEEN 0 AND 3),
      jobcoach_welcome boolean NOT NULL DEFAULT false,
      buddy_available boolean NOT NULL DEFAULT false,
      wheelchair_accessible boolean NOT NULL DEFAULT false,
      places smallint NOT NULL DEFAULT 1 CHECK (places BETWEEN 1 AND 500),
      places_filled smallint NOT NULL DEFAULT 0 CHECK (places_filled >= 0),
      start_date date NULL,
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open','paused','filled','closed')),
      instruments text[] NOT NULL DEFAULT '{}',
      CONSTRAINT vacancies_hours_range CHECK (hours_min <= hours_max))`);
    await q.query(`CREATE INDEX vacancies_employer_idx ON vacancies (employer_id, created_at, id)`);
    await q.query(`CREATE INDEX vacancies_created_idx ON vacancies (created_at, id)`);
    await q.query(`CREATE INDEX vacancies_werksoort_idx ON vacancies (werksoort_id)`);

    await q.query(`CREATE SEQUENCE candidate_pseudonym_seq START 1 MAXVALUE 999982`);
    await q.query(`CREATE TABLE candidates (${std},
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      werkmakelaar_id uuid NULL REFERENCES users(id),
      -- A stable, non-sequential pseudonym (K-482193) for anonymous work profiles.
      pseudonym text NOT NULL DEFAULT ('K-' || lpad(((nextval('candidate_pseudonym_seq') * 7919) % 999983)::text, 6, '0')),
      werksoort_wishes text[] NOT NULL DEFAULT '{}',
      interests text NOT NULL DEFAULT '',
      hours_min smallint NOT NULL CHECK (hours_min BETWEEN 1 AND 40),
      hours_max smallint NOT NULL CHECK (hours_max BETWEEN 1 AND 40),
      days text[] NOT NULL CHECK (cardinality(days) >= 1),
      dayparts text[] NOT NULL CHECK (cardinality(dayparts) >= 1),
      postcode char(6) NOT NULL CHECK (postcode ~ '^[1-9][0-9]{3}[A-Z]{2}$'),
      place text NOT NULL,
      lat double precision NOT NULL CHECK (lat BETWEEN 50.7 AND 53.7),
      lng double precision NOT NULL CHECK (lng BETWEEN 3.3 AND 7.3),
      travel_mode text NOT NULL,
      max_travel_km numeric(5,1) NULL CHECK (max_travel_km > 0 AND max_travel_km <= 200),
      max_travel_minutes smallint NULL CHECK (max_travel_minutes BETWEEN 1 AND 180),
      ladder_rung smallint NOT NULL CHECK (ladder_rung BETWEEN 1 AND 6),
      ladder_measured_on date NOT NULL,
      route text NOT NULL,
      arrangements text[] NULL,
      certificates text[] NOT NULL DEFAULT '{}',
      language_level text NOT NULL DEFAULT 'geen',
      ability_lifting smallint NOT NULL CHECK (ability_lifting BETWEEN 0 AND 3),
      ability_standing smallint NOT NULL CHECK (ability_standing BETWEEN 0 AND 3),
      ability_pace smallint NOT NULL CHECK (ability_pace BETWEEN 0 AND 3),
      ability_stimuli smallint NOT NULL CHECK (ability_stimuli BETWEEN 0 AND 3),
      ability_outdoor smallint NOT NULL CHECK (ability_outdoor BETWEEN 0 AND 3),
      needs_jobcoach boolean NOT NULL DEFAULT false,
      needs_buddy boolean NOT NULL DEFAULT false,
      needs_wheelchair_access boolean NOT NULL DEFAULT false,
      trajectory_ended_on date NULL,
      erased_at timestamptz NULL,
      CONSTRAINT candidates_pseudonym_key UNIQUE (pseudonym),
      CONSTRAINT candidates_hours_range CHECK (hours_min <= hours_max))`);
    await q.query(
      `CREATE INDEX candidates_organisation_idx ON candidates (organisation_id, created_at, id)`,
    );
    await q.query(
      `ALTER TABLE users ADD CONSTRAINT users_candidate_fk FOREIGN KEY (candidate_id) REFERENCES candidates(id)`,
    );

    // Protected data (AVG art. 9 risk) lives apart from the shareable work profile. No BSN, by design.
    await q.query(`CREATE TABLE candidate_protected (${std},
      candidate_id uuid NOT NULL REFERENCES candidates(id) ON DELETE CASCADE,
      first_name text NOT NULL DEFAULT '',
      last_name text NOT NULL DEFAULT '',
      email text NULL,
      phone text NULL,
      address text NULL,
      date_of_birth date NULL,
      benefit_type text NULL,
      banenafspraak boolean NOT NULL DEFAULT false,
      loonwaarde_pct smallint NULL CHECK (loonwaarde_pct BETWEEN 0 AND 100),
      notes text NOT NULL DEFAULT '',
      CONSTRAINT candidate_protected_candidate_key UNIQUE (candidate_id))`);

    await q.query(`CREATE TABLE outbox_messages (${std},
      topic text NOT NULL,
      aggregate_type text NULL,
      aggregate_id uuid NULL,
      payload jsonb NOT NULL DEFAULT '{}',
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','processing','done','dead')),
      attempts integer NOT NULL DEFAULT 0,
      available_at timestamptz NOT NULL DEFAULT now(),
      locked_until timestamptz NULL,
      last_error text NULL,
      processed_at timestamptz NULL)`);
    await q.query(`CREATE INDEX outbox_ready_idx ON outbox_messages (available_at, created_at)
                   WHERE status IN ('pending','processing')`);
    await q.query(`CREATE INDEX outbox_status_idx ON outbox_messages (status, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'outbox_messages',
      'candidate_protected',
      'users',
      'auth_tokens',
      'candidates',
      'vacancies',
      'employer_locations',
      'employers',
      'postcode_areas',
      'werksoorten',
      'organisations',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table} CASCADE`);
    }
    await q.query(`DROP SEQUENCE IF EXISTS candidate_pseudonym_seq`);
  }
}
