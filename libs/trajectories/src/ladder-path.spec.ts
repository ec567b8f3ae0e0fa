import { ladderPath, measurementDue } from './ladder-path';
import { earlierForms } from './trajectories.service';

describe('participatieladder path', () => {
  it.each([
    [[], []],
    [[{ rung: 3, measuredOn: '2026-01-01' }], []],
    [
      [
        { rung: 2, measuredOn: '2025-01-10' },
        { rung: 2, measuredOn: '2025-06-10' },
        { rung: 4, measuredOn: '2025-12-01' },
        { rung: 3, measuredOn: '2026-05-01' },
      ],
      [
        { from: 2, to: 4, on: '2025-12-01', direction: 'omhoog' },
        { from: 4, to: 3, on: '2026-05-01', direction: 'omlaag' },
      ],
    ],
    // Out of order input is sorted by date first.
    [
      [
        { rung: 5, measuredOn: '2026-03-01' },
        { rung: 1, measuredOn: '2025-03-01' },
      ],
      [{ from: 1, to: 5, on: '2026-03-01', direction: 'omhoog' }],
    ],
  ])('%j → %j', (measurements, steps) => {
    expect(ladderPath(measurements)).toEqual(steps);
  });

  it.each([
    [[], '2026-11-29', null, true],
    [[{ rung: 3, measuredOn: '2026-05-29' }], '2026-11-29', '2026-11-29', false],
    [[{ rung: 3, measuredOn: '2026-05-28' }], '2026-11-29', '2026-11-28', true],
    // The last measurement counts, whatever the order.
    [
      [
        { rung: 3, measuredOn: '2026-09-01' },
        { rung: 2, measuredOn: '2025-01-01' },
      ],
      '2026-11-29',
      '2027-03-01',
      false,
    ],
    // Month ends: 31 August + 6 months is the last day of February.
    [[{ rung: 4, measuredOn: '2026-08-31' }], '2027-03-01', '2027-02-28', true],
  ])('%j on %s: due %s, overdue %s', (measurements, today, dueOn, overdue) => {
    expect(measurementDue(measurements, today)).toEqual({ dueOn, overdue });
  });
});

describe('Simpel Switchen: earlier forms stay one step away', () => {
  const d = (jobcoachName: string) => ({ jobcoachName, vacancyId: null, workplace: null });
  it.each([
    ['no switches', [], 'beschut_werk', []],
    [
      'beschut werk → werkervaringsplaats',
      [{ fromForm: 'beschut_werk', fromDetails: d('Anja'), switchedOn: '2026-03-01' }],
      'werkervaringsplaats',
      [{ form: 'beschut_werk', details: d('Anja'), leftOn: '2026-03-01' }],
    ],
    [
      'and back again: the current form is not offered, the other one is',
      [
        { fromForm: 'beschut_werk', fromDetails: d('Anja'), switchedOn: '2026-03-01' },
        { fromForm: 'werkervaringsplaats', fromDetails: d('Bram'), switchedOn: '2026-06-01' },
      ],
      'beschut_werk',
      [{ form: 'werkervaringsplaats', details: d('Bram'), leftOn: '2026-06-01' }],
    ],
    [
      'a form left twice keeps its latest details',
      [
        { fromForm: 'beschut_werk', fromDetails: d('Anja'), switchedOn: '2026-01-01' },
        { fromForm: 'leerwerkbaan', fromDetails: d('Bram'), switchedOn: '2026-02-01' },
        { fromForm: 'beschut_werk', fromDetails: d('Cor'), switchedOn: '2026-03-01' },
      ],
      'regulier',
      [
        { form: 'beschut_werk', details: d('Cor'), leftOn: '2026-03-01' },
        { form: 'leerwerkbaan', details: d('Bram'), leftOn: '2026-02-01' },
      ],
    ],
  ])('%s', (_name, transitions, current, expected) => {
    expect(earlierForms(transitions, current)).toEqual(expected);
  });
});
