import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { visibleVacancyIds } from '@werkbrug/vacancies';
import type { Actor } from '@werkbrug/auth';
import { employerVisibleSearchFilter } from '@werkbrug/employers';
import { MeiliClient } from '@werkbrug/search';
import { Problems } from '@werkbrug/http';
import { VacancySearchQuery } from './api/match-query.dto';
import { distanceKm, roundKm } from './engine/matching-rules';
import { discFilter } from './engine/meili-filters';
import { vacancySummary } from './engine/match-views';
import { ringFilter, ringRadii } from './engine/nearest-first';
import { withSearch } from './engine/search-errors';
import type { VacancyDocument } from './index-model/documents';
import { MAX_TOTAL_HITS, VACANCIES } from './index-model/index-settings';
import { queryRows } from '@werkbrug/database';

const FACETS = ['werksoortCode', 'arrangements'];
/** "Nearest first" browsing starts with an eighth of the radius: the order is shown, and exact. */
const BROWSE_FIRST_RING = 1 / 8;

type Point = { lat: number; lng: number };

/** Browsing open workplaces: full text with typos and synonyms, facets per werksoort and arrangement. */
@Injectable()
export class VacancySearchService {
  constructor(
    private readonly meili: MeiliClient,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  /** The organisation's region of a werkmakelaar or a candidate (others' visibility does not depend on one). */
  private async regionOf(actor: Actor): Promise<string> {
    if (actor.role !== 'werkmakelaar' && actor.role !== 'kandidaat') return '';
    const rows = await queryRows<{ region: string }>(
      this.db,
      `SELECT region FROM organisations WHERE id = $1`,
      [actor.organisationId],
    );
    return rows[0]?.region ?? '';
  }

  private index() {
    return this.meili.client.index(this.meili.indexUid(VACANCIES));
  }

  /**
   * The ids of the `wanted` nearest workplaces within the radius, nearest first (then by id). Ring by
   * ring: once a ring's box is read whole, every workplace within that ring's radius is known, so
   * the order is exact as soon as enough lie within it (`_geo` sorting is gone, see nearest-first.ts).
   * A ring holding more than MAX_TOTAL_HITS is read in part; the order within it is then Meilisearch's.
   */
  private async nearestIds(filter: string[], centre: Point, radiusKm: number, wanted: number) {
    const radii = ringRadii({ ...centre, radiusKm, firstKm: radiusKm * BROWSE_FIRST_RING });
    const found: { id: string; km: number }[] = [];
    for (let i = 0; i < radii.length; i++) {
      const ring = await this.index().search<VacancyDocument>('', {
        filter: [...filter, ...ringFilter(centre.lat, centre.lng, radii, i)],
        limit: MAX_TOTAL_HITS,
        attributesToRetrieve: ['id', 'lat', 'lng'],
      });
      for (const hit of ring.hits) found.push({ id: hit.id, km: distanceKm(centre, hit) });
      if (found.filter((f) => f.km <= radii[i]).length >= wanted) break;
    }
    return found
      .filter((f) => f.km <= radiusKm)
      .sort((a, b) => a.km - b.km || a.id.localeCompare(b.id));
  }

  async search(actor: Actor, query: VacancySearchQuery) {
    const filter = ['open = true'];
    // Who may see a workplace, as a search filter: counts and facets then agree with the page.
    const visible = employerVisibleSearchFilter(actor, await this.regionOf(actor));
    if (visible) filter.push(visible);
    if (query.werksoort) filter.push(`werksoortCode = ${JSON.stringify(query.werksoort)}`);
    if (query.isco) filter.push(`iscoCode = ${JSON.stringify(query.isco)}`);
    if (query.arrangement) filter.push(`arrangements = ${JSON.stringify(query.arrangement)}`);
    const limit = query.limit ?? 20;
    const offset = query.offset ?? 0;
    let centre: Point | null = null;
    let radiusKm = 0;
    if (query.near) {
      const [lat, lng] = query.near.split(',').map(Number);
      if (lat < 50.75 || lat > 53.55 || lng < 3.35 || lng > 7.25) {
        throw Problems.validation([{ field: 'near', message: 'near must lie in the Netherlands' }]);
      }
      centre = { lat, lng };
      radiusKm = query.radiusKm ?? 25;
    }
    const within = centre ? [...filter, discFilter(centre.lat, centre.lng, radiusKm)] : filter;
    const { result, hits } = await withSearch(async () => {
      if (centre && !query.q) {
        // Nearest first: counts and facets over the circle, the page from the rings.
        const [counts, nearest] = await Promise.all([
          this.index().search('', { filter: within, limit: 0, facets: FACETS }),
          this.nearestIds(filter, centre, radiusKm, offset + limit),
        ]);
        const ids = nearest.slice(offset, offset + limit).map((n) => n.id);
        const docs = ids.length
          ? (await this.index().getDocuments<VacancyDocument>({ ids, limit: ids.length })).results
          : [];
        const byId = new Map(docs.map((d) => [d.id, d]));
        return {
          result: counts,
          hits: ids.map((id) => byId.get(id)).filter((d): d is VacancyDocument => !!d),
        };
      }
      const found = await this.index().search<VacancyDocument>(query.q ?? '', {
        filter: within,
        limit,
        offset,
        facets: FACETS,
      });
      return { result: found, hits: found.hits as VacancyDocument[] };
    });
    // The slabs of the circle's filter reach a little beyond it: the exact distance decides.
    const inRadius = centre ? hits.filter((h) => distanceKm(centre, h) <= radiusKm) : hits;
    // PostgreSQL stays the authority (a document may lag a change of owner or region by the
    // outbox's delay): the page is checked against employerVisibleSql as well.
    const shown =
      actor.role === 'werkmakelaar' || actor.role === 'kandidaat'
        ? await (async () => {
            const ids = await visibleVacancyIds(
              this.db,
              actor,
              inRadius.map((h) => h.id),
            );
            return inRadius.filter((h) => ids.has(h.id));
          })()
        : inRadius;
    return {
      items: shown.map((hit) => ({
        ...vacancySummary(hit),
        distanceKm: centre ? roundKm(distanceKm(centre, hit)) : null,
      })),
      estimatedTotalHits: result.estimatedTotalHits ?? hits.length,
      facets: {
        werksoort: result.facetDistribution?.werksoortCode ?? {},
        arrangement: result.facetDistribution?.arrangements ?? {},
      },
      limit,
      offset,
    };
  }
}
