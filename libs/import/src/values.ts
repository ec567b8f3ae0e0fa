/**
 * Values as people write them in a spreadsheet, read into the API's codes: pure functions, each
 * answering a value or a Dutch message. Their inverses (format*) write the same words back, so an
 * export reads in again unchanged.
 */
import {
  ARRANGEMENTS,
  type Arrangement,
  BENEFIT_TYPES,
  type BenefitType,
  DAYPARTS,
  type Day,
  type Daypart,
  DAYS,
  DEMAND_SCALE,
  type DemandAspect,
  INSTRUMENTS,
  type Instrument,
  LABELS,
  LANGUAGE_LEVELS,
  type LanguageLevel,
  ROUTES,
  type Route,
  TRAVEL_MODES,
  type TravelMode,
  VACANCY_STATUSES,
  type VacancyStatus,
} from '@werkbrug/domain';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(message: string): Parsed<T> => ({ ok: false, message });

/** Lowercase, accents off, anything but letters and digits one space: "Uren per week" = "uren-per-week". */
export function normaliseWord(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export function parseYesNo(raw: string): Parsed<boolean> {
  const word = normaliseWord(raw);
  if (['ja', 'j', 'yes', 'y', 'waar', 'true', '1', 'x', 'wel'].includes(word)) return ok(true);
  if (['nee', 'n', 'no', 'onwaar', 'false', '0', 'niet', 'geen'].includes(word)) return ok(false);
  return fail('Schrijf ja of nee.');
}
export const formatYesNo = (value: boolean) => (value ? 'ja' : 'nee');

/** "12,5", "12.5", "1.234,5" (Dutch thousands) and "60%" as a number. */
export function parseDecimal(raw: string): Parsed<number> {
  let text = raw.trim().replace(/\s+/g, '').replace(/%$/, '');
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(text)) text = text.replace(/\./g, '');
  text = text.replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(text)) return fail('Schrijf een getal, bijvoorbeeld 12 of 12,5.');
  return ok(Number(text));
}
export const formatDecimal = (value: number) => String(value).replace('.', ',');

export function parseWholeNumber(raw: string, min: number, max: number): Parsed<number> {
  const n = parseDecimal(raw);
  if (!n.ok) return fail(`Schrijf een heel getal van ${min} tot en met ${max}.`);
  if (!Number.isInteger(n.value) || n.value < min || n.value > max)
    return fail(`Schrijf een heel getal van ${min} tot en met ${max}.`);
  return n;
}

/** "3441 AB", "3441ab", "3441-AB" → "3441 AB". */
export function parsePostcode(raw: string): Parsed<string> {
  const m = /^([1-9][0-9]{3})[\s-]*([a-zA-Z]{2})$/.exec(raw.trim());
  if (!m || ['SA', 'SD', 'SS'].includes((m[2] ?? '').toUpperCase()))
    return fail('Geen Nederlandse postcode. Schrijf vier cijfers en twee letters, zoals 3441 AB.');
  return ok(`${m[1]} ${(m[2] ?? '').toUpperCase()}`);
}

const pad = (n: number) => String(n).padStart(2, '0');
const isoOf = (y: number, m: number, d: number): string | null => {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return null;
  return `${y}-${pad(m)}-${pad(d)}`;
};

/** Excel's day 0 is 1899-12-30 (it counts the 1900 leap day that never was). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
export function excelSerialToIso(serial: number): string {
  const date = new Date(EXCEL_EPOCH + Math.floor(serial) * 86_400_000);
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/**
 * A date: "15-01-2027", "15/1/2027", "15.01.2027", "2027-01-15", an Excel serial number, or a
 * date cell (exceljs gives the calendar day at UTC midnight). Answers YYYY-MM-DD.
 */
export function parseDate(raw: string | number | Date): Parsed<string> {
  const help = 'Schrijf een datum als dd-mm-jjjj, bijvoorbeeld 15-01-2027.';
  if (raw instanceof Date) {
    if (Number.isNaN(raw.getTime())) return fail(help);
    return ok(`${raw.getUTCFullYear()}-${pad(raw.getUTCMonth() + 1)}-${pad(raw.getUTCDate())}`);
  }
  if (typeof raw === 'number') {
    if (raw < 1 || raw > 80_000) return fail(help);
    return ok(excelSerialToIso(raw));
  }
  const text = raw.trim();
  let m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text);
  if (m) {
    const iso = isoOf(Number(m[3]), Number(m[2]), Number(m[1]));
    return iso ? ok(iso) : fail(`Deze datum bestaat niet. ${help}`);
  }
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (m) {
    const iso = isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
    return iso ? ok(iso) : fail(`Deze datum bestaat niet. ${help}`);
  }
  if (/^\d{4,5}$/.test(text)) return parseDate(Number(text));
  return fail(help);
}
/** YYYY-MM-DD → dd-mm-jjjj. */
export const formatDate = (iso: string) => {
  const [y, m, d] = iso.split('-');
  return `${d}-${m}-${y}`;
};

