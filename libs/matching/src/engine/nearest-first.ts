import type { MeiliSearch, MultiSearchQuery } from 'meilisearch';
import { box } from './meili-filters';

/**
 * Nearest first without Meilisearch's `_geo`. Keeping `_geo` filterable or sortable makes
 * Meilisearch rewrite its whole geo R-tree on every indexing batch (800 ms per batch at 100k
 * workplaces: most of the write → searchable lag), and sorting by `_geoPoint` cost a third of
 * Meilisearch's CPU per match. Instead a query is asked ring by ring: first the box of `firstKm`,
 * then rings of twice the size, out to the radius; each ring on the numeric `lat`/`lng` attributes
 * and each asked only for what is still missing.
 *
 * The pool is then "the nearest rings that fill it", not the exact nearest documents: inside a ring
 * that holds more than is asked for, Meilisearch picks any. The API re-scores the pool by exact
 * distance anyway; what that changes against `_geo` sorting was measured (docs/performance.md).
 */

/** Where a nearest-first query looks: around this point, out to this radius, starting this small. */
export interface NearestFirst {
  lat: number;
  lng: number;
  radiusKm: number;
  firstKm: number;
}

/** The rings' outer radii: `firstKm`, doubling, and the radius itself last. */
export function ringRadii(n: NearestFirst): number[] {
  const radii: number[] = [];
  for (let r = Math.max(n.firstKm, 0.1); r < n.radiusKm; r *= 2) radii.push(r);
  radii.push(n.radiusKm);
  return radii;
}

/** A query as planned by the matching; `nearestFirst` ones carry no box of their own. */
export type PlannedQuery = MultiSearchQuery & { filter?: string[]; nearestFirst?: NearestFirst };

/** The lat/lng filter of ring `i` of `radii`: inside box i, outside box i − 1. */
export function ringFilter(
  lat: number,
  lng: number,
  radii: readonly number[],
  i: number,
): string[] {
  const outer = box(lat, lng, radii[i]);
  return i === 0 ? outer : [...outer, `NOT (${box(lat, lng, radii[i - 1]).join(' AND ')})`];
}

/** The request Meilisearch sees for ring `i` of a planned query, asking for `limit` more. */
export function ringQuery(q: PlannedQuery, i: number, limit: number): MultiSearchQuery {
  const { nearestFirst, ...query } = q;
  if (!nearestFirst) return query;
  const radii = ringRadii(nearestFirst);
  return {
    ...query,
    limit,
    filter: [...(query.filter ?? []), ...ringFilter(nearestFirst.lat, nearestFirst.lng, radii, i)],
  };
}

/** Each query's hits, typed by the caller that knows the index. */
type Hits = { hits: unknown[] };

/**
 * Sends each group as one multi-search, the groups side by side (Meilisearch answers the queries of
 * one request one after the other, separate requests on separate threads). Inside a group, the
 * nearest-first queries that are still short ask the next ring in the group's next request.
 * Results come back in the order of the queries given.
 */
export async function runPlan(
  client: MeiliSearch,
  groups: PlannedQuery[][],
): Promise<{ results: Hits[] }> {
  const answers = await Promise.all(groups.map((group) => runGroup(client, group)));
  return { results: answers.flat() };
}

async function runGroup(client: MeiliSearch, group: PlannedQuery[]): Promise<Hits[]> {
  const wanted = group.map((q) => q.limit ?? 20);
  const rings = group.map((q) => (q.nearestFirst ? ringRadii(q.nearestFirst).length : 1));
  const first = await client.multiSearch({
    queries: group.map((q, i) => ringQuery(q, 0, wanted[i])),
  });
  const hits: unknown[][] = first.results.map((r) => [...r.hits]);
  for (let ring = 1; ring < Math.max(...rings); ring++) {
    const short = group
      .map((q, i) => i)
      .filter((i) => ring < rings[i] && hits[i].length < wanted[i]);
    if (!short.length) break;
    const next = await client.multiSearch({
      queries: short.map((i) => ringQuery(group[i], ring, wanted[i] - hits[i].length)),
    });
    next.results.forEach((r, j) => hits[short[j]].push(...r.hits));
  }
  return hits.map((h) => ({ hits: h }));
}

export const alone = (queries: PlannedQuery[]) => queries.map((query) => [query]);
