/**
 * The model of the pager partial: links to more of one list. A keyset list only goes forward, plus
 * a way back to the start (`firstHref`); a numbered list (`?pagina=`) also goes one page back.
 */
export interface Pager {
  label: string;
  firstHref: string | null;
  nextHref: string | null;
  nextText: string;
  firstText?: string;
  prevHref?: string | null;
  prevText?: string;
}

/** Query parameters a list link keeps (its search and filters); empty ones are left out. */
export type ListParams = Record<string, string | number | null | undefined>;

/** `path?params#anchor`, without empty parameters. */
export function listLink(path: string, params: ListParams, anchor?: string): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== null && value !== '') query.set(key, String(value));
  const text = query.toString();
  return `${path}${text ? `?${text}` : ''}${anchor ? `#${anchor}` : ''}`;
}

/**
 * A cursor from the query string (`?na=`), or undefined for the first page. Anything that is not
 * the shape of our cursors (base64url) is ignored rather than refused: the reader lands on page one.
 */
export function pageCursor(value: unknown): string | undefined {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{1,500}$/.test(value) ? value : undefined;
}

/** A page number from the query string (`?pagina=`): 1 for anything else, at most `max`. */
export function pageNumber(value: unknown, max = 1000): number {
  const n = typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : 1;
  return Math.min(Math.max(1, n), Math.max(1, max));
}

/**
 * Links for one paged list on a page; `anchor` brings the reader back to that list, `params` (a
 * search, a filter) stay in every link.
 */
export function keysetPager(options: {
  path: string;
  anchor: string;
  label: string;
  nextText: string;
  cursor: string | undefined;
  nextCursor: string | null;
  params?: ListParams;
  firstText?: string;
}): Pager {
  const { path, anchor, cursor, nextCursor } = options;
  const params = options.params ?? {};
  return {
    label: options.label,
    firstHref: cursor ? listLink(path, params, anchor) : null,
    nextHref: nextCursor ? listLink(path, { ...params, na: nextCursor }, anchor) : null,
    nextText: options.nextText,
    ...(options.firstText ? { firstText: options.firstText } : {}),
  };
}

/** Links for a numbered list (`?pagina=`): one page back and one page on. */
export function numberedPager(options: {
  path: string;
  anchor: string;
  label: string;
  page: number;
  hasNext: boolean;
  params?: ListParams;
  nextText?: string;
  prevText?: string;
}): Pager {
  const { path, anchor, page } = options;
  const params = options.params ?? {};
  return {
    label: options.label,
    firstHref: null,
    prevHref:
      page > 1 ? listLink(path, { ...params, pagina: page > 2 ? page - 1 : null }, anchor) : null,
    prevText: options.prevText ?? 'Vorige',
    nextHref: options.hasNext ? listLink(path, { ...params, pagina: page + 1 }, anchor) : null,
    nextText: options.nextText ?? 'Volgende',
  };
}
