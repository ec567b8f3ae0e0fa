import type { PlacementView } from '@werkbrug/placements';
import { endInput } from './placements.form';
import { placementListView } from './placements.view';

const placement = (
  id: string,
  plannedEndDate: string | null,
  arrangement = 'stage',
  candidate = { id: 'c1', pseudonym: 'K-000001' },
) => ({ id, plannedEndDate, arrangement, outcome: null, candidate }) as PlacementView;
const pager = { label: 'x', firstHref: null, nextHref: null, nextText: 'y' };

describe('placement views', () => {
  it.each<[string | null, 'ending' | 'running']>([
    ['2026-11-25', 'ending'],
    ['2026-12-04', 'ending'],
    ['2026-12-05', 'running'],
    [null, 'running'],
  ])('planned to end on %s: %s', (end, group) => {
    const view = placementListView([placement('a', end)], [], pager, '2026-11-20');
    expect(view[group].map((p) => p.id)).toEqual(['a']);
  });

  it.each([
    ['groepsdetachering', 'Werken in een groep'],
    ['stage', 'Stage'],
    ['onbekend', 'onbekend'],
  ])('the arrangement %s in words', (code, text) => {
    const view = placementListView([placement('a', null, code)], [], pager, '2026-11-20');
    expect(view.running[0]?.arrangementText).toBe(text);
  });

  it('names the own caseload, a colleague’s candidate by pseudonym', () => {
    const view = placementListView(
      [placement('a', null), placement('b', null, 'stage', { id: 'c2', pseudonym: 'K-000002' })],
      [],
      pager,
      '2026-11-20',
      { names: new Map([['c1', 'Sanne de Vries']]) },
    );
    expect(view.running.map((p) => p.who)).toEqual(['Sanne de Vries', 'Kandidaat K-000002']);
  });

  it.each<[number | undefined, string[], string | null, string | null]>([
    [undefined, ['p1', 'p20'], null, '/werkmakelaar/plaatsingen?zoek=x&pagina=2#lopend'],
    [2, ['p21', 'p25'], '/werkmakelaar/plaatsingen?zoek=x#lopend', null],
    [7, ['p21', 'p25'], '/werkmakelaar/plaatsingen?zoek=x#lopend', null],
  ])('running page %j: twenty at a time', (runningPage, [first, last], prevHref, nextHref) => {
    const running = Array.from({ length: 25 }, (_, i) => placement(`p${i + 1}`, null));
    const view = placementListView(running, [], pager, '2026-11-20', { zoek: 'x', runningPage });
    expect({
      first: view.running[0]?.id,
      last: view.running[view.running.length - 1]?.id,
      count: view.runningCount,
      prevHref: view.runningPager.prevHref,
      nextHref: view.runningPager.nextHref,
    }).toEqual({ first, last, count: 25, prevHref, nextHref });
  });

  it.each([
    [
      { outcome: 'contract', endedOn: '2027-01-01', contractMonths: '12', contractHours: '' },
      { outcome: 'contract', endedOn: '2027-01-01', contractMonths: 12, contractHours: undefined },
    ],
    [
      { outcome: 'studie', endedOn: '2027-01-01', contractMonths: '12', contractHours: '20' },
      { outcome: 'studie', endedOn: '2027-01-01' },
    ],
  ])('the ending form %# as the DTO input', (values, input) => {
    expect(endInput(values)).toEqual(input);
  });
});
