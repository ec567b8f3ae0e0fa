import type { EntityManager } from 'typeorm';
import { queryRows } from '@werkbrug/database';
import { addDays, daysBetween } from '@werkbrug/domain';
import { isoDate } from './dates';
import { insertRows } from './insert-rows';
import type { Random } from './random';

/**
 * Share of the candidates in a trajectory whose contact rhythm slipped: their last contact moment is
 * 14 days ago or more (or none was recorded), so the caseload's "Geen contact" flag
 * (libs/caseload attention-rules.ts: CONTACT_RHYTHM_DAYS) fires for a realistic minority.
 */
export const SLIPPED_SHARE = 0.1;
/** The rhythm is every 14 days; a contact moment on rhythm is at most 13 days old. */
const RHYTHM_DAYS = 14;
const BATCH = 5000;

type Kind = 'gesprek' | 'telefoon' | 'werkplekbezoek' | 'evaluatie' | 'overig';

const NOTES: Readonly<Record<Kind, readonly string[]>> = {
  gesprek: [
    'Gesprek over de wensen en de volgende stap.',
    'Samen de werkplekken bekeken die passen.',
    'Gesprek op kantoor; gaat goed, wil graag starten.',
    'Intake afgerond en afspraken gemaakt.',
  ],
  telefoon: [
    'Telefonisch bijgepraat.',
    'Gebeld over een werkplek; denkt erover na.',
    'Kort gebeld: alles loopt.',
  ],
  werkplekbezoek: [
    'Op de werkplek langs geweest: gaat goed.',
    'Werkplekbezoek met de jobcoach; het ritme zit erin.',
    'Langs geweest; de werkgever is tevreden.',
  ],
  evaluatie: ['Evaluatie met de werkgever: op schema.', 'Tussenevaluatie gehouden.'],
  overig: ['Mail gestuurd met informatie over een training.', 'Afspraak verzet op verzoek.'],
};

interface CheckinRecord {
  candidate_id: string;
  placement_id: string | null;
  by_user_id: string;
  contact_on: string;
  kind: Kind;
  note: string;
}
const CHECKIN_COLUMNS: readonly (keyof CheckinRecord)[] = [
  'candidate_id',
  'placement_id',
  'by_user_id',
  'contact_on',
  'kind',
  'note',
];

interface Person {
  id: string;
  werkmakelaar_id: string;
  created_on: string;
  ended_on: string | null;
  placement_id: string | null;
  placement_start: string | null;
}

/**
 * Contact moments (check-ins) in the Op Koers rhythm of every 14 days: most candidates in a
 * trajectory were spoken to in the last two weeks, with two or three earlier moments; about one in
 * ten slipped. Placed candidates' moments are often workplace visits. Those whose trajectory ended
 * have their last moments before the end. `onRhythm` candidates (the demo story) never slip.
 */
export async function insertContactMoments(
  em: EntityManager,
  rng: Random,
  today: Date,
  onRhythm: ReadonlySet<string>,
): Promise<{ moments: number; slipped: number }> {
  const now = isoDate(today);
  const people = await queryRows<Person>(
    em,
    `SELECT c.id, c.werkmakelaar_id,
            (c.created_at AT TIME ZONE 'Europe/Amsterdam')::date::text AS created_on,
            c.trajectory_ended_on::text AS ended_on,
            p.id AS placement_id, p.start_date::text AS placement_start
       FROM candidates c
       LEFT JOIN LATERAL (SELECT id, start_date FROM placements
                           WHERE candidate_id = c.id AND status = 'lopend' ORDER BY start_date LIMIT 1) p ON true
      WHERE c.erased_at IS NULL AND c.werkmakelaar_id IS NOT NULL
      ORDER BY c.id`,
  );
  const rows: CheckinRecord[] = [];
  let slipped = 0;
  const add = (p: Person, on: string, first: boolean) => {
    const visit = p.placement_start !== null && on >= p.placement_start;
    const kind: Kind = first
      ? 'gesprek'
      : visit && rng.chance(0.5)
        ? rng.chance(0.8)
          ? 'werkplekbezoek'
          : 'evaluatie'
        : rng.weighted<Kind>([
            ['gesprek', 50],
            ['telefoon', 40],
            ['overig', 10],
          ]);
    rows.push({
      candidate_id: p.id,
      placement_id: kind === 'werkplekbezoek' || kind === 'evaluatie' ? p.placement_id : null,
      by_user_id: p.werkmakelaar_id,
      contact_on: on,
      kind,
      note: rng.pick(NOTES[kind]),
    });
  };

  for (const p of people) {
    const since = p.created_on > now ? now : p.created_on;
    const ended = p.ended_on !== null && p.ended_on <= now;
    let last: string | null;
    if (ended) {
      // The trajectory ended: no rhythm any more, the last moments lie before the end.
      const until = (p.ended_on as string) < since ? since : (p.ended_on as string);
      last = addDays(until, -rng.int(0, Math.min(10, daysBetween(since, until))));
    } else if (
      !onRhythm.has(p.id) &&
      daysBetween(since, now) >= RHYTHM_DAYS &&
      rng.chance(SLIPPED_SHARE)
    ) {
      slipped++;
      // A quarter never had a moment recorded; the others were last seen two to eight weeks ago.
      last = rng.chance(0.25)
        ? null
        : addDays(now, -rng.int(RHYTHM_DAYS, Math.min(56, daysBetween(since, now))));
    } else {
      last = addDays(now, -rng.int(0, Math.min(RHYTHM_DAYS - 1, daysBetween(since, now))));
    }
    if (last === null) continue;
    // Earlier moments every one to three weeks, back to the intake.
    const moments = [last];
    for (let n = rng.int(1, 3), on = last; n > 0; n--) {
      on = addDays(on, -rng.int(7, 21));
      if (on < since) break;
      moments.push(on);
    }
    moments.reverse().forEach((on, i) => add(p, on, i === 0 && on === since));
  }
  for (let i = 0; i < rows.length; i += BATCH)
    await insertRows(em, 'checkins', CHECKIN_COLUMNS, rows.slice(i, i + BATCH));
  return { moments: rows.length, slipped };
}
