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

const addMonths = (isoDate: string, months: number): string => {
  const [y, m, d] = isoDate.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
};

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
