import { ARRANGEMENTS, certificateName, labelOf } from '@werkbrug/domain';
import { REASONS, REASONS_ABOUT_CANDIDATE, type ReasonCode } from '@werkbrug/matching';

/** Certificate codes in a reason's value (one, or a list with commas) as people write them. */
const certificates = (v: string) =>
  v
    .split(/,\s*/)
    .map((c) => certificateName(c.trim()))
    .join(', ');

/**
 * A match reason as the matching service gives it: written for the candidate ("je"), or, as the
 * werkmakelaar gets it, about "de kandidaat".
 */
export interface MatchReason {
  code: string;
  text: string;
}

/**
 * The value a reason's text carries at its end ("Past bij je eerste wens: Groen" → "Groen"), read
 * against the catalogue's own templates (either voice); null when the text follows neither.
 */
function valueOf(code: ReasonCode, text: string): string | null {
  for (const template of [REASONS[code], REASONS_ABOUT_CANDIDATE[code]] as string[]) {
    const slot = template.indexOf('{');
    if (slot < 0 || !template.endsWith('}')) continue;
    const prefix = template.slice(0, slot);
    if (text.startsWith(prefix) && text.length > prefix.length) return text.slice(prefix.length);
  }
  return null;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/**
 * "stage, werkervaringsplaats, beschut_werk" → "stage, werkervaringsplaats of beschut werk"; forms of
 * work already in words (as the matching engine names them now) stay as they are.
 */
function inText(value: string): string {
  const codes = value.split(', ');
  if (!codes.every((c) => (ARRANGEMENTS as readonly string[]).includes(c))) return value;
  const words = codes.map((code) => labelOf('arrangementInText', code));
  return words.length <= 1
    ? words.join('')
    : `${words.slice(0, -1).join(', ')} of ${words[words.length - 1]}`;
}

/**
 * Each reason as a sentence about "de kandidaat" (the candidate reads it, and after consent the
 * employer): never the name, nothing about health or benefit. Reasons without a sentence are left out.
 */
const SENTENCES: Partial<Record<ReasonCode, (value: string | null) => string | null>> = {
  WERKSOORT_WISH_1: (v) => (v ? `${capital(v)} is de eerste wens van de kandidaat.` : null),
  WERKSOORT_WISH_2: (v) => (v ? `${capital(v)} is de tweede wens van de kandidaat.` : null),
  WERKSOORT_WISH_3: (v) => (v ? `${capital(v)} is de derde wens van de kandidaat.` : null),
  WERKSOORT_WISH_OTHER: (v) => (v ? `${capital(v)} staat bij de wensen van de kandidaat.` : null),
  INTERESTS_MATCH: () => 'Het werk sluit aan bij de interesses van de kandidaat.',
  WITHIN_TRAVEL_RANGE: () => 'De kandidaat kan de werkplek goed bereiken.',
  HOURS_FIT: () => 'De uren passen bij wat de kandidaat wil werken.',
  DAYS_FIT: () => 'De werkdagen en tijden passen bij het rooster van de kandidaat.',
  HOURS_ADJUSTABLE: () => 'De uren en tijden kunnen worden aangepast; dat helpt bij de start.',
  SUPPORT_ON_SITE: () => 'Een jobcoach begeleidt de kandidaat en is welkom op de werkplek.',
  BUDDY_ON_SITE: () => 'Er is een vaste begeleider op de werkplek; dat helpt de kandidaat.',
  DESIRED_CERTIFICATE: (v) =>
    v ? `De kandidaat heeft het gewenste certificaat ${certificates(v)}.` : null,
  REQUIRED_CERTIFICATES_HELD: (v) =>
    v ? `De kandidaat heeft de nodige certificaten: ${certificates(v)}.` : null,
  ARRANGEMENT_FITS: (v) =>
    v ? `De vorm past bij waar de kandidaat nu staat: ${inText(v)}.` : null,
};

/**
 * A first motivation for the proposal form, from why the workplace fits (the match reasons) and
 * whether the candidate said they are interested. The werkmakelaar reads and changes it before sending.
 */
export function suggestedMotivation(reasons: readonly MatchReason[], interested: boolean): string {
  const sentences = [
    ...(interested ? ['De kandidaat heeft zelf gezegd dat deze werkplek interessant is.'] : []),
    ...reasons.flatMap((r) => {
      if (!(r.code in SENTENCES)) return [];
      const code = r.code as ReasonCode;
      const sentence = SENTENCES[code]?.(valueOf(code, r.text));
      return sentence ? [sentence] : [];
    }),
  ];
  return [...new Set(sentences)].join(' ');
}
