import { labelOf } from '@werkbrug/domain';

/**
 * Every reason and blocker code with its Dutch (B1) text, in two voices: to the candidate ("je") and
 * about the candidate, for the werkmakelaar ("de kandidaat"). Codes are stable API values; the table
 * "Reason and blocker codes" in docs/matching.md lists the same codes and texts.
 */
export const REASONS = {
  WERKSOORT_WISH_1: 'Past bij je eerste wens: {werksoort}',
  WERKSOORT_WISH_2: 'Past bij je tweede wens: {werksoort}',
  WERKSOORT_WISH_3: 'Past bij je derde wens: {werksoort}',
  WERKSOORT_WISH_OTHER: 'Past bij een van je wensen: {werksoort}',
  INTERESTS_MATCH: 'Sluit aan bij je interesses',
  WITHIN_TRAVEL_RANGE: '{km} km, binnen je reisafstand ({mode})',
  HOURS_FIT: '{hours} uur per week past bij wat je wilt',
  HOURS_ADJUSTABLE: 'De werkgever kan de uren en tijden aanpassen',
  DAYS_FIT: 'Werkdagen en tijden passen bij je rooster',
  SUPPORT_ON_SITE: 'Een jobcoach is welkom op de werkplek',
  BUDDY_ON_SITE: 'Er is een vaste begeleider op de werkplek',
  DESIRED_CERTIFICATE: 'Je hebt het gewenste certificaat {certificate}',
  REQUIRED_CERTIFICATES_HELD: 'Je hebt de nodige certificaten: {certificates}',
  ARRANGEMENT_FITS: 'Deze vorm van werk past bij jou: {arrangements}',
  WHEELCHAIR_ACCESSIBLE: 'De werkplek is rolstoeltoegankelijk',
} as const;

export const BLOCKERS = {
  ARRANGEMENT_NOT_ACCEPTED: 'Geen passende vorm van werk: de werkplek biedt {offered}',
  TOO_FAR: '{gap} km te ver ({km} km, je reisafstand is {range} km)',
  HOURS_SHORT: 'Je kunt {gap} uur per week te weinig werken voor deze plek',
  HOURS_TOO_FEW: 'De plek heeft {gap} uur per week te weinig voor jou',
  DAYS_MISMATCH: 'Geen gemeenschappelijke werkdag',
  TIME_WINDOW_MISMATCH: 'De werktijden passen niet bij je dagdelen',
  CERTIFICATE_MISSING: 'Certificaat nodig: {gap}',
  LANGUAGE_LEVEL_LOW: 'Taalniveau {required} nodig, je hebt {level}',
  DEMAND_LIFTING: 'Het tilwerk is {gap} {steps} zwaarder dan je aankunt',
  DEMAND_STANDING: 'Er is {gap} {steps} meer staan of lopen dan je aankunt',
  DEMAND_PACE: 'Het tempo is {gap} {steps} hoger dan je aankunt',
  DEMAND_STIMULI: 'Er zijn {gap} {steps} meer prikkels dan je aankunt',
  DEMAND_OUTDOOR: 'Er is {gap} {steps} meer buitenwerk dan je aankunt',
  NOT_WHEELCHAIR_ACCESSIBLE: 'De werkplek is niet rolstoeltoegankelijk',
  NOT_OPEN: 'De werkplek is niet open of heeft geen vrije plek',
} as const;

/** The same reasons about the candidate, as the werkmakelaar reads them. */
export const REASONS_ABOUT_CANDIDATE: Record<keyof typeof REASONS, string> = {
  WERKSOORT_WISH_1: 'Past bij de eerste wens van de kandidaat: {werksoort}',
  WERKSOORT_WISH_2: 'Past bij de tweede wens van de kandidaat: {werksoort}',
  WERKSOORT_WISH_3: 'Past bij de derde wens van de kandidaat: {werksoort}',
  WERKSOORT_WISH_OTHER: 'Past bij een van de wensen van de kandidaat: {werksoort}',
  INTERESTS_MATCH: 'Sluit aan bij de interesses van de kandidaat',
  WITHIN_TRAVEL_RANGE: '{km} km, binnen de reisafstand van de kandidaat ({mode})',
  HOURS_FIT: '{hours} uur per week past bij wat de kandidaat wil',
  HOURS_ADJUSTABLE: 'De werkgever kan de uren en tijden aanpassen',
  DAYS_FIT: 'Werkdagen en tijden passen bij het rooster van de kandidaat',
  SUPPORT_ON_SITE: 'Een jobcoach is welkom op de werkplek',
  BUDDY_ON_SITE: 'Er is een vaste begeleider op de werkplek',
  DESIRED_CERTIFICATE: 'De kandidaat heeft het gewenste certificaat {certificate}',
  REQUIRED_CERTIFICATES_HELD: 'De kandidaat heeft de nodige certificaten: {certificates}',
  ARRANGEMENT_FITS: 'Vorm van werk past bij de trede van de kandidaat: {arrangements}',
  WHEELCHAIR_ACCESSIBLE: 'De werkplek is rolstoeltoegankelijk',
};

