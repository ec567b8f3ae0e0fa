import { normalisePostcode } from './geo';
import { parseWktPoint, type GeocodedPostcode, type Geocoder } from './geocoder';

/** The fields of a PDOK Locatieserver v3_1 `free` document this adapter reads. */
interface PdokDoc {
  type?: string;
  postcode?: string;
  woonplaatsnaam?: string;
  gemeentenaam?: string;
  centroide_ll?: string;
}

interface PdokFreeResponse {
  response?: { numFound?: number; docs?: PdokDoc[] };
}

export interface PdokOptions {
  /** Give up on a lookup after this long; the chain then falls back to the embedded table. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/**
 * PDOK Locatieserver (the free national geocoder over the BAG, CC0): `GET {base}/free` with
 * `q=postcode:3441AB` and `fq=type:postcode`, which answers the centroid of the full postcode.
 * v3_1 refuses query parameters outside its OpenAPI description, so only q, fq, fl and rows are sent.
 */
export function pdokGeocoder(baseUrl: string, options: PdokOptions = {}): Geocoder {
  const base = baseUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 3000;
  return {
    name: `PDOK Locatieserver (${new URL(base).host})`,
    async lookup(_db, postcode): Promise<GeocodedPostcode | null> {
      const compact = normalisePostcode(postcode);
      if (!compact) return null;
      const params = new URLSearchParams({
        q: `postcode:${compact}`,
        fq: 'type:postcode',
        fl: 'type,postcode,woonplaatsnaam,gemeentenaam,centroide_ll',
        rows: '1',
      });
      const res = await doFetch(`${base}/free?${params}`, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (!res.ok) throw new Error(`PDOK answered HTTP ${res.status}`);
      const body = (await res.json()) as PdokFreeResponse;
      const docs = body.response?.docs;
      if (!Array.isArray(docs)) throw new Error('PDOK answered without response.docs');
      // Only an exact postcode document counts; a street or a place is not this postcode.
      const doc = docs.find((d) => d.type === 'postcode' && d.postcode === compact);
      const point = parseWktPoint(doc?.centroide_ll);
      if (!doc || !point || !doc.woonplaatsnaam) return null;
      return {
        postcode: compact,
        place: doc.woonplaatsnaam,
        municipality: doc.gemeentenaam ?? null,
        lat: point.lat,
        lng: point.lng,
        source: 'pdok',
        precision: 'pc6',
      };
    },
  };
}
