/** The model of the pager partial: a keyset list that only goes forward, plus a way back to the start. */
export interface Pager {
  label: string;
  firstHref: string | null;
  nextHref: string | null;
  nextText: string;
}

/**
 * A cursor from the query string (`?na=`), or undefined for the first page. Anything that is not
 * the shape of our cursors (base64url) is ignored rather than refused: the reader lands on page one.
 */
export function pageCursor(value: unknown): string | undefined {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{1,500}$/.test(value) ? value : undefined;
}

/** Links for one paged list on a page; `anchor` brings the reader back to that list. */
export function keysetPager(options: {
  path: string;
  anchor: string;
  label: string;
  nextText: string;
  cursor: string | undefined;
  nextCursor: string | null;
}): Pager {
  const { path, anchor, cursor, nextCursor } = options;
  return {
    label: options.label,
    firstHref: cursor ? `${path}#${anchor}` : null,
    nextHref: nextCursor ? `${path}?na=${encodeURIComponent(nextCursor)}#${anchor}` : null,
    nextText: options.nextText,
  };
}
