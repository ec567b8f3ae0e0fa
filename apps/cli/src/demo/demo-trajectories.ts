import type { EntityManager } from 'typeorm';
import { insertRows } from './insert-rows';
import type { Random } from './random';
import { queryRows } from '@werkbrug/database';

/** Outcomes in the proportions of the Ferm Werk table (85 werk, 12 studie, 27/29/8 early, 31 participatie, 27 niet geleid). */
const OUTCOME_WEIGHTS: readonly (readonly [string, number])[] = [
  ['werk_proefplaatsing', 85],
  ['studie', 12],
  ['voortijdig_niet_haalbaar', 27],
  ['voortijdig_zelf_beeindigd', 29],
  ['voortijdig_overig', 8],
  ['participatie_vrijwilligerswerk', 31],
  ['niet_geleid_uitstroom', 27],
];
const FORMS = [
  'beschut_werk',
  'werkervaringsplaats',
  'leerwerkbaan',
  'arbeidsmatige_dagbesteding',
  'detachering',
  'proefplaatsing',
] as const;
const JOBCOACHES = ['Anja de Wit', 'Bram Kok', 'Cor Smit', 'Dewi Jansen', 'Evi Bakker'];

interface TrajectoryRecord {
  id: string;
  candidate_id: string;
  organisation_id: string;
  werkmakelaar_id: string;
  route: string;
  gemeente: string;
  werksoort: string | null;
  form: string;
  form_details: string;
  start_date: string;
  status: string;
  end_date: string | null;
  outcome: string | null;
  moved_away: boolean;
}
const TRAJECTORY_COLUMNS: readonly (keyof TrajectoryRecord)[] = [
  'id',
  'candidate_id',
  'organisation_id',
  'werkmakelaar_id',
  'route',
  'gemeente',
  'werksoort',
  'form',
  'form_details',
  'start_date',
  'status',
  'end_date',
  'outcome',
  'moved_away',
];

const DAY = 86_400_000;
const iso = (d: Date) => d.toISOString().slice(0, 10);
const plusDays = (date: string, n: number) =>
  iso(new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY));
const BATCH = 400;

/**
 * Trajectories for the demo caseloads, so the reports show realistic numbers: hour rules per
 * organisation, one or two trajectories per candidate (a quarter still running), weekly hours on
 * learn-work tracks, learning goals with evaluation dates, ladder histories and Simpel Switchen moves.
 */
