/**
 * Does a text for the employer (a proposal's motivation) identify the candidate? The employer sees
 * the anonymous work profile and only what the candidate's consent shares; free text written by the
 * werkmakelaar must not bring in more through the back door. Pure functions: the caller reads the
 * candidate's facts (CandidatesService.protectedFactsFor, audited) and never logs them.
 *
 * Found are: the candidate's first and last names (whole words, case and diacritics ignored,
 * tussenvoegsels optional), e-mail addresses, phone numbers (Dutch formats, and the candidate's own),
 * postcodes (1234 AB) and the candidate's street with house number, and BSN-like numbers (nine digits
 * that pass the elfproef, with or without dots or spaces).
 */

export const IDENTIFYING_KINDS = [
  'firstName',
  'lastName',
  'email',
  'phone',
  'address',
  'bsn',
] as const;
export type IdentifyingKind = (typeof IDENTIFYING_KINDS)[number];

/** What is known of the candidate (protected facts); any of it may be missing. */
export interface CandidateIdentity {
  firstName?: string | null;
  lastName?: string | null;
  email?: string | null;
  phone?: string | null;
  address?: string | null;
}

/** Where a text names something: [start, end) in the text, and what it is. */
export interface IdentifyingFinding {
  kind: IdentifyingKind;
  start: number;
  end: number;
}

/** What the employer sees instead of a found item. */
export const IDENTIFYING_MASKS: Record<IdentifyingKind, string> = {
  firstName: '[naam]',
  lastName: '[naam]',
  email: '[e-mailadres]',
  phone: '[telefoonnummer]',
  address: '[adres]',
  bsn: '[nummer]',
};

/** The kinds a consent's shared fields allow in the employer's sight (the first name, when shared). */
export const allowedBySharing = (sharedFields: readonly string[]): IdentifyingKind[] =>
  sharedFields.includes('firstName') ? ['firstName'] : [];

const TUSSENVOEGSELS = new Set([
  'van',
  'de',
  'der',
  'den',
  'het',
  "'t",
  'te',
  'ten',
  'ter',
  'in',
  'op',
  'aan',
  'bij',
  'uit',
  'voor',
  'la',
  'le',
  'du',
  'da',
  'di',
  'del',
  'della',
  'von',
  'zu',
  'el',
  'al',
]);

/**
 * Names that are also everyday Dutch words ("wil", "bakker", "de boer op"): these count only where the
 * text writes them with a capital, so "de kandidaat wil bakker worden" does not name Wil Bakker.
 */
const EVERYDAY_WORDS = new Set([
  'wil',
  'roos',
  'hoop',
  'jet',
  'bo',
  'do',
  'zon',
  'mees',
  'fleur',
  'bloem',
  'mei',
  'storm',
  'lente',
  'ster',
  'bakker',
  'visser',
  'smit',
  'smid',
  'boer',
  'kok',
  'mulder',
  'schilder',
  'timmerman',
  'brouwer',
  'koster',
  'molenaar',
  'schipper',
  'kuiper',
  'dekker',
  'jong',
  'klein',
  'groot',
  'wit',
  'zwart',
  'groen',
  'bruin',
  'rood',
  'vos',
  'haan',
  'hoek',
  'berg',
  'bos',
  'dijk',
  'meer',
  'veen',
  'brink',
  'beek',
  'hof',
  'post',
  'akker',
  'wolf',
  'leeuw',
  'koning',
  'keizer',
  'graaf',
  'prins',
  'winter',
  'zomer',
  'boom',
  'laan',
  'kort',
  'lang',
  'sterk',
  'dam',
]);

/**
 * The text with diacritics dropped and curly apostrophes straightened, character by character, with
 * for each folded character where it came from, so a match maps back onto the original text.
 */