/** Splits a cell with several values: "ma, di en wo", "groen; productie", "ochtend/middag". */
export const splitList = (raw: string): string[] =>
  raw
    .split(/\s*(?:[,;/+|\n]|\ben\b)\s*/i)
    .map((s) => s.trim())
    .filter(Boolean);

/** A word list: code → the words people write for it (the code itself and its Dutch label count too). */
export type Vocabulary<T extends string> = ReadonlyMap<string, T>;

/** The Dutch label up to any explanation: "ochtend (6 tot 12 uur)" → "ochtend". */
const shortLabel = (label: string) => label.split(/[(:]/)[0]?.trim() ?? label;

export function vocabulary<T extends string>(
  codes: readonly T[],
  labels: Partial<Record<T, string>>,
  extra: Partial<Record<T, readonly string[]>> = {},
): Vocabulary<T> {
  const words = new Map<string, T>();
  for (const code of codes) {
    const label = labels[code];
    for (const word of [code, label, label && shortLabel(label), ...(extra[code] ?? [])])
      if (word) words.set(normaliseWord(word), code);
  }
  return words;
}

export const VOCABULARIES = {
  day: vocabulary<Day>(DAYS, LABELS.day, {
    ma: ['maa', 'mon'],
    di: ['din', 'dins'],
    wo: ['woe', 'woens'],
    do: ['don', 'dond'],
    vr: ['vrij'],
    za: ['zat', 'zater'],
    zo: ['zon', 'zondag'],
  }),
  daypart: vocabulary<Daypart>(DAYPARTS, LABELS.daypart, {
    ochtend: ['morgen', 's ochtends'],
    middag: ['s middags'],
    avond: ['s avonds'],
    nacht: ['s nachts'],
  }),
  arrangement: vocabulary<Arrangement>(ARRANGEMENTS, LABELS.arrangement, {
    regulier: ['regulier werk', 'reguliere baan', 'baan', 'gewoon werk'],
    werkervaringsplaats: ['wep', 'werkervaringsplek'],
    leerwerkbaan: ['leerwerkplek', 'leer werkbaan'],
    beschut_werk: ['beschut'],
    vrijwilligerswerk: ['vrijwilliger'],
    detachering: ['gedetacheerd'],
  }),
  travelMode: vocabulary<TravelMode>(
    TRAVEL_MODES,
    {},
    {
      lopen: ['te voet', 'lopend'],
      fiets: ['fietsen', 'op de fiets'],
      ebike: ['e-bike', 'elektrische fiets', 'e bike'],
      ov: ['openbaar vervoer', 'bus', 'trein', 'bus en trein'],
      auto: ['eigen auto', 'met de auto', 'rijbewijs en auto'],
    },
  ),
  route: vocabulary<Route>(ROUTES, {}, { jongeren: ['jongere', 'jongeren tot 27'] }),
  languageLevel: vocabulary<LanguageLevel>(LANGUAGE_LEVELS, LABELS.languageLevel, {
    geen: ['geen eis', 'nvt', 'n v t'],
  }),
  benefitType: vocabulary<BenefitType>(BENEFIT_TYPES, LABELS.benefitType, {
    participatiewet: ['bijstand', 'pw', 'p wet'],
    geen: ['geen', 'nee'],
    overig: ['anders', 'overige'],
  }),
  vacancyStatus: vocabulary<VacancyStatus>(VACANCY_STATUSES, LABELS.vacancyStatus, {
    paused: ['pauze'],
    filled: ['gevuld', 'bezet'],
  }),
  instrument: vocabulary<Instrument>(
    INSTRUMENTS,
    {},
    {
      loonkostensubsidie: ['lks'],
      no_riskpolis: ['no-riskpolis', 'no risk polis', 'no riskpolis'],
      lkv: ['loonkostenvoordeel'],
      sroi: ['social return'],
    },
  ),
} as const;

/** The word the export writes for a code: the short Dutch label, or the code when there is none. */
export function wordFor<T extends string>(code: T, labels: Partial<Record<T, string>>): string {
  const label = labels[code];
  return label ? shortLabel(label).toLowerCase() : code;
}

export function parseWord<T extends string>(
  raw: string,
  words: Vocabulary<T>,
  what: string,
): Parsed<T> {
  const code = words.get(normaliseWord(raw));
  if (code) return ok(code);
  const choices = [...new Set(words.values())].join(', ');
  return fail(`Onbekende ${what} "${raw.trim()}". Kies uit: ${choices}.`);
}

/** Several words in one cell; the codes once each, in the vocabulary's order when `ordered`. */
export function parseWords<T extends string>(
  raw: string,
  words: Vocabulary<T>,
  what: string,
  order?: readonly T[],
): Parsed<T[]> {
  const codes: T[] = [];
  for (const part of splitList(raw)) {
    const one = parseWord(part, words, what);
    if (!one.ok) return one;
    if (!codes.includes(one.value)) codes.push(one.value);
  }
  if (!codes.length) return fail(`Schrijf minstens één ${what}.`);
  return ok(order ? order.filter((c) => codes.includes(c)) : codes);
}

/** "24", "16-24", "16 tot 24", "16 - 24 uur" → { min, max } in 1..40. */
export function parseHours(raw: string): Parsed<{ min: number; max: number }> {
  const help = 'Schrijf uren per week als 24 of als 16-24 (van 1 tot en met 40).';
  const text = raw.replace(/uur|u\b/gi, '').trim();
  const m = /^(\d+(?:[.,]\d+)?)\s*(?:-|–|tot(?: en met)?|t\/m)\s*(\d+(?:[.,]\d+)?)$/i.exec(text);
  const parts = m ? [m[1] ?? '', m[2] ?? ''] : [text, text];
  const [min, max] = parts.map((p) => parseDecimal(p));
  if (!min?.ok || !max?.ok) return fail(help);
  const lo = Math.round(min.value);
  const hi = Math.round(max.value);
  if (lo < 1 || hi > 40 || lo > hi) return fail(help);
  return ok({ min: lo, max: hi });
}
export const formatHours = (h: { min: number; max: number }) =>
  h.min === h.max ? String(h.max) : `${h.min}-${h.max}`;

/** A rung of the participatieladder: "4", "trede 4" or its name ("onbetaald werk"). */
export function parseLadderRung(raw: string): Parsed<number> {
  const word = normaliseWord(raw).replace(/^trede /, '');
  if (/^[1-6]$/.test(word)) return ok(Number(word));
  for (const [rung, name] of Object.entries(LABELS.ladderRung))
    if (normaliseWord(name) === word) return ok(Number(rung));
  return fail('Schrijf de trede van de participatieladder: een getal van 1 tot en met 6.');
}

/** One aspect of the 0–3 scale: the number or the scale's words ("licht tillen (tot 5 kg)"). */
export function parseDemand(raw: string, aspect: DemandAspect): Parsed<number> {
  const word = normaliseWord(raw);
  if (/^[0-3]$/.test(word)) return ok(Number(word));
  const scale = DEMAND_SCALE[aspect];
  const index = scale.findIndex(
    (s) => normaliseWord(s) === word || normaliseWord(shortLabel(s)) === word,
  );
  if (index >= 0) return ok(index);
  return fail(`Schrijf 0, 1, 2 of 3 (${scale.map((s, i) => `${i} ${s}`).join(', ')}).`);
}

/** Certificates are lowercase codes ("vca", "vol-vca", "heftruck"); people write "VOL VCA". */
export function parseCertificates(raw: string): Parsed<string[]> {
  const codes: string[] = [];
  for (const part of raw.split(/\s*[,;/|\n]\s*/).filter(Boolean)) {
    const code = normaliseWord(part).replace(/ /g, '-');
    if (!/^[a-z0-9][a-z0-9-]{1,39}$/.test(code))
      return fail(`"${part}" is geen certificaat (2 tot 40 letters of cijfers).`);
    if (!codes.includes(code)) codes.push(code);
  }
  return ok(codes);
}

export function parseEmail(raw: string): Parsed<string> {
  const text = raw.trim().toLowerCase();
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text) && text.length <= 254
    ? ok(text)
    : fail('Geen geldig e-mailadres.');
}

