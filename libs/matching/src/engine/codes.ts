/**
 * Every reason and blocker code with its Dutch (B1) text. Codes are stable API values;
 * the README table "Reason and blocker codes" is generated from this catalogue's content.
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

export function fill(template: string, values: Record<string, string | number>): string {
  // Numbers in Dutch texts use a decimal comma.
  return template.replace(/\{(\w+)\}/g, (_, key: string) =>
    String(values[key] ?? '').replace(/^(\d+)\.(\d+)$/, '$1,$2'),
  );
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
