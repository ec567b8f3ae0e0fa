import type { DataSource, EntityManager } from 'typeorm';
import { isInNetherlands, normalisePostcode } from './geo';
import { lookupPostcode } from './postcode-lookup';
import { queryRows } from '@werkbrug/database';

export type Queryable = Pick<DataSource | EntityManager, 'query'>;

/** Where a postcode's place and coordinates came from. */
export type GeocodeSource = 'pdok' | 'pc4-table';

export interface GeocodedPostcode {
  /** Compact form, '3441AB'. */
  postcode: string;
  place: string;
  municipality: string | null;
  lat: number;
  lng: number;
  source: GeocodeSource;
  /** PDOK gives the centroid of the full postcode (PC6); the table only that of its PC4 area. */
  precision: 'pc6' | 'pc4';
}

/**
 * Turns a Dutch postcode into a place and coordinates. `null`: this source does not know it.
 * Throws only when the source could not be asked (network, server error): the chain then tries the next.
 */
export interface Geocoder {
  readonly name: string;
  lookup(db: Queryable, postcode: string): Promise<GeocodedPostcode | null>;
}

/** The embedded PC4 table (postcode_areas, seeded from postcode-areas.data.ts): always there, offline. */
export const pc4TableGeocoder: Geocoder = {
  name: 'the embedded postcode table',
  async lookup(db, postcode) {
    const compact = normalisePostcode(postcode);
    if (!compact) return null;
    const area = await lookupPostcode(db as DataSource, compact);
    if (!area) return null;
    return {
      postcode: compact,
      place: area.place,
      municipality: null,
      lat: Number(area.lat),
      lng: Number(area.lng),
      source: 'pc4-table',
      precision: 'pc4',
    };
  },
};

export interface CacheOptions {
  /** How long a found postcode is trusted (BAG postcodes rarely move). */
  foundTtlMs: number;
  /** How long "not known" is remembered before the source is asked again. */
  missingTtlMs: number;
}

export const DEFAULT_CACHE: CacheOptions = {
  foundTtlMs: 90 * 24 * 3600_000,
  missingTtlMs: 24 * 3600_000,
};

/** Keeps the answers of a remote geocoder in PostgreSQL (geocode_cache), found and not found. */
export function cachedGeocoder(inner: Geocoder, options: CacheOptions = DEFAULT_CACHE): Geocoder {
  return {
    name: inner.name,
    async lookup(db, postcode) {
      const compact = normalisePostcode(postcode);
      if (!compact) return null;
      const [hit] = await queryRows<{
        found: boolean;
        place: string | null;
        municipality: string | null;
        lat: number | null;
        lng: number | null;
        source: GeocodeSource;
      }>(
        db,
        `SELECT found, place, municipality, lat, lng, source FROM geocode_cache
          WHERE postcode = $1
            AND fetched_at > now() - (CASE WHEN found THEN $2::bigint ELSE $3::bigint END) * interval '1 millisecond'`,
        [compact, options.foundTtlMs, options.missingTtlMs],
      );
      if (hit) {
        if (!hit.found) return null;
        return {
          postcode: compact,
          place: hit.place as string,
          municipality: hit.municipality,
          lat: Number(hit.lat),
          lng: Number(hit.lng),
          source: hit.source,
          precision: 'pc6',
        };
      }
      const result = await inner.lookup(db, compact);
      await queryRows(
        db,
        `INSERT INTO geocode_cache (postcode, found, place, municipality, lat, lng, source)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (postcode) DO UPDATE SET found = EXCLUDED.found, place = EXCLUDED.place,
           municipality = EXCLUDED.municipality, lat = EXCLUDED.lat, lng = EXCLUDED.lng,
           source = EXCLUDED.source, fetched_at = now()`,
        [
          compact,
          !!result,
          result?.place ?? null,
          result?.municipality ?? null,
          result?.lat ?? null,
          result?.lng ?? null,
          result?.source ?? 'pdok',
        ],
      );
      return result;
    },
  };
}

export interface ChainLogger {
  warn(message: string): void;
}

/**
 * Asks each source in turn; the first that knows the postcode answers. A source that cannot be
 * reached is skipped (logged), so the embedded table still answers when PDOK is down.
 */
export function chainGeocoder(sources: Geocoder[], logger?: ChainLogger): Geocoder {
  return {
    name: sources.map((s) => s.name).join(', then '),
    async lookup(db, postcode) {
      for (const source of sources) {
        try {
          const result = await source.lookup(db, postcode);
          if (result) return result;
        } catch (error) {
          logger?.warn(
            `geocoder ${source.name} failed, trying the next: ${error instanceof Error ? error.message : String(error)}`,
          );
        }
      }
      return null;
    },
  };
}

/** A point from PDOK's `centroide_ll`: 'POINT(4.88472 52.08598)' (longitude first), in the Netherlands. */
export function parseWktPoint(wkt: unknown): { lat: number; lng: number } | null {
  if (typeof wkt !== 'string') return null;
  const match = /^POINT\(\s*(-?\d+(?:\.\d+)?)\s+(-?\d+(?:\.\d+)?)\s*\)$/.exec(wkt.trim());
  if (!match) return null;
  const lng = Number(match[1]);
  const lat = Number(match[2]);
  return isInNetherlands(lat, lng) ? { lat, lng } : null;
}
