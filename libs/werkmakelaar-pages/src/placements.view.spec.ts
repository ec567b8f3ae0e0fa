import type { PlacementView } from '@werkbrug/placements';
import { endInput } from './placements.form';
import { confirmationWords, endQuestion, placementListView } from './placements.view';

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

  const confirmation = (fields: Partial<PlacementView['confirmation']>) =>
    ({
      status: 'lopend',
      confirmation: {
        status: 'te_bevestigen',
        confirmedAt: null,
        via: null,
        phoneAgreedOn: null,
        changeRequest: null,
        changeRequestedAt: null,
        confirmedBy: null,
        note: null,
        ...fields,
      },
    }) as PlacementView;
  it.each([
    [{}, 'Wacht op bevestiging van de werkgever', /e-mail gekregen/, true],
    [
      {
        status: 'wijziging_gevraagd',
        changeRequest: 'Later',
        changeRequestedAt: '2026-12-07T10:00:00Z',
      },
      'Werkgever vraagt een wijziging',
      /vraagt eerst een wijziging/,
      true,
    ],
    [
      {
        status: 'bevestigd',
        via: 'werkgever',
        confirmedAt: '2026-12-08T10:00:00Z',
        confirmedBy: { userId: 'u', name: 'Gert Groen' },
      },
      'Bevestigd door de werkgever',
      /^De werkgever heeft de plaatsing bevestigd in Werkbrug op 8 december 2026 \(Gert Groen\)\.$/,
      false,
    ],
    [
      {
        status: 'bevestigd',
        via: 'telefoon',
        confirmedAt: '2026-12-08T10:00:00Z',
        phoneAgreedOn: '2026-12-03',
        confirmedBy: { userId: 'u', name: 'Wim Makelaar' },
        note: 'Gebeld',
      },
      'Bevestigd door de werkgever',
      /^De werkgever gaf telefonisch akkoord op 3 december 2026\. Vastgelegd door Wim Makelaar\.$/,
      false,
    ],
    [
      { status: 'bevestigd', confirmedAt: '2026-01-01T10:00:00Z' },
      'Bevestigd door de werkgever',
      /voordat werkgevers in Werkbrug bevestigden/,
      false,
    ],
  ] as const)('the confirmation %j in words', (fields, text, sentence, open) => {
    const words = confirmationWords(confirmation(fields as Partial<PlacementView['confirmation']>));
    expect(words).toMatchObject({ text, sentence: expect.stringMatching(sentence), open });
    expect(words.changeRequest).toEqual(
      'changeRequest' in fields ? { text: 'Later', on: '7 december 2026' } : null,
    );
  });
});

describe('ending a placement asks first', () => {
  const p = {
    id: 'pl1',
    candidate: { id: 'c1', pseudonym: 'K-12' },
    vacancy: { id: 'v1', title: 'Hovenier', employerName: 'Groen BV' },
    confirmation: { status: 'bevestigd' },
  } as PlacementView;

  it('names who, where, when and how, and carries the answers and the version on', () => {
    const q = endQuestion(
      p,
      { outcome: 'contract', endedOn: '2027-04-01', contractMonths: '12', contractHours: '' },
      3,
    );
    expect(q.title).toBe('Wilt u de plaatsing van Kandidaat K-12 beëindigen?');
    expect(q.consequences[0]).toBe('De plaatsing als Hovenier bij Groen BV stopt op 1 april 2027.');
    expect(q.consequences[1]).toContain('Contract bij de werkgever');
    expect(q.action).toBe('/werkmakelaar/plaatsingen/pl1/beeindigen');
    expect(q.hidden).toEqual([
      { name: 'outcome', value: 'contract' },
      { name: 'endedOn', value: '2027-04-01' },
      { name: 'contractMonths', value: '12' },
      { name: 'version', value: '3' },
    ]);
    expect(q.warning).toBe(true);
  });
});
