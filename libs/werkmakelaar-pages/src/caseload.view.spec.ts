import type { CaseloadPage } from '@werkbrug/caseload';
import { caseloadLink, caseloadQuery, caseloadView, type CaseloadParams } from './caseload.view';

const page = (over: Partial<CaseloadPage> = {}): CaseloadPage => ({
  today: '2026-11-20',
  items: [],
  total: 0,
  page: 1,
  limit: 25,
  counts: {},
  ...over,
});

describe('caseload view', () => {
  it.each<[string, CaseloadParams, Partial<ReturnType<typeof caseloadQuery>>]>([
    ['defaults', {}, { owner: 'me', sort: 'attention', page: 1, limit: 25, attention: undefined }],
    ['whole organisation', { wie: 'alle' }, { owner: 'all' }],
    ['known attention', { aandacht: 'NO_CONTACT' }, { attention: 'NO_CONTACT' }],
    ['unknown attention', { aandacht: 'x' }, { attention: undefined }],
    ['unknown sort', { sorteer: 'salary' }, { sort: 'attention' }],
    ['known sort', { sorteer: '-name' }, { sort: '-name' }],
    ['page clamped', { pagina: '5000' }, { page: 1000 }],
    ['page not a number', { pagina: 'abc' }, { page: 1 }],
    ['search cut at 100', { zoek: 'a'.repeat(150) }, { q: 'a'.repeat(100) }],
  ])('reads the query: %s', (_, raw, expected) => {
    expect(caseloadQuery(raw)).toMatchObject(expected);
  });

  it.each<[CaseloadParams, number, string]>([
    [{}, 2, '/werkmakelaar?sorteer=attention&pagina=2'],
    [{ wie: 'alle', zoek: 'Jan' }, 1, '/werkmakelaar?wie=alle&zoek=Jan&sorteer=attention&pagina=1'],
  ])('links to a page with the same filters (%j, %i)', (raw, n, href) => {
    expect(caseloadLink(raw, caseloadQuery(raw), n)).toBe(href);
  });

  it.each<[number, number, number, boolean, boolean]>([
    // total, page, pages, prev, next
    [0, 1, 1, false, false],
    [60, 1, 3, false, true],
    [60, 3, 3, true, false],
  ])('pages: %i candidates, page %i', (total, current, pages, prev, next) => {
    const view = caseloadView({}, caseloadQuery({}), page({ total, page: current }));
    expect(view.pages).toBe(pages);
    expect(view.prev !== null).toBe(prev);
    expect(view.next !== null).toBe(next);
  });

  it('puts the counts in the cards and options, in Dutch', () => {
    const view = caseloadView({}, caseloadQuery({}), page({ counts: { any: 3, NO_CONTACT: 2 } }));
    expect(view.cards[0]).toEqual({
      code: 'NO_CONTACT',
      n: 2,
      text: 'Geen contact in 14 dagen',
      href: '/werkmakelaar?sorteer=attention&pagina=1&aandacht=NO_CONTACT',
    });
    expect(view.attentionOptions[1]).toEqual({ value: 'any', text: 'Heeft aandacht nodig (3)' });
    expect(view.sortOptions[0]).toEqual({
      value: 'attention',
      text: 'Eerst wat aandacht nodig heeft',
    });
  });
});