export function parsePhone(raw: string): Parsed<string> {
  const text = raw.trim();
  return /^[+0-9][0-9 ()-]{7,19}$/.test(text)
    ? ok(text)
    : fail('Geen telefoonnummer. Schrijf bijvoorbeeld 06-12345678.');
}

export function parseKvk(raw: string): Parsed<string> {
  const digits = raw.replace(/[\s.]/g, '');
  const padded = /^\d{7}$/.test(digits) ? `0${digits}` : digits;
  return /^\d{8}$/.test(padded) && padded !== '00000000'
    ? ok(padded)
    : fail('Een KvK-nummer heeft 8 cijfers.');
}

/** Werksoorten by code, name or synonym (an administrator's list, read when the import starts). */
export function werksoortVocabulary(
  rows: readonly { code: string; name: string; synonyms: readonly string[] }[],
): Vocabulary<string> {
  const words = new Map<string, string>();
  for (const r of rows)
    for (const word of [r.code, r.name, ...r.synonyms]) words.set(normaliseWord(word), r.code);
  return words;
}

/** Similar names for the duplicate check: equal once normalised, or one small typo apart. */
export function similarNames(a: string, b: string): boolean {
  const x = normaliseWord(a);
  const y = normaliseWord(b);
  if (x === y) return true;
  if (Math.abs(x.length - y.length) > 2) return false;
  return editDistance(x, y) <= 2;
}

export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    previous = current;
  }
  return previous[b.length] ?? 0;
}
