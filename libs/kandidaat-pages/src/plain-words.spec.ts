import { ARRANGEMENTS, DAYPARTS, DAYS, TRAVEL_MODES } from '@werkbrug/domain';
import { BLOCKERS } from '@werkbrug/matching';
import {
  ARRANGEMENT_WORDS,
  BLOCKER_HELP,
  DAY_WORDS,
  DAYPART_WORDS,
  dateWords,
  hoursWords,
  kmWords,
  listWords,
  TRAVEL_WORDS,
} from '@werkbrug/kandidaat-pages';

describe('plain words', () => {
  it('has words for every code a candidate page can show', () => {
    expect(Object.keys(ARRANGEMENT_WORDS).sort()).toEqual([...ARRANGEMENTS].sort());
    expect(Object.keys(BLOCKER_HELP).sort()).toEqual(Object.keys(BLOCKERS).sort());
    expect(Object.keys(DAY_WORDS)).toEqual([...DAYS]);
    expect(Object.keys(DAYPART_WORDS)).toEqual([...DAYPARTS]);
    expect(Object.keys(TRAVEL_WORDS)).toEqual([...TRAVEL_MODES]);
  });

  it('keeps sentences short (B1: at most 20 words) and without codes', () => {
    const texts = [
      ...Object.values(ARRANGEMENT_WORDS).flatMap((w) => [w.name, w.explain]),
      ...Object.values(BLOCKER_HELP),
    ];
    for (const text of texts) {
      for (const sentence of text.split(/(?<=[.?!])\s+/))
        expect({ sentence, words: sentence.split(/\s+/).length <= 20 }).toEqual({
          sentence,
          words: true,
        });
      expect(text).not.toMatch(/_|[A-Z]{3,}_/);
    }
  });

  it('explains a proefplaatsing the way the issue asks', () => {
    expect(ARRANGEMENT_WORDS.proefplaatsing.explain).toBe(
      'Je probeert het werk een paar maanden. Je houdt je uitkering.',
    );
    expect(BLOCKER_HELP.CERTIFICATE_MISSING).toBe('Vraag je werkmakelaar naar een cursus.');
  });

  it.each<[string, string]>([
    [kmWords(3.25), '3,3 km'],
    [kmWords(12), '12 km'],
    [hoursWords(12, 24), '12 tot 24 uur per week'],
    [hoursWords(16, 16), '16 uur per week'],
    [listWords([]), ''],
    [listWords(['maandag']), 'maandag'],
    [listWords(['maandag', 'dinsdag']), 'maandag en dinsdag'],
    [listWords(['ma', 'di', 'wo']), 'ma, di en wo'],
    [dateWords('2026-11-29'), '29 november 2026'],
    [dateWords('2026-11-29T23:30:00.000Z'), '30 november 2026'],
  ])('%s', (actual, expected) => {
    expect(actual).toBe(expected);
  });
});
