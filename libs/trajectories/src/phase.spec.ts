import { exceedsMax, hourStatus, type HourRule } from './phase';

const FERM_WERK: HourRule = {
  diagnosisHours: 100,
  blockHours: 350,
  maxHours: 800,
  warnWithinHours: 40,
};

describe('hourStatus (Ferm Werk 100/350/800, warned 40 h ahead)', () => {
  it.each([
    // used, phase, block, endsAt, toEnd, evaluationNear, endNear, limitReached, left
    [0, 'diagnose', null, 100, 100, false, false, false, 800],
    [99.5, 'diagnose', null, 100, 0.5, false, false, false, 700.5],
    [100, 'blok', 1, 450, 350, false, false, false, 700],
    [409.5, 'blok', 1, 450, 40.5, false, false, false, 390.5],
    [410, 'blok', 1, 450, 40, true, false, false, 390],
    [449.9, 'blok', 1, 450, 0.1, true, false, false, 350.1],
    [450, 'blok', 2, 800, 350, false, false, false, 350],
    // The second block ends at the maximum: that is the end, not an evaluation.
    [760, 'blok', 2, 800, 40, false, true, false, 40],
    [799, 'blok', 2, 800, 1, false, true, false, 1],
    [800, 'einde', null, 800, 0, false, false, true, 0],
    [812, 'einde', null, 800, 0, false, false, true, 0],
  ])(
    '%p h → %p block %p (ends at %p)',
    (used, phase, block, endsAt, toEnd, evaluationNear, endNear, limitReached, left) => {
      expect(hourStatus(FERM_WERK, used as number)).toEqual({
        used,
        left,
        phase,
        block,
        phaseEndsAt: endsAt,
        hoursToPhaseEnd: toEnd,
        evaluationNear,
        endNear,
        limitReached,
      });
    },
  );

  it.each([
    // Another organisation's rules: 80 h diagnosis, blocks of 200, 500 at most (last block cut at 500).
    [
      { diagnosisHours: 80, blockHours: 200, maxHours: 500, warnWithinHours: 20 },
      300,
      'blok',
      2,
      480,
    ],
    [
      { diagnosisHours: 80, blockHours: 200, maxHours: 500, warnWithinHours: 20 },
      480,
      'blok',
      3,
      500,
    ],
    // A maximum inside the diagnosis: the diagnosis ends there.
    [
      { diagnosisHours: 100, blockHours: 50, maxHours: 100, warnWithinHours: 0 },
      20,
      'diagnose',
      null,
      100,
    ],
  ])('rules are data: %p at %p h → %p %p until %p', (rule, used, phase, block, endsAt) => {
    const s = hourStatus(rule, used);
    expect([s.phase, s.block, s.phaseEndsAt]).toEqual([phase, block, endsAt]);
  });

  it.each([
    [790, 10, false],
    [790, 10.5, true],
    [800, 0.5, true],
    [0, 80, false],
  ])('exceedsMax(used %p, extra %p) = %p', (used, extra, expected) => {
    expect(exceedsMax(FERM_WERK, used, extra)).toBe(expected);
  });
});
