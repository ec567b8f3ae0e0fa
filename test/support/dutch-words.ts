import { BENEFIT_TYPES, DEMAND_ASPECTS, TRAVEL_MODES, VACANCY_STATUSES } from '@werkbrug/domain';

/**
 * Is a page written in Dutch for its reader? The text a reader sees (tags, attributes, scripts,
 * styles and what was typed into inputs left out) must have no English words or sentences, no raw
 * codes (`beschut_werk`, `WACHT_OP`, `firstName`, `paused`) and no ISO dates (`2026-12-07`); and it
 * speaks to its reader in one form of address ("u" or "je", never both).
 *
 * `assertDutchPage(html, label)` throws with every finding and where it is; test/support/web-client.ts
 * calls it on every HTML page a web agent fetches.
 */

/** English that has no business on a Dutch page: whole words, case-insensitive. */
const ENGLISH_WORDS = [
  'the',
  'and',
  'with',
  'without',
  'must',
  'should',
  'field',
  'fields',
  'error',
  'errors',
  'invalid',
  'cannot',
  'undefined',
  'null',
  'nan',
  'true',
  'false',
  'please',
  'required',
  'failed',
  'validation',
  'value',
  'values',
  'your',
  'you',
  'this',
  'that',
  'which',
  'from',
  'for',
  'not',
  'are',
  'be',
  'been',
  'has',
  'have',
  'to',
  'until',
  'month',
  'months',
  'before',
  'after',
  'already',
  'exists',
  'found',
  'forbidden',
  'unauthorized',
  'expired',
  'submit',
  'save',
  'cancel',
  'search',
  'loading',
  'select',
  'name',
  'email',
  'password',
  'pending',
  'active',
  'inactive',
  'unknown',
  'least',
  'starts',
  'lasts',
  'total',
];

/** English phrases and leaked programming values, wherever they stand. */
const ENGLISH_PHRASES = [
  'One or more',
  'is invalid',
  'not found',
  'must be',
  'should be',
  'Bad Request',
  'Internal Server Error',
  'Invalid Date',
  '[object',
  'See Other',
  'Redirecting',
];

/**
 * One-word codes of the label catalogue (libs/domain/src/labels.ts) and the status lists that are not
 * Dutch words: shown as they are, they are a raw code ("de werkplek biedt regulier", "(beeindigd)").
 * Codes of two or more parts are caught by their shape (snake_case, camelCase, UPPER_CASE) below;
 * codes that are Dutch words as well ("open", "studie", "kennismaking", "geannuleerd") read as words.
 */
const RAW_CODE_WORDS = [
  // labels.ts: role, arrangement, grantor, instrumentStatus, caseloadSort, reportBreakdown, instrument
  'admin',
  'regulier',
  'none',
  'applies',
  'attention',
  'completeness',
  'organisation',
  'lkv',
  'sroi',
  // labels.ts: day (zo and do are Dutch words)
  'ma',
  'di',
  'wo',
  'vr',
  'za',
  // Status lists and other code lists: placements, employer answers, rule scopes, grantors
  'beeindigd',
  'interested',
  'declined',
  'national',
  'belastingdienst',
  'uwv',
  ...VACANCY_STATUSES.filter((c) => c !== 'open'),
  ...TRAVEL_MODES.filter((c) => c === 'ebike'),
  ...DEMAND_ASPECTS,
  ...BENEFIT_TYPES.filter((c) => ['wajong', 'wia', 'ww', 'ioaw'].includes(c)),
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const wordsPattern = (words: readonly string[], flags: string) =>
  new RegExp(`(?<![\\p{L}\\d_-])(?:${words.map(escape).join('|')})(?![\\p{L}\\d_-])`, flags);

const ENGLISH_WORD = wordsPattern(ENGLISH_WORDS, 'giu');
const ENGLISH_PHRASE = new RegExp(ENGLISH_PHRASES.map(escape).join('|'), 'gi');
const RAW_CODE_WORD = wordsPattern(RAW_CODE_WORDS, 'gu');
const SNAKE_CASE = /(?<![\p{L}\d-])[A-Za-z][A-Za-z\d]*(?:_[A-Za-z\d]+)+(?![\p{L}\d-])/gu;
const CAMEL_CASE = /(?<![\p{L}\d-])[a-z]+[A-Z][A-Za-z]*(?![\p{L}\d-])/gu;
const ISO_DATE = /\b\d{4}-\d{2}-\d{2}(?:T[\d:.]+Z?)?\b/g;
const U_WORDS = /(?<![\p{L}\d-])(?:u|uw|uzelf)(?![\p{L}\d-])/giu;
const JE_WORDS = /(?<![\p{L}\d-])(?:je|jij|jou|jouw|jezelf)(?![\p{L}\d-])/giu;

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

function decode(text: string): string {
  return text.replace(/&(#x[\da-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#')
      return String.fromCodePoint(
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1)),
      );
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Attributes a reader meets (screen readers, tooltips, images); `value` is the reader's own input. */
const READER_ATTRIBUTES = /\s(?:aria-label|alt|title|placeholder)="([^"]*)"/gi;