export async function insertTrajectories(
  em: EntityManager,
  rng: Random,
  today: Date,
  log: (line: string) => void,
): Promise<{ trajectories: number; hours: number; measurements: number; transitions: number }> {
  const now = iso(today);
  const orgs = await queryRows<{ id: string; name: string; werkmakelaar: string }>(
    em,
    `SELECT o.id, o.name, (SELECT u.id FROM users u WHERE u.organisation_id = o.id AND u.role = 'werkmakelaar'
                            ORDER BY u.email LIMIT 1) AS werkmakelaar
       FROM organisations o WHERE o.kind IN ('werkbedrijf','gemeente','re-integratiebedrijf')`,
  );
  // The hour rules are data per organisation: Ferm Werk's own, and a shorter track at Loket3.
  for (const o of orgs) {
    const loket = o.name === 'Loket3';
    await queryRows(
      em,
      `INSERT INTO trajectory_rules (organisation_id, diagnosis_hours, block_hours, max_hours, warn_within_hours, valid_from, source)
       VALUES ($1, $2, $3, $4, 40, '2014-01-01', $5)`,
      [
        o.id,
        loket ? 80 : 100,
        loket ? 300 : 350,
        loket ? 680 : 800,
        loket
          ? 'Loket3, werkwijze leer-werktrajecten (demo)'
          : 'Ferm Werk, Leer- en ontwikkelcentrum: diagnose 100 uur, blokken van 350 uur, maximaal 800 uur',
      ],
    );
  }
  const fallback = new Map(orgs.map((o) => [o.id, o.werkmakelaar]));
  const candidates = await queryRows<{
    id: string;
    organisation_id: string;
    werkmakelaar_id: string | null;
    route: string;
    werksoort: string | null;
    gemeente: string;
  }>(
    em,
    `SELECT c.id, c.organisation_id, c.werkmakelaar_id, c.route, c.werksoort_wishes[1] AS werksoort,
            coalesce(pa.municipality, c.place) AS gemeente
       FROM candidates c LEFT JOIN postcode_areas pa ON pa.pc4 = left(c.postcode, 4)
      WHERE c.erased_at IS NULL ORDER BY c.id`,
  );
  const records: TrajectoryRecord[] = [];
  for (const c of candidates) {
    const werkmakelaar = c.werkmakelaar_id ?? fallback.get(c.organisation_id);
    if (!werkmakelaar) continue;
    // An earlier, ended trajectory for some; then the latest one, running for about a quarter.
    const count = rng.chance(0.35) ? 2 : 1;
    let start = plusDays(now, -rng.int(200, 1800));
    for (let i = 0; i < count; i++) {
      const last = i === count - 1;
      const running = last && rng.chance(0.28);
      let end: string | null = running ? null : plusDays(start, rng.int(60, 520));
      if (end && end > now) end = null;
      const outcome = end ? rng.weighted(OUTCOME_WEIGHTS) : null;
      const form = rng.pick(FORMS);
      records.push({
        id: rng.uuid(),
        candidate_id: c.id,
        organisation_id: c.organisation_id,
        werkmakelaar_id: werkmakelaar,
        route: c.route,
        gemeente: c.gemeente,
        werksoort: c.werksoort,
        form,
        form_details: JSON.stringify({ jobcoachName: rng.pick(JOBCOACHES) }),
        start_date: start,
        status: !outcome
          ? 'lopend'
          : outcome.startsWith('voortijdig_')
            ? 'voortijdig_beeindigd'
            : 'afgerond',
        end_date: end,
        outcome,
        moved_away: outcome === 'niet_geleid_uitstroom' && rng.chance(0.2),
      });
      if (!end) break;
      start = plusDays(end, rng.int(30, 200));
      if (start > now) break;
    }
  }
  for (let i = 0; i < records.length; i += BATCH)
    await insertRows(em, 'trajectories', TRAJECTORY_COLUMNS, records.slice(i, i + BATCH));

  // Weekly hours on the learn-work routes (werk, jongeren): 8–20 h a week for at most 34 weeks, so within every demo maximum (680 h).
  await queryRows(
    em,
    `INSERT INTO trajectory_hours (trajectory_id, week_start, hours, logged_by)
     SELECT t.id, w::date, 8 + abs(hashtext(t.id::text || w::text)) % 13, t.werkmakelaar_id
       FROM trajectories t,
            generate_series(date_trunc('week', t.start_date)::date + 7,
                            least(coalesce(t.end_date, $1::date), $1::date, date_trunc('week', t.start_date)::date + 7 * 34),
                            interval '7 days') AS w
      WHERE t.route IN ('werk','jongeren')`,
    [now],
  );
  // A plan van aanpak on running trajectories: two learning goals, evaluated within the next two months.
  const goals = [
    'Op tijd komen en afmelden bij ziekte',
    'Zelfstandig een werkdag plannen',
    'Werken in een team',
    'Veilig werken (VCA-basis)',
  ];
  for (const [n, description] of goals.entries())
    await queryRows(
      em,
      `INSERT INTO learning_goals (trajectory_id, description, status, evaluation_date)
       SELECT id, $2, CASE WHEN abs(hashtext(id::text || $2)) % 4 = 0 THEN 'bezig' ELSE 'open' END,
              $1::date + (abs(hashtext(id::text || $2)) % 60)
         FROM trajectories WHERE status = 'lopend' AND abs(hashtext(id::text)) % 2 = $3`,
      [now, description, n % 2],
    );

  // Ladder histories: earlier measurements every ~6 months, walking to the rung the profile holds now.
  const [{ measurements }] = await queryRows<{ measurements: number }>(
    em,
    `WITH steps AS (
       SELECT c.id, c.ladder_rung, c.ladder_measured_on, c.werkmakelaar_id, k
         FROM candidates c, generate_series(1, 1 + abs(hashtext(c.id::text)) % 3) AS k
        WHERE c.erased_at IS NULL AND c.werkmakelaar_id IS NOT NULL)
     , ins AS (
       INSERT INTO ladder_measurements (candidate_id, rung, measured_on, by_user_id, note)
       SELECT id, ladder_rung, ladder_measured_on, werkmakelaar_id, 'Meting bij het gesprek' FROM candidates
        WHERE erased_at IS NULL AND werkmakelaar_id IS NOT NULL
       UNION ALL
       SELECT id, greatest(1, least(6, ladder_rung + 1 - abs(hashtext(id::text || k::text)) % 3)),
              ladder_measured_on - 182 * k, werkmakelaar_id, ''
         FROM steps
       RETURNING 1)
     SELECT count(*)::int AS measurements FROM ins`,
  );

  // Simpel Switchen: one in six running trajectories moved to another form; half of those went back.
  const running = records.filter((r) => !r.end_date && rng.chance(1 / 6));
  let transitions = 0;
  for (const r of running) {
    const days = Math.floor(
      (Date.parse(`${now}T00:00:00Z`) - Date.parse(`${r.start_date}T00:00:00Z`)) / DAY,
    );
    if (days < 60) continue;
    const other = rng.pick(FORMS.filter((f) => f !== r.form));
    const there = plusDays(r.start_date, rng.int(20, Math.floor(days / 2)));
    const back = rng.chance(0.5)
      ? plusDays(there, rng.int(10, Math.max(11, Math.floor(days / 2) - 10)))
      : null;
    const fromDetails = r.form_details;
    const toDetails = JSON.stringify({ jobcoachName: rng.pick(JOBCOACHES) });
    await queryRows(
      em,
      `INSERT INTO trajectory_transitions (trajectory_id, from_form, from_details, to_form, to_details, switched_on, reason, decided_by, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, 'Klaar voor een volgende stap', 'samen', $7)`,
      [r.id, r.form, fromDetails, other, toDetails, there, r.werkmakelaar_id],
    );
    transitions++;
    let form: string = other;
    let details = toDetails;
    if (back && back <= now) {
      await queryRows(
        em,
        `INSERT INTO trajectory_transitions (trajectory_id, from_form, from_details, to_form, to_details, switched_on, reason, decided_by, recorded_by)
         VALUES ($1, $2, $3, $4, $5, $6, 'Wil terug naar de vertrouwde plek', 'kandidaat', $7)`,
        [r.id, other, toDetails, r.form, fromDetails, back, r.werkmakelaar_id],
      );
      transitions++;
      form = r.form;
      details = fromDetails;
    }
    await queryRows(em, `UPDATE trajectories SET form = $2, form_details = $3 WHERE id = $1`, [
      r.id,
      form,
      details,
    ]);
  }
  const [{ hours }] = await queryRows<{ hours: number }>(
    em,
    `SELECT count(*)::int AS hours FROM trajectory_hours`,
  );
  log(
    `demo trajectories: ${records.length} trajectories, ${hours} hour rows, ${measurements} ladder measurements, ${transitions} switches`,
  );
  return { trajectories: records.length, hours, measurements, transitions };
}
