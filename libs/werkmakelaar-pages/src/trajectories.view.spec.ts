import {
  closeTrajectoryView,
  phaseText,
  trajectoryDone,
  trajectoryListFilter,
  trajectoryListView,
} from './trajectories.view';
import { closeInput, hoursInput } from './trajectory.form';
import type { TrajectorySummaryView, TrajectoryView } from '@werkbrug/trajectories';

describe('trajectory views', () => {
  it.each<[string, number | null, string]>([
    ['diagnose', null, 'Diagnose'],
    ['blok', 2, 'Blok 2'],
    ['einde', null, 'Einde bereikt'],
  ])('phase %s', (phase, block, text) => {
    expect(phaseText(phase, block)).toBe(text);
  });

  it.each<[unknown, string | undefined]>([
    ['uren', 'De uren zijn geboekt.'],
    ['afgesloten', 'Het traject is afgesloten.'],
    ['iets', undefined],
    [undefined, undefined],
    [['uren'], undefined],
  ])('done message for %j', (klaar, text) => {
    expect(trajectoryDone(klaar)).toBe(text);
  });

  it.each([
    [
      { weekStart: '2026-11-23', hours: '7,5' },
      { weekStart: '2026-11-23', hours: 7.5 },
    ],
    [
      { weekStart: '', hours: '' },
      { weekStart: '', hours: 0 },
    ],
  ])('hours form %# as the DTO input', (body, input) => {
    expect(hoursInput(body)).toEqual({ ...input, overrideReason: undefined });
  });

  it.each([
    [{ version: '3', movedAway: 'ja' }, 3, true],
    [{ version: 'x' }, undefined, false],
    [{ version: '0', movedAway: ['nee'] }, undefined, false],
  ])('closing form %#: version and moved away', (body, version, movedAway) => {
    expect(closeInput(body)).toMatchObject({ version, movedAway });
  });

  it('offers each outcome with its hint only where there is one', () => {
    const t = { candidate: { pseudonym: 'K-1' }, version: 4 } as TrajectoryView;
    const view = closeTrajectoryView(t, { endDate: '2026-12-01' });
    expect(view.values).toEqual({ version: '4', endDate: '2026-12-01' });
    expect(view.outcomeOptions[0]).toEqual({
      value: 'werk_proefplaatsing',
      text: 'Werk of een proefplaatsing',
      hint: 'Ook een gewone baan of detachering',
    });
    expect(view.outcomeOptions[1]).toEqual({ value: 'studie', text: 'Een opleiding of studie' });
  });

  it.each<[Record<string, unknown>, object]>([
    [{}, { zoek: '', which: 'lopend', statuses: ['lopend'], page: 1 }],
    [
      { zoek: ' Kees ', welke: 'afgelopen', pagina: '3' },
      { zoek: 'Kees', which: 'afgelopen', statuses: ['afgerond', 'voortijdig_beeindigd'], page: 3 },
    ],
    [
      { welke: 'alle', pagina: 'x' },
      { zoek: '', which: 'alle', statuses: [], page: 1 },
    ],
    [{ welke: 'toString' }, { zoek: '', which: 'lopend', statuses: ['lopend'], page: 1 }],
  ])('the trajectory list filter %j', (raw, filter) => {
    expect(trajectoryListFilter(raw)).toEqual(filter);
  });

  it('the trajectory list: names of the own caseload, twenty a page', () => {
    const t = (id: string, candidateId: string) =>
      ({
        id,
        status: 'lopend',
        route: 'werk',
        form: null,
        outcome: null,
        formDetails: { workplace: 'Atelier', jobcoachName: null, vacancyId: null },
        candidate: { id: candidateId, pseudonym: `K-${candidateId}` },
      }) as unknown as TrajectorySummaryView;
    const view = trajectoryListView(
      trajectoryListFilter({ pagina: '2', zoek: 'a' }),
      { items: [t('t1', 'c1'), t('t2', 'c2')], total: 41 },
      new Map([['c1', 'Sanne de Vries']]),
    );
    expect({
      who: view.items.map((i) => i.who),
      found: view.found,
      prev: view.pager.prevHref,
      next: view.pager.nextHref,
    }).toEqual({
      who: ['Sanne de Vries', 'Kandidaat K-c2'],
      found: '41 trajecten gevonden met “a”, pagina 2 van 3.',
      prev: '/werkmakelaar/trajecten?zoek=a#lijst',
      next: '/werkmakelaar/trajecten?zoek=a&pagina=3#lijst',
    });
  });
});
