/** An organisation's hour rules for learn-work tracks (Ferm Werk: 100 h diagnosis, 350 h blocks, 800 h at most). */
export interface HourRule {
  diagnosisHours: number;
  blockHours: number;
  maxHours: number;
  /** How many hours before an evaluation or the end the werkmakelaar is warned. */
  warnWithinHours: number;
}

export type PhaseName = 'diagnose' | 'blok' | 'einde';

export interface HourStatus {
  used: number;
  left: number;
  phase: PhaseName;
  /** 1, 2 ... while in a block; null in diagnosis and at the end. */
  block: number | null;
  /** Cumulative hours at which the current phase ends (diagnosis end, block evaluation, or the maximum). */
  phaseEndsAt: number;
  hoursToPhaseEnd: number;
  /** The block's evaluation (of the plan van aanpak) is near: within warnWithinHours of the block's end. */
  evaluationNear: boolean;
  /** The maximum is near: within warnWithinHours of maxHours. */
  endNear: boolean;
  limitReached: boolean;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * Where a track stands after `used` hours: diagnosis [0, d), then blocks of at most b hours
 * (each ending in an evaluation) until the maximum m. With 100/350/800: diagnosis to 100 h,
 * block 1 to 450 h, block 2 to 800 h (cut at the maximum).
 */
export function hourStatus(rule: HourRule, usedHours: number): HourStatus {
  const used = round1(usedHours);
  const max = rule.maxHours;
  const left = round1(Math.max(0, max - used));
  const endNear = used < max && max - used <= rule.warnWithinHours;
  if (used >= max) {
    return {
      used,
      left,
      phase: 'einde',
      block: null,
      phaseEndsAt: max,
      hoursToPhaseEnd: 0,
      evaluationNear: false,
      endNear: false,
      limitReached: true,
    };
  }
  if (used < rule.diagnosisHours) {
    const endsAt = Math.min(rule.diagnosisHours, max);
    return {
      used,
      left,
      phase: 'diagnose',
      block: null,
      phaseEndsAt: endsAt,
      hoursToPhaseEnd: round1(endsAt - used),
      evaluationNear: false,
      endNear,
      limitReached: false,
    };
  }
  const block = Math.floor((used - rule.diagnosisHours) / rule.blockHours) + 1;
  const endsAt = Math.min(rule.diagnosisHours + block * rule.blockHours, max);
  const toEnd = round1(endsAt - used);
  return {
    used,
    left,
    phase: 'blok',
    block,
    phaseEndsAt: endsAt,
    hoursToPhaseEnd: toEnd,
    // A block that ends at the maximum ends the track, not in an evaluation: endNear says that.
    evaluationNear: endsAt < max && toEnd <= rule.warnWithinHours,
    endNear,
    limitReached: false,
  };
}

/** Whether logging `extra` hours would go beyond the maximum. */
export const exceedsMax = (rule: HourRule, used: number, extra: number) =>
  round1(used + extra) > rule.maxHours;
