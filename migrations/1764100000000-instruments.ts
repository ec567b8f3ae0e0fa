import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Subsidy instruments as versioned rules: the catalogue, rule versions (parameters as data, a scope, a
 * validity period, sources), calculations kept for a placement, and the deadlines the worker mails about.
 * Past rule versions are never edited: a trigger lets an UPDATE only end a version (set valid_to).
 */
export class Instruments1764100000000 implements MigrationInterface {
  name = 'Instruments1764100000000';

  async up(q: QueryRunner): Promise<void> {
    const std = `id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      version integer NOT NULL DEFAULT 1`;

    await q.query(`CREATE TABLE instruments (${std},
      code text NOT NULL CHECK (code ~ '^[a-z][a-z0-9_]{1,59}$'),
      name text NOT NULL,
      description text NOT NULL,
      grantor text NOT NULL CHECK (grantor IN ('belastingdienst','uwv','gemeente','none')),
      recipient text NOT NULL CHECK (recipient IN ('werkgever','kandidaat')),
      how_to_apply text NOT NULL,
      deadline_rule text NOT NULL,
      calculator text NOT NULL,
      sort_order integer NOT NULL DEFAULT 0,
      CONSTRAINT instruments_code_key UNIQUE (code))`);

    await q.query(`CREATE TABLE instrument_rule_versions (${std},
      instrument_code text NOT NULL REFERENCES instruments(code),
      scope text NOT NULL CHECK (scope IN ('national','gemeente','organisation')),
      scope_ref text NULL,
      params jsonb NOT NULL DEFAULT '{}',
      active boolean NOT NULL DEFAULT true,
      valid_from date NOT NULL,
      valid_to date NULL,
      source_urls text[] NOT NULL CHECK (cardinality(source_urls) > 0),
      last_checked date NOT NULL,
      indicative boolean NOT NULL DEFAULT false,
      note text NOT NULL DEFAULT '',
      created_by uuid NULL,
      CONSTRAINT instrument_rule_versions_period CHECK (valid_to IS NULL OR valid_to >= valid_from),
      CONSTRAINT instrument_rule_versions_scope_ref CHECK ((scope = 'national') = (scope_ref IS NULL)))`);
    await q.query(`CREATE INDEX instrument_rule_versions_lookup
      ON instrument_rule_versions (instrument_code, scope, scope_ref, valid_from)`);
    await q.query(`CREATE FUNCTION instrument_rule_versions_immutable() RETURNS trigger AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'rule versions are never deleted' USING ERRCODE = 'check_violation';
        END IF;
        IF (to_jsonb(NEW) - 'valid_to' - 'updated_at' - 'version') <> (to_jsonb(OLD) - 'valid_to' - 'updated_at' - 'version')
           OR NEW.valid_to IS NULL OR (OLD.valid_to IS NOT NULL AND NEW.valid_to > OLD.valid_to) THEN
          RAISE EXCEPTION 'a rule version can only be ended, never edited' USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`);
    await q.query(`CREATE TRIGGER instrument_rule_versions_immutable BEFORE UPDATE OR DELETE ON instrument_rule_versions
      FOR EACH ROW EXECUTE FUNCTION instrument_rule_versions_immutable()`);

    // A calculation agreed on a placement: its facts, the rule versions used and the amounts. Erasure deletes it.
    await q.query(`CREATE TABLE instrument_calculations (${std},
      placement_id uuid NOT NULL REFERENCES placements(id) ON DELETE CASCADE,
      candidate_id uuid NOT NULL REFERENCES candidates(id),
      calculated_by uuid NULL,
      calculation_date date NOT NULL,
      agreed_codes text[] NOT NULL,
      facts jsonb NOT NULL,
      result jsonb NOT NULL,
      rule_version_ids uuid[] NOT NULL)`);
    await q.query(
      `CREATE UNIQUE INDEX instrument_calculations_placement ON instrument_calculations (placement_id)`,
    );
    await q.query(
      `CREATE INDEX instrument_calculations_candidate ON instrument_calculations (candidate_id)`,
    );

    await q.query(`CREATE TABLE instrument_deadlines (${std},
      calculation_id uuid NOT NULL REFERENCES instrument_calculations(id) ON DELETE CASCADE,
      placement_id uuid NOT NULL REFERENCES placements(id) ON DELETE CASCADE,
      candidate_id uuid NOT NULL REFERENCES candidates(id),
      werkmakelaar_id uuid NOT NULL REFERENCES users(id),
      instrument_code text NOT NULL REFERENCES instruments(code),
      kind text NOT NULL CHECK (kind IN ('lks_aanvraag','doelgroepverklaring')),
      due_on date NOT NULL,
      notice_sent_at timestamptz NULL)`);
    await q.query(
      `CREATE INDEX instrument_deadlines_due ON instrument_deadlines (due_on) WHERE notice_sent_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS instrument_deadlines`);
    await q.query(`DROP TABLE IF EXISTS instrument_calculations`);
    await q.query(`DROP TABLE IF EXISTS instrument_rule_versions`);
    await q.query(`DROP FUNCTION IF EXISTS instrument_rule_versions_immutable()`);
    await q.query(`DROP TABLE IF EXISTS instruments`);
  }
}
