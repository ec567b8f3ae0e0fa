/** A point in WGS84 degrees. */
export interface LatLng {
  lat: number;
  lng: number;
}

/** Mean earth radius (IUGG); the error of a sphere is well below 0.5 % at Dutch distances. */
const EARTH_RADIUS_KM = 6371.0088;

const toRadians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance in kilometres ("as the crow flies"). */
export function haversineKm(a: LatLng, b: LatLng): number {
  const dLat = toRadians(b.lat - a.lat);
  const dLng = toRadians(b.lng - a.lng);
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(toRadians(a.lat)) * Math.cos(toRadians(b.lat)) * Math.sin(dLng / 2) ** 2;
  // min() guards against rounding pushing h just above 1 for antipodal points.
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A box around the European Netherlands, Wadden islands and south Limburg included. */
export const NL_BBOX = { minLat: 50.75, maxLat: 53.55, minLng: 3.35, maxLng: 7.25 } as const;

export function isInNetherlands(lat: number, lng: number): boolean {
  return (
    Number.isFinite(lat) &&
    Number.isFinite(lng) &&
    lat >= NL_BBOX.minLat &&
    lat <= NL_BBOX.maxLat &&
    lng >= NL_BBOX.minLng &&
    lng <= NL_BBOX.maxLng
  );
}

const POSTCODE = /^([1-9][0-9]{3})\s*([A-Z]{2})$/;
const PC4 = /^[1-9][0-9]{3}$/;
/** PostNL never issues these letter pairs (for their connotations). */
const UNUSED_LETTER_PAIRS: ReadonlySet<string> = new Set(['SA', 'SD', 'SS']);

/**
 * Normalises a Dutch postcode to its compact form: '3441 ab' → '3441AB'.
 * Returns null when it is not a postcode the Dutch post could issue.
 */
export function normalisePostcode(raw: string): string | null {
  if (typeof raw !== 'string') return null;
  const match = POSTCODE.exec(raw.trim().toUpperCase());
  if (!match || UNUSED_LETTER_PAIRS.has(match[2])) return null;
  return match[1] + match[2];
}

/** The 4-digit area (PC4) of a full postcode, or of a bare PC4; null when neither. */
export function pc4Of(postcode: string): string | null {
  if (typeof postcode !== 'string') return null;
  const trimmed = postcode.trim();
  if (PC4.test(trimmed)) return trimmed;
  return normalisePostcode(trimmed)?.slice(0, 4) ?? null;
}
