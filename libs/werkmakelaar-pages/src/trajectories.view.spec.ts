import { closeTrajectoryView, phaseText, trajectoryNotice } from './trajectories.view';
import { closeInput, hoursInput } from './trajectory.form';
import type { TrajectoryView } from '@werkbrug/trajectories';

describe('trajectory views', () => {
  it.each<[string, number | null, string]>([
    ['diagnose', null, 'Diagnose'],
    ['blok', 2, 'Blok 2'],
    ['einde', null, 'Einde bereikt'],
  ])('phase %s', (phase, block, text) => {
    expect(phaseText(phase, block)).toBe(text);
  });

  it.each<[string, string, string]>([
    [
      'hours',
      trajectoryNotice.hours({ weekStart: '2026-01-05', hours: '7,5' }),
      'De uren zijn geboekt: 7,5 uur in de week van 5 januari 2026.',
    ],
    [
      'switch',
      trajectoryNotice.switched({ toForm: 'werkervaringsplaats', switchedOn: '2026-02-02' }),
      'De wissel naar werkervaringsplaats is vastgelegd. Die geldt vanaf 2 februari 2026.',
    ],
    [
      'goal',
      trajectoryNotice.goal({ description: 'Op tijd komen' }),
      'Het leerdoel „Op tijd komen” staat in het plan van aanpak.',
    ],
    [
      'goal status',
      trajectoryNotice.goalStatus('behaald'),
      'De status van het leerdoel is opgeslagen: behaald.',
    ],
    [
      'closed',
      trajectoryNotice.closed({ outcome: 'studie', endDate: '2026-06-01' }),
      'Het traject is afgesloten op 1 juni 2026. Uitkomst: Een opleiding of studie.',
    ],
  ])('the banner after %s', (_what, text, expected) => {
    expect(text).toBe(expected);
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
});