/** The same blockers about the candidate, as the werkmakelaar reads them. */
export const BLOCKERS_ABOUT_CANDIDATE: Record<keyof typeof BLOCKERS, string> = {
  ARRANGEMENT_NOT_ACCEPTED: 'Geen passende vorm van werk: de werkplek biedt {offered}',
  TOO_FAR: '{gap} km te ver ({km} km, de reisafstand van de kandidaat is {range} km)',
  HOURS_SHORT: 'De kandidaat kan {gap} uur per week te weinig werken voor deze plek',
  HOURS_TOO_FEW: 'De plek heeft {gap} uur per week te weinig voor de kandidaat',
  DAYS_MISMATCH: 'Geen gemeenschappelijke werkdag',
  TIME_WINDOW_MISMATCH: 'De werktijden passen niet bij de dagdelen van de kandidaat',
  CERTIFICATE_MISSING: 'Certificaat nodig: {gap}',
  LANGUAGE_LEVEL_LOW: 'Taalniveau {required} nodig, de kandidaat heeft {level}',
  DEMAND_LIFTING: 'Het tilwerk is {gap} {steps} zwaarder dan de kandidaat aankan',
  DEMAND_STANDING: 'Er is {gap} {steps} meer staan of lopen dan de kandidaat aankan',
  DEMAND_PACE: 'Het tempo is {gap} {steps} hoger dan de kandidaat aankan',
  DEMAND_STIMULI: 'Er zijn {gap} {steps} meer prikkels dan de kandidaat aankan',
  DEMAND_OUTDOOR: 'Er is {gap} {steps} meer buitenwerk dan de kandidaat aankan',
  NOT_WHEELCHAIR_ACCESSIBLE: 'De werkplek is niet rolstoeltoegankelijk',
  NOT_OPEN: 'De werkplek is niet open of heeft geen vrije plek',
};

/**
 * Who reads the texts: the candidate ("je") or the werkmakelaar ("de kandidaat"). An administrator
 * or employer reading matches reads them as the werkmakelaar does.
 */
export type MatchReader = 'kandidaat' | 'werkmakelaar';

export const matchReaderOf = (role: string): MatchReader =>
  role === 'kandidaat' ? 'kandidaat' : 'werkmakelaar';

export type ReasonCode = keyof typeof REASONS;
export type BlockerCode = keyof typeof BLOCKERS;

export interface Reason {
  code: ReasonCode;
  text: string;
}

export interface Blocker {
  code: BlockerCode;
  text: string;
  /** What is missing: km, hours, steps, or the missing certificate(s). */
  gap: number | string | null;
}

/** A template split once into literal text and `{key}` slots: filling is then a join, not a RegExp. */
type Compiled = (string | { key: string })[];

function compile(template: string): Compiled {
  const parts: Compiled = [];
  let at = 0;
  for (const m of template.matchAll(/\{(\w+)\}/g)) {
    if (m.index > at) parts.push(template.slice(at, m.index));
    parts.push({ key: m[1] });
    at = m.index + m[0].length;
  }
  if (at < template.length) parts.push(template.slice(at));
  return parts;
}

/** Only the catalogue's own templates are kept compiled: a bounded set. */
const compiled = new Map<string, Compiled>(
  [
    ...Object.values(REASONS),
    ...Object.values(BLOCKERS),
    ...Object.values(REASONS_ABOUT_CANDIDATE),
    ...Object.values(BLOCKERS_ABOUT_CANDIDATE),
  ].map((t) => [t, compile(t)]),
);

const DECIMAL = /^(\d+)\.(\d+)$/;

/** Numbers in Dutch texts use a decimal comma. */
function dutch(value: string | number | undefined): string {
  const text = String(value ?? '');
  return text.includes('.') ? text.replace(DECIMAL, '$1,$2') : text;
}

export function fill(template: string, values: Record<string, string | number>): string {
  const parts = compiled.get(template) ?? compile(template);
  let out = '';
  for (const part of parts) out += typeof part === 'string' ? part : dutch(values[part.key]);
  return out;
}

export const reason = (
  code: ReasonCode,
  values: Record<string, string | number> = {},
  reader: MatchReader = 'kandidaat',
): Reason => ({
  code,
  text: fill((reader === 'kandidaat' ? REASONS : REASONS_ABOUT_CANDIDATE)[code], values),
});

/** Forms of work in words inside a sentence: "proefplaatsing, stage of gewone baan". */
export function arrangementsInWords(codes: readonly string[], last: 'en' | 'of'): string {
  const names = codes.map((c) => labelOf('arrangement', c).toLowerCase());
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} ${last} ${names[names.length - 1]}`;
}

/** "1 stap", "2 stappen": the steps on a demand scale. */
const steps = (gap: number | string | null) => (gap === 1 ? 'stap' : 'stappen');

export const blocker = (
  code: BlockerCode,
  gap: number | string | null,
  values: Record<string, string | number> = {},
  reader: MatchReader = 'kandidaat',
): Blocker => ({
  code,
  gap,
  text: fill((reader === 'kandidaat' ? BLOCKERS : BLOCKERS_ABOUT_CANDIDATE)[code], {
    gap: gap ?? '',
    steps: steps(gap),
    ...values,
  }),
});
