import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * From match to placement: proposals with their history and per-proposal consent, placements with
 * arrangement rules that are data (with a validity period), and contact moments (check-ins).
 */
export class ProposalsPlacements1763870300000 implements MigrationInterface {
  name = 'ProposalsPlacements1763870300000';

  async up(q: QueryRunner): Promise<void> {
    const std = `id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      version integer NOT NULL DEFAULT 1`;
    const statuses = `'voorgesteld','wacht_op_kandidaat','wacht_op_werkgever','kennismaking','meeloopdag','geplaatst','ingetrokken','afgewezen'`;

    await q.query(`CREATE TABLE proposals (${std},
      candidate_id uuid NOT NULL REFERENCES candidates(id),
      vacancy_id uuid NOT NULL REFERENCES vacancies(id),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      werkmakelaar_id uuid NOT NULL REFERENCES users(id),
      motivation text NOT NULL CHECK (length(motivation) BETWEEN 1 AND 2000),
      status text NOT NULL CHECK (status IN (${statuses})),
      employer_answer text NULL CHECK (employer_answer IN ('interested','not_now','declined')),
      meeting_kind text NULL CHECK (meeting_kind IN ('kennismaking','meeloopdag')),
      meeting_dates timestamptz[] NOT NULL DEFAULT '{}',
      closed_by_role text NULL,
      closed_reason text NULL,
      closed_note text NULL)`);
    // One open proposal per candidate–vacancy pair.
    await q.query(`CREATE UNIQUE INDEX proposals_one_open_per_pair ON proposals (candidate_id, vacancy_id)
                   WHERE status NOT IN ('geplaatst','ingetrokken','afgewezen')`);
    await q.query(`CREATE INDEX proposals_vacancy_idx ON proposals (vacancy_id, created_at)`);
    await q.query(
      `CREATE INDEX proposals_organisation_idx ON proposals (organisation_id, created_at)`,
    );
    await q.query(`CREATE INDEX proposals_candidate_idx ON proposals (candidate_id, created_at)`);

    await q.query(`CREATE TABLE proposal_events (${std},
      proposal_id uuid NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
      from_status text NULL,
      to_status text NOT NULL,
      actor_user_id uuid NULL,
      actor_role text NOT NULL,
      reason text NULL,
      note text NULL)`);
    await q.query(
      `CREATE INDEX proposal_events_proposal_idx ON proposal_events (proposal_id, created_at)`,
    );

    await q.query(`CREATE TABLE consents (${std},
      proposal_id uuid NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
      candidate_id uuid NOT NULL REFERENCES candidates(id),
      given_by_user_id uuid NULL,
      shared_fields text[] NOT NULL,
      given_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      withdrawn_at timestamptz NULL)`);
    await q.query(`CREATE INDEX consents_proposal_idx ON consents (proposal_id)`);
    await q.query(`CREATE INDEX consents_candidate_idx ON consents (candidate_id)`);

    await q.query(`CREATE TABLE arrangement_rules (${std},
      arrangement text NOT NULL,
      initial_months smallint NOT NULL CHECK (initial_months > 0),
      max_total_months smallint NOT NULL CHECK (max_total_months >= initial_months),
      min_contract_intent_months smallint NULL,
      valid_from date NOT NULL,
      valid_to date NULL,
      source text NOT NULL DEFAULT '',
      CONSTRAINT arrangement_rules_period CHECK (valid_to IS NULL OR valid_to >= valid_from))`);
    await q.query(
      `CREATE INDEX arrangement_rules_lookup ON arrangement_rules (arrangement, valid_from)`,
    );
    // The rules as the seeds describe them; administrators replace them with a new validity period.
    await q.query(`INSERT INTO arrangement_rules (arrangement, initial_months, max_total_months, min_contract_intent_months, valid_from, source) VALUES
      ('proefplaatsing', 2, 6, 6, '2020-01-01', 'Proefplaatsing: 2 maanden, te verlengen tot in totaal 6; de werkgever is van plan een contract van minstens 6 maanden te geven.'),
      ('detachering', 7, 8, NULL, '2020-01-01', 'Ferm Werk: detacheringsbanen van maximaal 7/8/8 maanden, met aanname door de werkgever als doel.'),
      ('werkervaringsplaats', 3, 6, NULL, '2020-01-01', 'Werkervaringsplaats: 3 maanden, te verlengen tot in totaal 6.'),
      ('stage', 3, 6, NULL, '2020-01-01', 'Stage: 3 maanden, te verlengen tot in totaal 6.'),
      ('leerwerkbaan', 6, 12, NULL, '2020-01-01', 'Leerwerktraject: blokken van 350 uur, maximaal 800 uur.')`);

    await q.query(`CREATE TABLE placements (${std},
      proposal_id uuid NULL REFERENCES proposals(id),
      candidate_id uuid NOT NULL REFERENCES candidates(id),
      vacancy_id uuid NOT NULL REFERENCES vacancies(id),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      werkmakelaar_id uuid NOT NULL REFERENCES users(id),
      arrangement text NOT NULL,
      rule_id uuid NULL REFERENCES arrangement_rules(id),
      start_date date NOT NULL,
      planned_end_date date NULL,
      hours_per_week smallint NOT NULL CHECK (hours_per_week BETWEEN 1 AND 40),
      jobcoach_user_id uuid NULL REFERENCES users(id),
      jobcoach_name text NULL,
      instruments text[] NOT NULL DEFAULT '{}',
      evaluation_dates date[] NOT NULL DEFAULT '{}',
      extensions smallint NOT NULL DEFAULT 0,
      status text NOT NULL DEFAULT 'lopend' CHECK (status IN ('lopend','beeindigd')),
      outcome text NULL CHECK (outcome IN ('contract','detachering_loopt_door','studie','vrijwilligerswerk_participatie',
        'voortijdig_niet_haalbaar','voortijdig_zelf_beeindigd','voortijdig_overig')),
      outcome_contract_months smallint NULL,
      outcome_contract_hours smallint NULL,
      ended_on date NULL,
      ending_notice_sent_at timestamptz NULL,
      no_contact_notice_sent_at timestamptz NULL,
      CONSTRAINT placements_end_after_start CHECK (planned_end_date IS NULL OR planned_end_date > start_date))`);
    await q.query(
      `CREATE INDEX placements_organisation_idx ON placements (organisation_id, created_at)`,
    );
    await q.query(`CREATE INDEX placements_vacancy_idx ON placements (vacancy_id)`);
    await q.query(
      `CREATE UNIQUE INDEX placements_one_running_per_candidate_vacancy ON placements (candidate_id, vacancy_id) WHERE status = 'lopend'`,
    );

    await q.query(`CREATE TABLE checkins (${std},
      candidate_id uuid NOT NULL REFERENCES candidates(id),
      placement_id uuid NULL REFERENCES placements(id),
      by_user_id uuid NOT NULL REFERENCES users(id),
      contact_on date NOT NULL,
      kind text NOT NULL CHECK (kind IN ('gesprek','telefoon','werkplekbezoek','evaluatie','overig')),
      note text NOT NULL DEFAULT '')`);
    await q.query(`CREATE INDEX checkins_candidate_idx ON checkins (candidate_id, contact_on)`);
    await q.query(`CREATE INDEX checkins_placement_idx ON checkins (placement_id, contact_on)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'checkins',
      'placements',
      'arrangement_rules',
      'consents',
      'proposal_events',
      'proposals',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${t} CASCADE`);
    }
  }
}