function fold(text: string): { folded: string; from: number[]; to: number[] } {
  let folded = '';
  const from: number[] = [];
  const to: number[] = [];
  let i = 0;
  for (const ch of text) {
    let f = ch
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/[\u2018\u2019\u02bc`´]/g, "'")
      .replace(/[\u2010-\u2013]/g, '-');
    if (!f) f = ch;
    for (const c of f) {
      folded += c;
      from.push(i);
      to.push(i + ch.length);
    }
    i += ch.length;
  }
  return { folded, from, to };
}

const foldName = (name: string) => fold(name.trim()).folded;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const letterClass = (c: string) => {
  const lower = c.toLowerCase();
  const upper = c.toUpperCase();
  return lower === upper || lower.length !== 1 || upper.length !== 1
    ? escape(c)
    : `[${lower}${upper}]`;
};
const BEFORE = '(?<![\\p{L}\\p{N}])';
const AFTER = '(?![\\p{L}\\p{N}])';

/**
 * A name as a pattern over the folded text: its words apart by spaces or hyphens; when its last word
 * is an everyday word, that word must start with a capital.
 */
function namePattern(name: string): RegExp | null {
  const words = foldName(name)
    .split(/[\s-]+/)
    .filter(Boolean);
  if (words.join('').replace(/[^\p{L}]/gu, '').length < 2) return null;
  const last = words[words.length - 1];
  const strict = EVERYDAY_WORDS.has(last.toLowerCase());
  const parts = words.map((w, i) => {
    const chars = [...w];
    if (strict && i === words.length - 1)
      return escape(chars[0].toUpperCase()) + chars.slice(1).map(letterClass).join('');
    return chars.map(letterClass).join('');
  });
  return new RegExp(`${BEFORE}${parts.join('[\\s-]+')}${AFTER}`, 'gu');
}

/** "Anne-Marie" → the whole name, and each of its parts. */
function firstNameVariants(first: string): string[] {
  const whole = first.trim();
  if (!whole) return [];
  return [whole, ...whole.split(/[\s-]+/)];
}

/** "van den Berg-de Wit" → the whole name, without its tussenvoegsels, and each part without its own. */
function lastNameVariants(last: string): string[] {
  const whole = last.trim();
  if (!whole) return [];
  const withoutPrefix = (s: string) => {
    const words = s.trim().split(/\s+/);
    let i = 0;
    while (i < words.length - 1 && TUSSENVOEGSELS.has(foldName(words[i]).toLowerCase())) i++;
    return words.slice(i).join(' ');
  };
  return [whole, withoutPrefix(whole), ...whole.split('-').map(withoutPrefix)];
}

function findNames(
  folded: ReturnType<typeof fold>,
  variants: string[],
  kind: IdentifyingKind,
): IdentifyingFinding[] {
  const found: IdentifyingFinding[] = [];
  for (const variant of new Set(variants)) {
    const pattern = namePattern(variant);
    if (!pattern) continue;
    for (const m of folded.folded.matchAll(pattern)) {
      const endAt = m.index + m[0].length - 1;
      found.push({ kind, start: folded.from[m.index], end: folded.to[endAt] });
    }
  }
  return found;
}

const EMAIL = /[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
/** Postcodes: 1234 AB or 1234AB (no SA, SD, SS), or 1234ab written together. */
const POSTCODE =
  /(?<![\p{L}\p{N}])[1-9]\d{3}(?: ?(?!SA|SD|SS)[A-Z]{2}|(?!sa|sd|ss)[a-z]{2})(?![\p{L}\p{N}])/gu;

/** The elfproef of a BSN: 9×d1 + 8×d2 + … + 2×d8 − d9 is a multiple of 11 (and not all zeros). */
export function passesElfproef(digits: string): boolean {
  if (!/^\d{9}$/.test(digits) || /^0+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(digits[i]) * (9 - i);
  sum -= Number(digits[8]);
  return sum % 11 === 0;
}

/** A phone number's digits as dialled in the Netherlands (+31 6… → 06…). */
function nationalDigits(phone: string): string {
  let d = phone.replace(/\D/g, '');
  if (phone.trim().startsWith('+')) d = `00${d}`;
  if (d.startsWith('0031')) d = `0${d.slice(4).replace(/^0/, '')}`;
  return d;
}

/** What may stand between two digit groups of one number: a space, dot, dash or slash, or brackets. */
const JOIN = /^(?:[ \u00a0.\-/]|\) ?| ?\(|\)-)$/;
const afterPlus = (text: string, at: number) =>
  /\+ ?\(?$/.test(text.slice(Math.max(0, at - 3), at));

/**
 * Numbers written in groups ("06-123 456 78", "+31 (0)6 1234 5678", "1234.56.782"): runs of digit
 * groups joined by one separator. A phone number is a window of whole groups that dials as a Dutch
 * number (or the candidate's own, or a foreign one after "+"); a BSN is a window of whole groups with
 * nine digits that passes the elfproef and is no part of a phone number.
 */
function findNumbers(text: string, ownPhone: string | null): IdentifyingFinding[] {
  const groups = [...text.matchAll(/\d+/g)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    digits: m[0],
  }));
  const chains: (typeof groups)[] = [];
  for (const g of groups) {
    const chain = chains[chains.length - 1];
    const prev = chain?.[chain.length - 1];
    if (prev && JOIN.test(text.slice(prev.end, g.start))) chain.push(g);
    else chains.push([g]);
  }
  const own = ownPhone ? nationalDigits(ownPhone).slice(-9) : null;
  const found: IdentifyingFinding[] = [];
  for (const chain of chains) {
    const phones: IdentifyingFinding[] = [];
    for (let i = 0; i < chain.length; i++) {
      const plus = afterPlus(text, chain[i].start);
      let digits = '';
      let best: number | null = null;
      for (let j = i; j < chain.length && digits.length < 14; j++) {
        digits += chain[j].digits;
        const dialled = nationalDigits(plus ? `+${digits}` : digits);
        const dutch = /^0[1-9]\d{8}$/.test(dialled);
        const foreign = plus && !digits.startsWith('31') && digits.length >= 9;
        const theirs = own?.length === 9 && digits.length >= 9 && dialled.endsWith(own);
        if (dutch || foreign || theirs) best = j;
      }
      if (best !== null) {
        const start = plus ? text.lastIndexOf('+', chain[i].start) : chain[i].start;
        phones.push({ kind: 'phone', start, end: chain[best].end });
        i = best;
      }
    }
    found.push(...phones);
    for (let i = 0; i < chain.length; i++) {
      let digits = '';
      for (let j = i; j < chain.length && digits.length < 9; j++) {
        digits += chain[j].digits;
        const span = { start: chain[i].start, end: chain[j].end };
        if (
          digits.length === 9 &&
          passesElfproef(digits) &&
          !afterPlus(text, span.start) &&
          !phones.some((p) => p.start < span.end && span.start < p.end)
        )
          found.push({ kind: 'bsn', ...span });
      }
    }
  }
  return found;
}

/** The candidate's street with its house number ("Dorpsstraat 12a"), from the address's first line. */
function findStreet(folded: ReturnType<typeof fold>, address: string): IdentifyingFinding[] {
  const m = /^\s*([^\d,]*\p{L}[^\d,]*?)\s+(\d+)\s*([a-zA-Z]{0,2})(?![\p{L}\p{N}])/u.exec(address);
  if (!m) return [];
  const street = foldName(m[1])
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => [...w].map(letterClass).join(''))
    .join('\\s+');
  if (!street) return [];
  const pattern = new RegExp(`${BEFORE}${street}\\s*,?\\s*${m[2]}(?:[a-zA-Z]{1,2})?${AFTER}`, 'gu');
  return [...folded.folded.matchAll(pattern)].map((hit) => ({
    kind: 'address' as const,
    start: folded.from[hit.index],
    end: folded.to[hit.index + hit[0].length - 1],
  }));
}

/**
 * Everything in `text` that identifies the candidate, in order; where findings overlap the one that
 * starts first (then the longer) stands for both ("sanne@example.nl" is an e-mail address, not a name).
 */
export function findIdentifying(text: string, who: CandidateIdentity): IdentifyingFinding[] {
  if (!text) return [];
  const folded = fold(text);
  const all: IdentifyingFinding[] = [
    ...[...text.matchAll(EMAIL)].map((m) => ({
      kind: 'email' as const,
      start: m.index,
      end: m.index + m[0].length,
    })),
    ...findNumbers(text, who.phone ?? null),
    ...[...text.matchAll(POSTCODE)].map((m) => ({
      kind: 'address' as const,
      start: m.index,
      end: m.index + m[0].length,
    })),
    ...(who.address ? findStreet(folded, who.address) : []),
    ...findNames(folded, who.firstName ? firstNameVariants(who.firstName) : [], 'firstName'),
    ...findNames(folded, who.lastName ? lastNameVariants(who.lastName) : [], 'lastName'),
  ].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: IdentifyingFinding[] = [];
  for (const f of all) {
    const prev = kept[kept.length - 1];
    if (!prev || f.start >= prev.end) kept.push(f);
  }
  return kept;
}

/** The kinds the text names that `allowed` does not cover, in IDENTIFYING_KINDS order. */
export function identifyingKinds(
  text: string,
  who: CandidateIdentity,
  allowed: readonly IdentifyingKind[] = [],
): IdentifyingKind[] {
  const found = new Set(findIdentifying(text, who).map((f) => f.kind));
  return IDENTIFYING_KINDS.filter((k) => found.has(k) && !allowed.includes(k));
}

/** The text as the employer may see it: every item `allowed` does not cover replaced ("[naam]"). */
export function maskIdentifying(
  text: string,
  who: CandidateIdentity,
  allowed: readonly IdentifyingKind[] = [],
): string {
  let out = '';
  let at = 0;
  for (const f of findIdentifying(text, who)) {
    if (allowed.includes(f.kind)) continue;
    out += text.slice(at, f.start) + IDENTIFYING_MASKS[f.kind];
    at = f.end;
  }
  return out + text.slice(at);
}

const KIND_WORDS: Record<IdentifyingKind, { words: string; het: boolean }> = {
  firstName: { words: 'de voornaam van de kandidaat', het: false },
  lastName: { words: 'de achternaam van de kandidaat', het: false },
  email: { words: 'een e-mailadres', het: true },
  phone: { words: 'een telefoonnummer', het: true },
  address: { words: 'een adres of postcode', het: true },
  bsn: { words: 'een burgerservicenummer (BSN)', het: true },
};

/**
 * What was found, in Dutch for the page ("De motivatie noemt de achternaam van de kandidaat. De
 * werkgever mag die niet zien. Haal die weg."): the kinds, never the values.
 */
export function identifyingTextMessage(
  kinds: readonly IdentifyingKind[],
  subject = 'De motivatie',
): string {
  const words = kinds.map((k) => KIND_WORDS[k].words);
  const list =
    words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} en ${words.at(-1)}`;
  const that = kinds.length === 1 && KIND_WORDS[kinds[0]].het ? 'dat' : 'die';
  return `${subject} noemt ${list}. De werkgever mag ${that} niet zien. Haal ${that} weg.`;
}
