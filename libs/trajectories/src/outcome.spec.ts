import { bucketFor, classify, statusForOutcome } from './outcome';
import { TRAJECTORY_OUTCOMES, type TrajectoryOutcome } from './vocabulary';

describe('outcome classification', () => {
  it.each([
    ['werk_proefplaatsing', 'afgerond'],
    ['studie', 'afgerond'],
    ['participatie_vrijwilligerswerk', 'afgerond'],
    ['niet_geleid_uitstroom', 'afgerond'],
    ['voortijdig_niet_haalbaar', 'voortijdig_beeindigd'],
    ['voortijdig_zelf_beeindigd', 'voortijdig_beeindigd'],
    ['voortijdig_overig', 'voortijdig_beeindigd'],
  ] as [TrajectoryOutcome, string][])('%s ends as %s', (outcome, status) => {
    expect(statusForOutcome(outcome)).toBe(status);
  });

  it.each([
    [{ outcome: null, endDate: null }, '2026-06-30', 'running'],
    [{ outcome: 'studie', endDate: '2026-06-30' }, '2026-06-30', 'studie'],
    // Ended after the report date: on that date it was still running.
    [{ outcome: 'studie', endDate: '2026-07-01' }, '2026-06-30', 'running'],
    [
      { outcome: 'voortijdig_zelf_beeindigd', endDate: '2026-01-01' },
      '2026-06-30',
      'voortijdigZelfBeeindigd',
    ],
    [{ outcome: 'niet_geleid_uitstroom', endDate: '2026-01-01' }, '2026-06-30', 'nietGeleid'],
    [{ outcome: 'werk_proefplaatsing', endDate: '2025-01-01' }, '2026-06-30', 'werkProefplaatsing'],
  ] as [{ outcome: TrajectoryOutcome | null; endDate: string | null }, string, string][])(
    '%p on %s → %s',
    (t, asOf, bucket) => {
      expect(classify(t, asOf)).toBe(bucket);
    },
  );

  it('puts every outcome in a bucket of its own (no outcome is lost or double counted)', () => {
    const buckets = TRAJECTORY_OUTCOMES.map((o) => bucketFor(o, true));
    expect(new Set(buckets).size).toBe(TRAJECTORY_OUTCOMES.length);
    expect(buckets).not.toContain('running');
  });
});
