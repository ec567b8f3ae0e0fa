import { ARRANGEMENTS, type Arrangement } from '@werkbrug/domain';
import { arrangementName, hoursWords } from '@werkbrug/kandidaat-pages';
import type { VacancySearchService } from '@werkbrug/matching';
import { isOneOf, type Choice, type PageModel } from '@werkbrug/web';

type SearchResult = Awaited<ReturnType<VacancySearchService['search']>>;
type Hit = SearchResult['items'][number];

/** The search's filters as the query string carries them (Dutch names). */
export interface WorkplaceParams {
  zoek?: string;
  werksoort?: string;
  vorm?: string;
}

/** The filters, checked: an unknown werksoort or arrangement is no filter. */
export function workplaceFilters(raw: WorkplaceParams, kinds: { code: string }[]) {
  const vorm = raw.vorm ?? '';
  return {
    q: (raw.zoek ?? '').slice(0, 200),
    werksoort: kinds.some((k) => k.code === raw.werksoort) ? raw.werksoort : undefined,
    arrangement: isOneOf<Arrangement>(ARRANGEMENTS, vorm) ? vorm : undefined,
  };
}
export type WorkplaceFilters = ReturnType<typeof workplaceFilters>;

/** The page `werkmakelaar/werkplekken`. */
export interface WorkplacesView extends PageModel {
  title: string;
  values: { zoek: string; werksoort: string; vorm: string };
  werksoortOptions: Choice[];
  arrangementOptions: Choice[];
  searchDown: boolean;
  total: number;
  items: (Hit & { werksoortName: string; hours: string; arrangementText: string })[];
}

export function workplacesView(
  filters: WorkplaceFilters,
  kinds: { code: string; name: string }[],
  result: SearchResult | null,
): WorkplacesView {
  const name = new Map(kinds.map((k) => [k.code, k.name]));
  return {
    title: 'Werkplekken zoeken',
    values: {
      zoek: filters.q,
      werksoort: filters.werksoort ?? '',
      vorm: filters.arrangement ?? '',
    },
    werksoortOptions: [
      { value: '', text: 'Alle soorten werk' },
      ...kinds.map((k) => ({
        value: k.code,
        text: `${k.name} (${result?.facets.werksoort[k.code] ?? 0})`,
      })),
    ],
    arrangementOptions: [
      { value: '', text: 'Alle vormen' },
      ...ARRANGEMENTS.map((a) => ({
        value: a,
        text: `${arrangementName(a)} (${result?.facets.arrangement[a] ?? 0})`,
      })),
    ],
    searchDown: result === null,
    total: result?.estimatedTotalHits ?? 0,
    items: (result?.items ?? []).map((v) => ({
      ...v,
      werksoortName: name.get(v.werksoort.code) ?? v.werksoort.name,
      hours: hoursWords(v.hoursMin, v.hoursMax),
      arrangementText: v.arrangements.map((a) => arrangementName(a)).join(', '),
    })),
  };
}
