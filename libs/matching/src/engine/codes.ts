/**
 * Every reason and blocker code with its Dutch (B1) text. Codes are stable API values;
 * the table "Reason and blocker codes" in docs/matching.md lists the same codes and texts.
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
  ARRANGEMENT_FITS: 'Vorm past bij je trede: {arrangements}',
  WHEELCHAIR_ACCESSIBLE: 'De werkplek is rolstoeltoegankelijk',
} as const;

export const BLOCKERS = {
  ARRANGEMENT_NOT_ACCEPTED: 'Geen passende vorm: de werkplek biedt {offered}',
  TOO_FAR: '{gap} km te ver ({km} km, je reisafstand is {range} km)',
  HOURS_SHORT: 'Je kunt {gap} uur per week te weinig werken voor deze plek',
  HOURS_TOO_FEW: 'De plek heeft {gap} uur per week te weinig voor jou',
  DAYS_MISMATCH: 'Geen gemeenschappelijke werkdag',
  TIME_WINDOW_MISMATCH: 'De werktijden passen niet bij je dagdelen',
  CERTIFICATE_MISSING: 'Certificaat nodig: {gap}',
  LANGUAGE_LEVEL_LOW: 'Taalniveau {required} nodig, je hebt {level}',
  DEMAND_LIFTING: 'Het tilwerk is {gap} stap(pen) zwaarder dan je aankunt',
  DEMAND_STANDING: 'Er is {gap} stap(pen) meer staan of lopen dan je aankunt',
  DEMAND_PACE: 'Het tempo is {gap} stap(pen) hoger dan je aankunt',
  DEMAND_STIMULI: 'Er zijn {gap} stap(pen) meer prikkels dan je aankunt',
  DEMAND_OUTDOOR: 'Er is {gap} stap(pen) meer buitenwerk dan je aankunt',
  NOT_WHEELCHAIR_ACCESSIBLE: 'De werkplek is niet rolstoeltoegankelijk',
  NOT_OPEN: 'De werkplek is niet open of heeft geen vrije plek',
} as const;

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
  [...Object.values(REASONS), ...Object.values(BLOCKERS)].map((t) => [t, compile(t)]),
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

export const reason = (code: ReasonCode, values: Record<string, string | number> = {}): Reason => ({
  code,
  text: fill(REASONS[code], values),
});

export const blocker = (
  code: BlockerCode,
  gap: number | string | null,
  values: Record<string, string | number> = {},
): Blocker => ({ code, gap, text: fill(BLOCKERS[code], { gap: gap ?? '', ...values }) });
