import type { DataSource, EntityManager } from 'typeorm';
import { pc4Of } from './geo';
import { POSTCODE_AREAS } from './postcode-areas.data';
import { queryRows } from '@werkbrug/database';

export interface PostcodeLookup {
  place: string;
  lat: number;
  lng: number;
}

const COLUMNS = ['pc4', 'place', 'municipality', 'lat', 'lng'] as const;

/**
 * Upserts the reference postcode areas in one statement. Rows that did not change are left
 * alone, so re-running it on every start does not bump their version.
 * Returns the number of areas in the reference list.
 */
export async function seedPostcodeAreas(db: DataSource | EntityManager): Promise<number> {
  const params: (string | number)[] = [];
  const tuples = POSTCODE_AREAS.map((a) => {
    const start = params.push(a.pc4, a.place, a.municipality, a.lat, a.lng) - COLUMNS.length;
    return `(${COLUMNS.map((_, i) => `$${start + i + 1}`).join(', ')})`;
  });
  await queryRows(
    db,
    `INSERT INTO postcode_areas (${COLUMNS.join(', ')}) VALUES ${tuples.join(', ')}
     ON CONFLICT (pc4) DO UPDATE SET
       place = EXCLUDED.place, municipality = EXCLUDED.municipality,
       lat = EXCLUDED.lat, lng = EXCLUDED.lng,
       updated_at = now(), version = postcode_areas.version + 1
     WHERE (postcode_areas.place, postcode_areas.municipality, postcode_areas.lat, postcode_areas.lng)
       IS DISTINCT FROM (EXCLUDED.place, EXCLUDED.municipality, EXCLUDED.lat, EXCLUDED.lng)`,
    params,
  );
  return POSTCODE_AREAS.length;
}

/** Place and centroid of the postcode's PC4 area; accepts '3441 AB', '3441AB' or '3441'. */
export async function lookupPostcode(
  db: DataSource | EntityManager,
  postcode: string,
): Promise<PostcodeLookup | null> {
  const pc4 = pc4Of(postcode);
  if (!pc4) return null;
  const rows = await queryRows<PostcodeLookup>(
    db,
    `SELECT place, lat, lng FROM postcode_areas WHERE pc4 = $1`,
    [pc4],
  );
  return rows[0] ?? null;
}
