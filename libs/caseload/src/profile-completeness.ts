import { addMonths } from '@werkbrug/domain';

/**
 * How complete a candidate's file is, and what is missing. The UWV Kandidatenverkenner failed because
 * most profiles lacked data; the werkmakelaar sees a score and, in plain words, what to add.
 */
export interface CompletenessFacts {
  werksoortWishes: string[];
  interests: string;
  certificates: string[];
  languageLevel: string;
  maxTravelKm: number | null;
  maxTravelMinutes: number | null;
  hasEmail: boolean;
  hasPhone: boolean;
  hasAccount: boolean;
  ladderMeasuredOn: string;
  /** ISO timestamp of the last change to the work profile. */
  updatedAt: string;
}

export interface MissingItem {
  code: string;
  text: string;
}

export interface Completeness {
  score: number;
  missing: MissingItem[];
}

/** A profile or a ladder measurement older than this is stale. */
export const STALE_MONTHS = 6;

const monthsBeforeCache = new Map<string, string>();

/** The date `months` calendar months before `today` (YYYY-MM-DD), clamped to the month's last day. */
export function monthsBefore(today: string, months: number): string {
  const key = `${today}|${months}`;
  const cached = monthsBeforeCache.get(key);
  if (cached) return cached;
  if (monthsBeforeCache.size > 100) monthsBeforeCache.clear();
  const result = addMonths(today, -months);
  monthsBeforeCache.set(key, result);
  return result;
}

interface Check {
  code: string;
  weight: number;
  text: string;
  ok: (f: CompletenessFacts, today: string) => boolean;
}

/** Weights say how much a gap hurts matching and contact; they add up to 100. */
export const COMPLETENESS_CHECKS: readonly Check[] = [
  {
    code: 'WERKSOORT_WISHES',
    weight: 20,
    text: 'Geen werksoort-wensen',
    ok: (f) => f.werksoortWishes.length > 0,
  },
  {
    code: 'INTERESTS',
    weight: 15,
    text: 'Geen interesses ingevuld',
    ok: (f) => f.interests.trim().length > 0,
  },
  {
    code: 'TRAVEL_RANGE',
    weight: 10,
    text: 'Reisafstand niet ingevuld (de standaard van de reiswijze geldt)',
    ok: (f) => f.maxTravelKm !== null || f.maxTravelMinutes !== null,
  },
  {
    code: 'LANGUAGE_LEVEL',
    weight: 5,
    text: 'Taalniveau niet ingevuld',
    ok: (f) => f.languageLevel !== 'geen',
  },
  {
    code: 'CERTIFICATES',
    weight: 5,
    text: 'Geen certificaten of diploma’s vastgelegd',
    ok: (f) => f.certificates.length > 0,
  },
  {
    code: 'EMAIL',
    weight: 15,
    text: 'Geen e-mailadres (nodig voor toestemming en berichten)',
    ok: (f) => f.hasEmail,
  },
  { code: 'PHONE', weight: 5, text: 'Geen telefoonnummer', ok: (f) => f.hasPhone },
  {
    code: 'ACCOUNT',
    weight: 5,
    text: 'Kandidaat heeft nog geen account voor Werkbrug',
    ok: (f) => f.hasAccount,
  },
  {
    code: 'LADDER_RECENT',
    weight: 10,
    text: `Participatieladder langer dan ${STALE_MONTHS} maanden geleden gemeten`,
    ok: (f, today) => f.ladderMeasuredOn >= monthsBefore(today, STALE_MONTHS),
  },
  {
    code: 'PROFILE_RECENT',
    weight: 10,
    text: `Profiel langer dan ${STALE_MONTHS} maanden niet bijgewerkt`,
    ok: (f, today) => f.updatedAt.slice(0, 10) >= monthsBefore(today, STALE_MONTHS),
  },
];

/** Score 0–100 (the share of weighted checks met) and the checks not met, heaviest first. */
export function profileCompleteness(facts: CompletenessFacts, today: string): Completeness {
  let score = 0;
  const missing: (MissingItem & { weight: number })[] = [];
  for (const check of COMPLETENESS_CHECKS) {
    if (check.ok(facts, today)) score += check.weight;
    else missing.push({ code: check.code, text: check.text, weight: check.weight });
  }
  missing.sort((a, b) => b.weight - a.weight);
  return { score, missing: missing.map(({ code, text }) => ({ code, text })) };
}
