import { keysetPager, pageCursor } from './pager';

describe('pageCursor', () => {
  it.each<[unknown, string | undefined]>([
    ['eyJ2IjoiMjAyNiJ9', 'eyJ2IjoiMjAyNiJ9'],
    [undefined, undefined],
    ['', undefined],
    ['<script>', undefined],
    [['a', 'b'], undefined],
    ['a'.repeat(501), undefined],
  ])('%j → %j', (value, cursor) => {
    expect(pageCursor(value)).toBe(cursor);
  });
});

describe('keysetPager', () => {
  const base = { path: '/p', anchor: 'lijst', label: 'Lijst', nextText: 'Oudere' };
  it.each<[string | undefined, string | null, string | null, string | null]>([
    [undefined, 'c2', null, '/p?na=c2#lijst'],
    ['c1', 'c2', '/p#lijst', '/p?na=c2#lijst'],
    ['c1', null, '/p#lijst', null],
    [undefined, null, null, null],
  ])('cursor %j, next %j', (cursor, nextCursor, firstHref, nextHref) => {
    expect(keysetPager({ ...base, cursor, nextCursor })).toEqual({
      label: 'Lijst',
      nextText: 'Oudere',
      firstHref,
      nextHref,
    });
  });
});
