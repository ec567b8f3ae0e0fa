import type { DataSource } from 'typeorm';
import type { CandidateProfile } from '@werkbrug/matching';
import { queryRows } from '@werkbrug/database';

const LEVELS = `ARRAY['geen','A1','A2','B1','B2','C1','C2']`;

/**
 * The matching a team would build with PostgreSQL alone: the hard constraints as SQL, distance by
 * haversine with a bounding-box prefilter, Dutch full text for interests. Returns vacancy ids in order.
 */
export async function pgMatch(
  db: DataSource,
  c: CandidateProfile,
  lacking: string[],
): Promise<string[]> {
  const dLat = c.rangeKm / 111;
  const dLng = c.rangeKm / (111 * Math.cos((c.lat * Math.PI) / 180));
  const rows = await queryRows<{ id: string }>(
    db,
    `WITH hits AS (
       SELECT v.id, w.code,
              2 * 6371.0088 * asin(sqrt(power(sin(radians(v.lat - $1) / 2), 2) +
                cos(radians($1)) * cos(radians(v.lat)) * power(sin(radians(v.lng - $2) / 2), 2))) AS km,
              ts_rank(to_tsvector('dutch', v.title || ' ' || v.description), plainto_tsquery('dutch', $3)) AS rank
         FROM vacancies v JOIN werksoorten w ON w.id = v.werksoort_id
        WHERE v.status = 'open' AND v.places_filled < v.places
          AND v.lat BETWEEN $1 - $4 AND $1 + $4 AND v.lng BETWEEN $2 - $5 AND $2 + $5
          AND v.arrangements && $6::text[]
          AND ((v.hours_adjustable AND v.hours_max >= $7) OR (NOT v.hours_adjustable AND v.hours_min <= $8
               AND v.hours_max >= $7 AND v.working_days && $9::text[] AND v.dayparts && $10::text[]))
          AND NOT (v.required_certificates && $11::text[])
          AND array_position(${LEVELS}, v.min_language_level) - 1 <= $12
          AND v.demand_lifting <= $13 AND v.demand_standing <= $14 AND v.demand_pace <= $15
          AND v.demand_stimuli <= $16 AND v.demand_outdoor <= $17
          AND (NOT $18 OR v.wheelchair_accessible))
     SELECT id FROM hits WHERE km <= $19
      ORDER BY (code = ANY($20::text[])) DESC, rank DESC, km ASC, id LIMIT 20`,
    [
      c.lat,
      c.lng,
      c.interests,
      dLat,
      dLng,
      c.arrangementsAccepted,
      c.hoursMin,
      c.hoursMax,
      c.days,
      c.dayparts,
      lacking,
      c.languageRank,
      c.abilityLifting,
      c.abilityStanding,
      c.abilityPace,
      c.abilityStimuli,
      c.abilityOutdoor,
      c.needsWheelchairAccess,
      c.rangeKm + 0.05,
      c.werksoortWishes,
    ],
  );
  return rows.map((r) => r.id);
}

/** Full-text hits for a query in PostgreSQL (Dutch stemming, no typo tolerance). */
export async function pgTextCount(db: DataSource, q: string): Promise<number> {
  const [{ n }] = await queryRows<{ n: number }>(
    db,
    `SELECT count(*)::int AS n FROM vacancies v JOIN werksoorten w ON w.id = v.werksoort_id
      WHERE v.status = 'open' AND to_tsvector('dutch', v.title || ' ' || v.description || ' ' || w.name || ' ' || array_to_string(w.synonyms, ' '))
            @@ plainto_tsquery('dutch', $1)`,
    [q],
  );
  return n;
}
