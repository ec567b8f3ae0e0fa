import {
  keysetPager,
  listLink,
  numberedPager,
  pageCursor,
  pageNumber,
  type ListParams,
} from './pager';

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

describe('keysetPager with a search kept', () => {
  it('keeps the parameters in both links, leaves empty ones out', () => {
    expect(
      keysetPager({
        path: '/p',
        anchor: 'lijst',
        label: 'Lijst',
        nextText: 'Meer',
        cursor: 'c1',
        nextCursor: 'c2',
        params: { zoek: 'de vries', status: '' },
      }),
    ).toEqual({
      label: 'Lijst',
      nextText: 'Meer',
      firstHref: '/p?zoek=de+vries#lijst',
      nextHref: '/p?zoek=de+vries&na=c2#lijst',
    });
  });
});

describe('pageNumber', () => {
  it.each<[unknown, number | undefined, number]>([
    ['2', undefined, 2],
    [undefined, undefined, 1],
    ['0', undefined, 1],
    ['-3', undefined, 1],
    ['abc', undefined, 1],
    [['2'], undefined, 1],
    ['9', 5, 5],
    ['1234567', undefined, 1],
  ])('%j (max %j) → %j', (value, max, page) => {
    expect(pageNumber(value, max)).toBe(page);
  });
});

describe('numberedPager', () => {
  const base = { path: '/p', anchor: 'lijst', label: 'Lijst', params: { zoek: 'x' } };
  it.each<[number, boolean, string | null, string | null]>([
    [1, true, null, '/p?zoek=x&pagina=2#lijst'],
    [2, true, '/p?zoek=x#lijst', '/p?zoek=x&pagina=3#lijst'],
    [3, false, '/p?zoek=x&pagina=2#lijst', null],
    [1, false, null, null],
  ])('page %j, more %j', (page, hasNext, prevHref, nextHref) => {
    expect(numberedPager({ ...base, page, hasNext, nextText: 'Toon meer' })).toEqual({
      label: 'Lijst',
      firstHref: null,
      prevHref,
      prevText: 'Vorige',
      nextHref,
      nextText: 'Toon meer',
    });
  });
});

describe('listLink', () => {
  it.each<[ListParams, string | undefined, string]>([
    [{}, undefined, '/p'],
    [{ a: '', b: null, c: undefined }, 'x', '/p#x'],
    [{ zoek: 'a&b', pagina: 2 }, undefined, '/p?zoek=a%26b&pagina=2'],
  ])('%j #%j → %s', (params, anchor, link) => {
    expect(listLink('/p', params, anchor)).toBe(link);
  });
});