/**
 * The text a reader sees or hears: no scripts, styles, comments, typed input (textarea content),
 * tags or other attributes; entities decoded; web and mail addresses left out (they are not words).
 */
export function visibleText(html: string): string {
  const withoutCode = html
    .replace(/<script\b[\s\S]*?<\/script>/gi, ' ')
    .replace(/<style\b[\s\S]*?<\/style>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<textarea\b[^>]*>[\s\S]*?<\/textarea>/gi, ' ');
  const attributes: string[] = [];
  const text = withoutCode.replace(/<[^>]*>/g, (tag) => {
    for (const m of tag.matchAll(READER_ATTRIBUTES)) attributes.push(m[1] ?? '');
    // A block boundary is a word boundary ("</td><td>").
    return ' ';
  });
  return decode(`${text} ${attributes.join(' \n ')}`)
    .replace(/\b(?:https?|mailto):[^\s<>"]+/gi, ' ')
    .replace(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, ' ')
    .replace(/[ \t\r\n]+/g, ' ');
}

export type Address = 'u' | 'je';

export interface DutchOptions {
  /** The reader's form of address: words of the other form are findings. Without it: not both. */
  address?: Address;
  /** Text on the page that is allowed although it looks like a finding (someone's own words). */
  allow?: readonly (string | RegExp)[];
}

const around = (text: string, at: number, length: number) =>
  `…${text.slice(Math.max(0, at - 40), at + length + 40)}…`;

function find(text: string, pattern: RegExp, what: string, out: string[]) {
  for (const m of text.matchAll(new RegExp(pattern.source, pattern.flags))) {
    out.push(`${what} "${m[0]}": ${around(text, m.index ?? 0, m[0].length)}`);
  }
}

/**
 * Names of devices written the way their makers do (the sessions page says "Safari op iPhone"):
 * proper names, not codes, although they look like camelCase.
 */
const DEVICE_NAMES = /(?<![\p{L}\d-])(?:iPhone|iPad)(?![\p{L}\d-])/gu;

/** Every finding on the page, as "what: where" lines (empty: the page is Dutch). */
export function dutchProblems(html: string, options: DutchOptions = {}): string[] {
  let text = visibleText(html);
  for (const allowed of options.allow ?? [])
    text = typeof allowed === 'string' ? text.split(allowed).join(' ') : text.replace(allowed, ' ');
  text = text.replace(DEVICE_NAMES, ' ');
  const out: string[] = [];
  find(text, ENGLISH_PHRASE, 'English', out);
  find(text, ENGLISH_WORD, 'English word', out);
  find(text, RAW_CODE_WORD, 'raw code', out);
  find(text, SNAKE_CASE, 'raw code', out);
  find(text, CAMEL_CASE, 'raw code', out);
  find(text, ISO_DATE, 'ISO date (write "7 december 2026")', out);
  const u = [...text.matchAll(U_WORDS)];
  const je = [...text.matchAll(JE_WORDS)];
  const other =
    options.address === 'u' ? je : options.address === 'je' ? u : u.length && je.length ? je : [];
  for (const m of other.slice(0, 5))
    out.push(
      `${options.address ? `not "${options.address}"` : '"u" and "je" on one page'}: "${m[0]}" ${around(text, m.index ?? 0, m[0].length)}`,
    );
  return out;
}

/** Fails when the page has English, raw codes, ISO dates or mixes "u" and "je"; says what and where. */
export function assertDutchPage(html: string, label: string, options: DutchOptions = {}): void {
  const problems = dutchProblems(html, options);
  if (problems.length)
    throw new Error(`${label} is not Dutch for its reader:\n  ${problems.join('\n  ')}`);
}
