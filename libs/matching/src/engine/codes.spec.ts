import {
  arrangementsInWords,
  blocker,
  BLOCKERS,
  BLOCKERS_ABOUT_CANDIDATE,
  reason,
  REASONS,
  REASONS_ABOUT_CANDIDATE,
  type BlockerCode,
  type ReasonCode,
} from './codes';

const JE = /(?<![\p{L}])(je|jij|jou|jouw)(?![\p{L}])/iu;

describe('reason and blocker texts', () => {
  it('have a text about the candidate for every code, never speaking to them', () => {
    expect(Object.keys(REASONS_ABOUT_CANDIDATE).sort()).toEqual(Object.keys(REASONS).sort());
    expect(Object.keys(BLOCKERS_ABOUT_CANDIDATE).sort()).toEqual(Object.keys(BLOCKERS).sort());
    for (const text of [
      ...Object.values(REASONS_ABOUT_CANDIDATE),
      ...Object.values(BLOCKERS_ABOUT_CANDIDATE),
    ])
      expect(text).not.toMatch(JE);
  });

  it.each<[ReasonCode, Record<string, string | number>, string, string]>([
    [
      'WERKSOORT_WISH_1',
      { werksoort: 'Groen' },
      'Past bij je eerste wens: Groen',
      'Past bij de eerste wens van de kandidaat: Groen',
    ],
    [
      'ARRANGEMENT_FITS',
      { arrangements: arrangementsInWords(['beschut_werk', 'regulier'], 'en') },
      'Deze vorm van werk past bij jou: beschut werk en gewone baan',
      'Vorm van werk past bij de trede van de kandidaat: beschut werk en gewone baan',
    ],
  ])('reason %s: to the candidate and about them', (code, values, toCandidate, aboutCandidate) => {
    expect(reason(code, values).text).toBe(toCandidate);
    expect(reason(code, values, 'werkmakelaar').text).toBe(aboutCandidate);
  });

  it.each<[BlockerCode, number | string | null, Record<string, string>, string, string]>([
    [
      'DEMAND_LIFTING',
      1,
      {},
      'Het tilwerk is 1 stap zwaarder dan je aankunt',
      'Het tilwerk is 1 stap zwaarder dan de kandidaat aankan',
    ],
    [
      'DEMAND_PACE',
      2,
      {},
      'Het tempo is 2 stappen hoger dan je aankunt',
      'Het tempo is 2 stappen hoger dan de kandidaat aankan',
    ],
    [
      'ARRANGEMENT_NOT_ACCEPTED',
      null,
      { offered: arrangementsInWords(['proefplaatsing', 'stage', 'regulier'], 'of') },
      'Geen passende vorm van werk: de werkplek biedt proefplaatsing, stage of gewone baan',
      'Geen passende vorm van werk: de werkplek biedt proefplaatsing, stage of gewone baan',
    ],
    [
      'HOURS_SHORT',
      4,
      {},
      'Je kunt 4 uur per week te weinig werken voor deze plek',
      'De kandidaat kan 4 uur per week te weinig werken voor deze plek',
    ],
  ])('blocker %s (gap %s)', (code, gap, values, toCandidate, aboutCandidate) => {
    expect(blocker(code, gap, values).text).toBe(toCandidate);
    expect(blocker(code, gap, values, 'werkmakelaar').text).toBe(aboutCandidate);
  });

  it('never shows a code or "stap(pen)"', () => {
    for (const text of [...Object.values(BLOCKERS), ...Object.values(BLOCKERS_ABOUT_CANDIDATE)])
      expect(text).not.toContain('(pen)');
    expect(arrangementsInWords(['beschut_werk'], 'of')).toBe('beschut werk');
  });
});
