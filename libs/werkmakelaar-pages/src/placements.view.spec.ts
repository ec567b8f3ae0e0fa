import type { PlacementView } from '@werkbrug/placements';
import { endInput } from './placements.form';
import { placementListView } from './placements.view';

const placement = (id: string, plannedEndDate: string | null, arrangement = 'stage') =>
  ({
    id,
    plannedEndDate,
    arrangement,
    outcome: null,
    status: 'lopend',
    confirmation: { status: 'bevestigd' },
  }) as PlacementView;
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
