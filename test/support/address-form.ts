/**
 * How a text addresses its reader (house rule: "u" for employers, werkmakelaars and administrators,
 * "je" for candidates), read from the words that give it away. A text may use one form or none,
 * never both.
 */
export type AddressForm = 'u' | 'je';

const WORDS: Record<AddressForm, RegExp> = {
  u: /\b(u|uw|uzelf|U|Uw|Uzelf)\b/g,
  je: /\b(je|jij|jou|jouw|jezelf|Je|Jij|Jou|Jouw|Jezelf)\b/g,
};

/** The visible text of an HTML body: no tags, no head (its title repeats the subject). */
export const visibleText = (html: string): string =>
  html
    .replace(/<head[\s\S]*?<\/head>/i, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"');

/** The words of each form a text uses (each list empty when the form is absent). */
export function addressWords(text: string): Record<AddressForm, string[]> {
  return {
    u: [...text.matchAll(WORDS.u)].map((m) => m[0]),
    je: [...text.matchAll(WORDS.je)].map((m) => m[0]),
  };
}

/** The form a text uses: 'u', 'je', 'none' (neutral) or 'mixed' (a fault). */
export function addressFormOf(text: string): AddressForm | 'none' | 'mixed' {
  const words = addressWords(text);
  if (words.u.length && words.je.length) return 'mixed';
  if (words.u.length) return 'u';
  if (words.je.length) return 'je';
  return 'none';
}

/**
 * A mail's subject, plain text and visible HTML, in one text, without its links: a link's random
 * token can hold "-U-" or "_je" and read as a form of address.
 */
export const mailWords = (mail: { subject?: string; text?: string; html?: string | false }) =>
  [mail.subject ?? '', mail.text ?? '', typeof mail.html === 'string' ? visibleText(mail.html) : '']
    .join('\n')
    .replace(/https?:\/\/\S+/g, ' ');
