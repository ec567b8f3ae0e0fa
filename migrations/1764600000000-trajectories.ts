import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Trajectories around placements: hour limits per organisation (data with a validity period), hours
 * per week, the plan van aanpak's learning goals, participatieladder measurements as history, and
 * Simpel Switchen transitions between forms of work.
 */
export class Trajectories1764600000000 implements MigrationInterface {
  name = 'Trajectories1764600000000';

  async up(q: QueryRunner): Promise<void> {
    const std = `id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      version integer NOT NULL DEFAULT 1`;
    const routes = `'werk','participatie','jongeren','banenafspraak','inburgering'`;
    const outcomes = `'werk_proefplaatsing','studie','participatie_vrijwilligerswerk','voortijdig_niet_haalbaar','voortijdig_zelf_beeindigd','voortijdig_overig','niet_geleid_uitstroom'`;
    const forms = `'arbeidsmatige_dagbesteding','regulier','proefplaatsing','detachering','werkervaringsplaats','stage','leerwerkbaan','vrijwilligerswerk','beschut_werk','groepsdetachering'`;

    await q.query(`CREATE TABLE trajectory_rules (${std},
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      diagnosis_hours smallint NOT NULL CHECK (diagnosis_hours > 0),
      block_hours smallint NOT NULL CHECK (block_hours > 0),
      max_hours smallint NOT NULL CHECK (max_hours >= diagnosis_hours),
      warn_within_hours smallint NOT NULL CHECK (warn_within_hours >= 0),
      valid_from date NOT NULL,
      valid_to date NULL CHECK (valid_to IS NULL OR valid_to >= valid_from),
      source text NOT NULL CHECK (length(source) BETWEEN 1 AND 1000))`);
    await q.query(
      `CREATE INDEX trajectory_rules_org_idx ON trajectory_rules (organisation_id, valid_from)`,
    );

    await q.query(`CREATE TABLE trajectories (${std},
      candidate_id uuid NOT NULL REFERENCES candidates(id),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      werkmakelaar_id uuid NOT NULL REFERENCES users(id),
      route text NOT NULL CHECK (route IN (${routes})),
      gemeente text NOT NULL,
      werksoort text NULL,
      form text NULL CHECK (form IN (${forms})),
      form_details jsonb NOT NULL DEFAULT '{}',
      start_date date NOT NULL,
      status text NOT NULL CHECK (status IN ('lopend','afgerond','voortijdig_beeindigd')),
      end_date date NULL CHECK (end_date IS NULL OR end_date >= start_date),
      outcome text NULL CHECK (outcome IN (${outcomes})),
      moved_away boolean NOT NULL DEFAULT false,
      end_note text NULL,
      CHECK ((status = 'lopend') = (end_date IS NULL)),
      CHECK ((outcome IS NULL) = (end_date IS NULL)),
      CHECK ((status = 'voortijdig_beeindigd') = (outcome IS NOT NULL AND outcome LIKE 'voortijdig_%')))`);
    await q.query(
      `CREATE INDEX trajectories_org_start_idx ON trajectories (organisation_id, start_date)`,
    );
    await q.query(`CREATE INDEX trajectories_start_idx ON trajectories (start_date)`);
    await q.query(`CREATE INDEX trajectories_candidate_idx ON trajectories (candidate_id, route)`);

    await q.query(`CREATE TABLE trajectory_hours (${std},
      trajectory_id uuid NOT NULL REFERENCES trajectories(id) ON DELETE CASCADE,
      week_start date NOT NULL CHECK (extract(isodow FROM week_start) = 1),
      hours numeric(4,1) NOT NULL CHECK (hours > 0 AND hours <= 80),
      logged_by uuid NOT NULL REFERENCES users(id),
      override_reason text NULL,
      UNIQUE (trajectory_id, week_start))`);

    await q.query(`CREATE TABLE learning_goals (${std},
      trajectory_id uuid NOT NULL REFERENCES trajectories(id) ON DELETE CASCADE,
      description text NOT NULL CHECK (length(description) BETWEEN 1 AND 500),
      status text NOT NULL CHECK (status IN ('open','bezig','behaald','niet_behaald','vervallen')),
      evaluation_date date NULL,
      reminded_for date NULL)`);
    await q.query(`CREATE INDEX learning_goals_trajectory_idx ON learning_goals (trajectory_id)`);
    await q.query(`CREATE INDEX learning_goals_evaluation_idx ON learning_goals (evaluation_date)
                   WHERE status IN ('open','bezig')`);

    await q.query(`CREATE TABLE ladder_measurements (${std},
      candidate_id uuid NOT NULL REFERENCES candidates(id),
      trajectory_id uuid NULL REFERENCES trajectories(id) ON DELETE SET NULL,
      rung smallint NOT NULL CHECK (rung BETWEEN 1 AND 6),
      measured_on date NOT NULL,
      by_user_id uuid NOT NULL REFERENCES users(id),
      note text NOT NULL DEFAULT '')`);
    await q.query(
      `CREATE INDEX ladder_measurements_candidate_idx ON ladder_measurements (candidate_id, measured_on)`,
    );

    await q.query(`CREATE TABLE trajectory_transitions (${std},
      trajectory_id uuid NOT NULL REFERENCES trajectories(id) ON DELETE CASCADE,
      from_form text NULL CHECK (from_form IN (${forms})),
      from_details jsonb NOT NULL DEFAULT '{}',
      to_form text NOT NULL CHECK (to_form IN (${forms})),
      to_details jsonb NOT NULL DEFAULT '{}',
      switched_on date NOT NULL,
      reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
      decided_by text NOT NULL CHECK (decided_by IN ('kandidaat','werkmakelaar','samen','werkgever','team')),
      recorded_by uuid NOT NULL REFERENCES users(id),
      CHECK (from_form IS DISTINCT FROM to_form))`);
    await q.query(
      `CREATE INDEX trajectory_transitions_trajectory_idx ON trajectory_transitions (trajectory_id, switched_on)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'trajectory_transitions',
      'ladder_measurements',
      'learning_goals',
      'trajectory_hours',
      'trajectories',
      'trajectory_rules',
    ])
      await q.query(`DROP TABLE ${table}`);
  }
}
