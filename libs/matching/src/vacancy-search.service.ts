import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { visibleVacancyIds } from '@werkbrug/vacancies';
import type { Actor } from '@werkbrug/auth';
import { employerVisibleSearchFilter } from '@werkbrug/employers';
import { MeiliClient } from '@werkbrug/search';
import { Problems } from '@werkbrug/http';
import { VacancySearchQuery } from './api/match-query.dto';
import { vacancySummary } from './engine/match-views';
import { withSearch } from './engine/search-errors';
import type { VacancyDocument } from './index-model/documents';
import { VACANCIES } from './index-model/index-settings';

/** Browsing open workplaces: full text with typos and synonyms, facets per werksoort and arrangement. */
@Injectable()
export class VacancySearchService {
  constructor(
    private readonly meili: MeiliClient,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  /** The werkmakelaar's organisation's region (others' visibility does not depend on one). */
  private async regionOf(actor: Actor): Promise<string> {
    if (actor.role !== 'werkmakelaar') return '';
    const rows: { region: string }[] = await this.db.query(
      `SELECT region FROM organisations WHERE id = $1`,
      [actor.organisationId],
    );
    return rows[0]?.region ?? '';
  }

  async search(actor: Actor, query: VacancySearchQuery) {
    const filter = ['open = true'];
    // Who may see a workplace, as a search filter: counts and facets then agree with the page.
    const visible = employerVisibleSearchFilter(actor, await this.regionOf(actor));
    if (visible) filter.push(visible);
    if (query.werksoort) filter.push(`werksoortCode = ${JSON.stringify(query.werksoort)}`);
    if (query.arrangement) filter.push(`arrangements = ${JSON.stringify(query.arrangement)}`);
    let sort: string[] | undefined;
    if (query.near) {
      const [lat, lng] = query.near.split(',').map(Number);
      if (lat < 50.75 || lat > 53.55 || lng < 3.35 || lng > 7.25) {
        throw Problems.validation([{ field: 'near', message: 'near must lie in the Netherlands' }]);
      }
      filter.push(`_geoRadius(${lat}, ${lng}, ${(query.radiusKm ?? 25) * 1000})`);
      if (!query.q) sort = [`_geoPoint(${lat}, ${lng}):asc`];
    }
    const result = await withSearch(() =>
      this.meili.client
        .index(this.meili.indexUid(VACANCIES))
        .search<VacancyDocument>(query.q ?? '', {
          filter,
          sort,
          limit: query.limit ?? 20,
          offset: query.offset ?? 0,
          facets: ['werksoortCode', 'arrangements'],
        }),
    );
    // PostgreSQL stays the authority (a document may lag a change of owner or region by the
    // outbox's delay): the page is checked against employerVisibleSql as well.
    const hits =
      actor.role === 'werkmakelaar'
        ? await (async () => {
            const visible = await visibleVacancyIds(
              this.db,
              actor,
              result.hits.map((h) => h.id),
            );
            return result.hits.filter((h) => visible.has(h.id));
          })()
        : result.hits;
    return {
      items: hits.map((hit) => {
        const metres = (hit as { _geoDistance?: number })._geoDistance;
        return {
          ...vacancySummary(hit),
          distanceKm: typeof metres === 'number' ? Math.round(metres / 100) / 10 : null,
        };
      }),
      estimatedTotalHits: result.estimatedTotalHits ?? result.hits.length,
      facets: {
        werksoort: result.facetDistribution?.werksoortCode ?? {},
        arrangement: result.facetDistribution?.arrangements ?? {},
      },
      limit: query.limit ?? 20,
      offset: query.offset ?? 0,
    };
  }
}
