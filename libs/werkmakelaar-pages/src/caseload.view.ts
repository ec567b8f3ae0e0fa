import {
  ATTENTION_CODES,
  CASELOAD_SORTS,
  type CaseloadPage,
  type CaseloadQuery,
  type CaseloadRow,
} from '@werkbrug/caseload';
import { labelOf } from '@werkbrug/domain';
import { isOneOf, labelChoices, type Choice, type PageModel } from '@werkbrug/web';

/** The caseload's filters as the query string carries them (Dutch names). */
export interface CaseloadParams {
  wie?: string;
  zoek?: string;
  aandacht?: string;
  sorteer?: string;
  pagina?: string;
}

/** The page `werkmakelaar/caseload`. */
export interface CaseloadView extends PageModel {
  title: string;
  values: { zoek: string; aandacht: string; sorteer: string; wie: 'alle' | 'mij' };
  attentionOptions: Choice[];
  sortOptions: Choice[];
  ownerOptions: Choice[];
  cards: { code: string; n: number; text: string; href: string }[];
  rows: (CaseloadRow & { missing: string[] })[];
  total: number;
  page: number;
  pages: number;
  prev: string | null;
  next: string | null;
}

const ATTENTION_FILTERS = ['any', ...ATTENTION_CODES] as const;
const CARD_CODES = ['NO_CONTACT', 'PLACEMENT_ENDING', 'INTEREST_SIGNAL', 'CONSENT_WAITING'];

/** The query string into the service's query; anything unknown falls back to the default. */
export function caseloadQuery(raw: CaseloadParams): CaseloadQuery {
  const attention = raw.aandacht ?? '';
  const sort = raw.sorteer ?? '';
  return {
    owner: raw.wie === 'alle' ? 'all' : 'me',
    q: (raw.zoek ?? '').slice(0, 100) || undefined,
    attention: isOneOf(ATTENTION_FILTERS, attention) ? attention : undefined,
    sort: isOneOf(CASELOAD_SORTS, sort) ? sort : 'attention',
    page: Math.max(1, Math.min(1000, Number.parseInt(raw.pagina ?? '1', 10) || 1)),
    limit: 25,
  };
}

/** The link to one page of the caseload with the same filters. */
export function caseloadLink(raw: CaseloadParams, query: CaseloadQuery, page: number): string {
  const params = new URLSearchParams({
    ...(raw.wie ? { wie: raw.wie } : {}),
    ...(query.q ? { zoek: query.q } : {}),
    ...(query.attention ? { aandacht: query.attention } : {}),
    sorteer: query.sort ?? 'attention',
    pagina: String(page),
  });
  return `/werkmakelaar?${params.toString()}`;
}

export function caseloadView(
  raw: CaseloadParams,
  query: CaseloadQuery,
  result: CaseloadPage,
): CaseloadView {
  const pages = Math.max(1, Math.ceil(result.total / result.limit));
  const link = (page: number) => caseloadLink(raw, query, page);
  return {
    title: 'Mijn kandidaten',
    values: {
      zoek: query.q ?? '',
      aandacht: query.attention ?? '',
      sorteer: query.sort ?? 'attention',
      wie: raw.wie === 'alle' ? 'alle' : 'mij',
    },
    attentionOptions: [
      { value: '', text: 'Iedereen' },
      { value: 'any', text: `Heeft aandacht nodig (${result.counts.any ?? 0})` },
      ...ATTENTION_CODES.map((c) => ({
        value: c,
        text: `${labelOf('attention', c)} (${result.counts[c] ?? 0})`,
      })),
    ],
    sortOptions: labelChoices('caseloadSort', CASELOAD_SORTS),
    ownerOptions: [
      { value: 'mij', text: 'Mijn kandidaten' },
      { value: 'alle', text: 'Hele organisatie' },
    ],
    cards: CARD_CODES.map((code) => ({
      code,
      n: result.counts[code] ?? 0,
      text: labelOf('attention', code),
      href: link(1).replace(/aandacht=[^&]*&?/, '') + `&aandacht=${code}`,
    })),
    rows: result.items.map((r) => ({
      ...r,
      missing: r.completeness.missing.slice(0, 2).map((m) => m.text),
    })),
    total: result.total,
    page: result.page,
    pages,
    prev: result.page > 1 ? link(result.page - 1) : null,
    next: result.page < pages ? link(result.page + 1) : null,
  };
}
