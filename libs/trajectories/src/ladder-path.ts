import { addMonths } from '@werkbrug/domain';

/** A measurement on the participatieladder (1–6). */
export interface Rung {
  rung: number;
  measuredOn: string;
}

export interface LadderStep {
  from: number;
  to: number;
  on: string;
  direction: 'omhoog' | 'omlaag';
}

/** A measurement is due at least twice a year: more than six months after the last one it is overdue. */
export const MEASUREMENT_INTERVAL_MONTHS = 6;

/** The path up and down the ladder: one step per change of rung, in date order. */
export function ladderPath(measurements: readonly Rung[]): LadderStep[] {
  const sorted = [...measurements].sort((a, b) => a.measuredOn.localeCompare(b.measuredOn));
  const steps: LadderStep[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1] as Rung;
    const cur = sorted[i] as Rung;
    if (cur.rung !== prev.rung)
      steps.push({
        from: prev.rung,
        to: cur.rung,
        on: cur.measuredOn,
        direction: cur.rung > prev.rung ? 'omhoog' : 'omlaag',
      });
  }
  return steps;
}

/** When the next measurement is due, and whether that date has passed (null: never measured). */
export function measurementDue(
  measurements: readonly Rung[],
  today: string,
): { dueOn: string | null; overdue: boolean } {
  if (!measurements.length) return { dueOn: null, overdue: true };
  const last = measurements.reduce((a, b) => (b.measuredOn > a.measuredOn ? b : a));
  const dueOn = addMonths(last.measuredOn, MEASUREMENT_INTERVAL_MONTHS);
  return { dueOn, overdue: dueOn < today };
}
