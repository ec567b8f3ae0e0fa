import { addMonths, dutchDate, labelOf } from '@werkbrug/domain';
import {
  ProblemException,
  type FieldError,
  type ProblemCode,
  type ProblemDocument,
  PROBLEM_CODES,
} from '@werkbrug/http';
import {
  GENERIC_FIELD_MESSAGE,
  GENERIC_FIELD_MESSAGE_JE,
  wordsFor,
  type DtoFieldWords,
} from './form-dto';
import type { FormErrors } from './form-errors';

/**
 * Every refusal the API can raise, in Dutch at B1 for the pages: the one place a page gets the words
 * for a problem code, so no API `title` or `detail` (English, for developers) ever reaches a page.
 * A sentence that speaks to the reader has a "je" form for candidates next to the "u" form; one
 * that does not ("Deze werkplek is vol.") is the same for everyone.
 */

/** The reader's form of address: "u" (employers, werkmakelaars, administrators) or "je" (candidates). */
export type Address = 'u' | 'je';

/** A sentence in the "u" form, and the "je" form when the sentence speaks to the reader. */
export interface ProblemSentence {
  u: string;
  je?: string;
}

type ListedCode = (typeof PROBLEM_CODES)[number];

const AGAIN: ProblemSentence = {
  u: 'De gegevens zijn intussen veranderd. Laad de pagina opnieuw en probeer het nog eens.',
};

export const PROBLEM_WORDS: Record<ListedCode, ProblemSentence> = {
  BAD_REQUEST: { u: 'Dit verzoek kunnen we niet verwerken. Ga terug en probeer het opnieuw.' },
  MALFORMED_JSON: { u: 'De gegevens kwamen niet goed aan. Probeer het opnieuw.' },
  PAYLOAD_TOO_LARGE: {
    u: 'U stuurde te veel tekst in één keer. Maak het korter en probeer het opnieuw.',
    je: 'Je stuurde te veel tekst in één keer. Maak het korter en probeer het opnieuw.',
  },
  UNSUPPORTED_MEDIA_TYPE: { u: 'De gegevens kwamen niet goed aan. Probeer het opnieuw.' },
  INVALID_PARAMETER: {
    u: 'Een keuze in het adres van de pagina klopt niet. Ga terug en probeer het opnieuw.',
  },
  INVALID_CURSOR: { u: 'Dit deel van de lijst bestaat niet meer. Begin weer bij het begin.' },
  INVALID_SORT: { u: 'In deze volgorde kunnen we de lijst niet zetten. Kies een andere volgorde.' },
  INVALID_IF_MATCH: AGAIN,
  VALIDATION_FAILED: {
    u: 'Er is iets niet goed ingevuld. Controleer wat u heeft ingevuld en probeer het opnieuw.',
    je: 'Er is iets niet goed ingevuld. Controleer wat je hebt ingevuld en probeer het opnieuw.',
  },
  NOT_FOUND: {
    u: 'Dit bestaat niet (meer), of u mag het niet zien.',
    je: 'Dit bestaat niet (meer), of je mag het niet zien.',
  },
  METHOD_NOT_ALLOWED: { u: 'Dit kan op deze pagina niet.' },
  DUPLICATE: { u: 'Dit bestaat al.' },
  STALE_VERSION: {
    u: 'Iemand anders heeft dit intussen gewijzigd. Laad de pagina opnieuw en probeer het nog eens.',
  },
  VERSION_REQUIRED: AGAIN,
  INTERNAL_ERROR: {
    u: 'Er ging iets mis. Dit ligt niet aan u. Probeer het later opnieuw.',
    je: 'Er ging iets mis. Dit ligt niet aan jou. Probeer het later opnieuw.',
  },
  UNAUTHENTICATED: {
    u: 'U bent niet (meer) ingelogd. Log opnieuw in.',
    je: 'Je bent niet (meer) ingelogd. Log opnieuw in.',
  },
  FORBIDDEN: { u: 'Dit mag u niet doen.', je: 'Dit mag je niet doen.' },
  RATE_LIMITED: { u: 'Te veel pogingen. Wacht even en probeer het dan opnieuw.' },
  MFA_REQUIRED: {
    u: 'Vul ook de code uit uw authenticator-app in.',
    je: 'Vul ook de code uit je authenticator-app in.',
  },
  MFA_SETUP_REQUIRED: {
    u: 'Stel eerst een authenticator-app in. Log in op de website, dan helpen wij u daarbij.',
    je: 'Stel eerst een authenticator-app in. Log in op de website, dan helpen wij je daarbij.',
  },
  MFA_CODE_INVALID: {
    u: 'De code klopt niet. Vul de code in die de app nu laat zien.',
  },
  MFA_ALREADY_ENROLLED: {
    u: 'U heeft al een authenticator-app ingesteld.',
    je: 'Je hebt al een authenticator-app ingesteld.',
  },
  MFA_NOT_NEEDED: {
    u: 'Voor dit account is geen tweede stap nodig.',
  },
  PURPOSE_REQUIRED: {
    u: 'Kies eerst waarom u deze gegevens wilt zien.',
    je: 'Kies eerst waarom je deze gegevens wilt zien.',
  },
  CANNOT_DEACTIVATE_SELF: {
    u: 'U kunt uw eigen account niet uitzetten.',
    je: 'Je kunt je eigen account niet uitzetten.',
  },
  EMPLOYER_IN_USE: {
    u: 'Deze werkgever heeft nog werkplekken, voorstellen of plaatsingen. Daarom kan hij niet weg.',
  },
  WERKSOORT_IN_USE: { u: 'Dit soort werk wordt nog gebruikt. Daarom kan het niet weg.' },
  WERKSOORT_MERGED: { u: 'Dit soort werk is al samengevoegd met een ander soort werk.' },
  REFERENCE_NOT_FOUND: {
    u: 'Iets wat u koos, bestaat niet (meer). Kies opnieuw.',
    je: 'Iets wat je koos, bestaat niet (meer). Kies opnieuw.',
  },
  CONFLICT: { u: 'Dit kan nu niet. Laad de pagina opnieuw en kijk hoe het nu staat.' },
  ILLEGAL_TRANSITION: {
    u: 'Deze stap kan nu niet: het voorstel staat intussen anders. Laad de pagina opnieuw.',
  },
  VACANCY_NOT_OPEN: { u: 'Deze werkplek staat niet open.' },
  PROPOSAL_EXISTS: { u: 'Er loopt al een voorstel voor deze kandidaat bij deze werkplek.' },
  NO_ACTIVE_CONSENT: { u: 'De kandidaat heeft (nog) geen toestemming gegeven om te delen.' },
  USE_DEDICATED_ROUTE: { u: 'Dit kan niet op deze manier. Gebruik de knop die hiervoor is.' },
  NO_FREE_PLACE: { u: 'Deze werkplek heeft geen vrije plek meer.' },
  PLACEMENT_ENDED: { u: 'Deze plaatsing is al beëindigd.' },
  PLACEMENT_ALREADY_CONFIRMED: {
    u: 'De werkgever heeft deze plaatsing al bevestigd. Verlengen of beëindigen kan nog wel.',
  },
  PLACEMENT_NOT_CONFIRMED: {
    u: 'De werkgever heeft deze plaatsing nog niet bevestigd. Pas de plaatsing eerst aan.',
  },
  IDENTIFYING_TEXT: {
    u: 'In de tekst staat wie de kandidaat is, zoals een naam of contactgegevens. Dat mag de werkgever niet zien. Schrijf over "de kandidaat".',
  },
  MEETING_RUNNING: {
    u: 'Er staat al een afspraak voor dit voorstel. Verzet of annuleer die eerst.',
  },
  MEETING_CLOSED: {
    u: 'Deze afspraak is voorbij of geannuleerd. Maak zo nodig een nieuwe afspraak.',
  },
  MEETING_AGREED: {
    u: 'Er is al een moment afgesproken. Verzet de afspraak eerst als u een ander moment wilt.',
    je: 'Er is al een moment afgesproken. Verzet de afspraak eerst als je een ander moment wilt.',
  },
  MOMENT_UNAVAILABLE: {
    u: 'Dit moment kan niet meer. Kies een van de momenten die nog komen.',
  },
  MEETING_NOT_HELD_YET: {
    u: 'De afspraak is nog niet geweest. Vertel hoe het ging als het afgesproken moment begonnen is.',
  },
  ARRANGEMENT_RULE: { u: 'Dit mag niet volgens de regels van deze vorm van werk.' },
  RULE_PERIOD_TAKEN: { u: 'Er is al een regel die op of na deze datum begint.' },
  IMPORT_FILE_TOO_LARGE: {
    u: 'Het bestand is groter dan 50 MB. Splits het in delen en probeer het opnieuw.',
  },
  IMPORT_FILE_UNREADABLE: {
    u: 'Werkbrug kan dit bestand niet lezen. Gebruik een Excel-bestand (.xlsx) of CSV.',
  },
  IMPORT_NOT_RUNNABLE: {
    u: 'Deze import kan nu niet worden uitgevoerd. Wacht tot de proefimport klaar is.',
  },
  SEARCH_UNAVAILABLE: {
    u: 'Zoeken werkt nu even niet. Probeer het over een paar minuten opnieuw.',
  },
  DATABASE_UNAVAILABLE: {
    u: 'Werkbrug is even niet bereikbaar. Probeer het over een minuut opnieuw.',
  },
  SERVICE_UNAVAILABLE: {
    u: 'Werkbrug werkt nu even niet helemaal. Probeer het over een paar minuten opnieuw.',
  },
  EMAIL_TAKEN: { u: 'Er is al een account met dit e-mailadres.' },
  INVALID_LINK: { u: 'Deze link is niet goed of niet meer geldig.' },
  LINK_INVALID: { u: 'Deze link is niet goed of niet meer geldig.' },
  NO_EMAIL: {
    u: 'Er is nog geen e-mailadres bekend.',
    je: 'We hebben nog geen e-mailadres van je. Vraag je werkmakelaar om het in te vullen.',
  },
  IN_USE: { u: 'Dit wordt nog gebruikt. Daarom kan het niet weg.' },
  VACANCY_IN_USE: {
    u: 'Deze werkplek heeft nog voorstellen of plaatsingen. Daarom kan hij niet weg.',
  },
  HOURS_ALREADY_LOGGED: { u: 'Voor deze week zijn al uren geboekt.' },
  HOUR_LIMIT: {
    u: 'Met deze uren komt het traject boven de grens. Schrijf op waarom dat toch nodig is, of boek minder uren.',
  },
  TRAJECTORY_ENDED: { u: 'Dit traject is afgelopen.' },
  TRAJECTORY_OVERLAP: { u: 'Deze kandidaat heeft in die periode al een traject op deze route.' },
  INSTRUMENT_DOES_NOT_APPLY: { u: 'Deze regeling geldt niet bij deze plaatsing.' },
  UNKNOWN_INSTRUMENT: { u: 'Deze regeling kennen we niet.' },
  UNKNOWN_GEMEENTE: { u: 'Deze gemeente kennen we niet. Controleer de naam.' },
  RULE_NOT_IN_FORCE: { u: 'Op die datum geldt er geen regel.' },
  RULE_VERSION_IN_PAST: { u: 'Een nieuwe versie van een regel kan niet in het verleden beginnen.' },
  RULE_VERSION_OVERLAP: { u: 'Er is al een versie van deze regel in die periode.' },
};

/** A framework error without a listed code (`HTTP_<status>`): said by its status. */
const BY_STATUS: Record<number, ProblemSentence> = {
  400: PROBLEM_WORDS.BAD_REQUEST,
  401: PROBLEM_WORDS.UNAUTHENTICATED,
  403: PROBLEM_WORDS.FORBIDDEN,
  404: PROBLEM_WORDS.NOT_FOUND,
  405: PROBLEM_WORDS.METHOD_NOT_ALLOWED,
  409: PROBLEM_WORDS.CONFLICT,
  413: PROBLEM_WORDS.PAYLOAD_TOO_LARGE,
  415: PROBLEM_WORDS.UNSUPPORTED_MEDIA_TYPE,
  422: PROBLEM_WORDS.VALIDATION_FAILED,
  428: PROBLEM_WORDS.VERSION_REQUIRED,
  429: PROBLEM_WORDS.RATE_LIMITED,
  503: PROBLEM_WORDS.SERVICE_UNAVAILABLE,
};

const isListed = (code: string): code is ListedCode => Object.hasOwn(PROBLEM_WORDS, code);

/** The problem document of a refusal (a ProblemException or the document itself), or null. */
export function problemDocumentOf(problem: unknown): ProblemDocument | null {
  if (problem instanceof ProblemException) return problem.problem;
  if (typeof problem === 'object' && problem !== null && 'code' in problem && 'status' in problem)
    return problem as ProblemDocument;
  return null;
}

const say = (sentence: ProblemSentence, address: Address) =>
  address === 'je' ? (sentence.je ?? sentence.u) : sentence.u;

/** The arrangement rule a refusal quotes (the `rule` extension of ARRANGEMENT_RULE). */
interface RuleQuote {
  arrangement: string;
  initialMonths: number;
  maxTotalMonths: number;
}

const ruleOf = (doc: ProblemDocument): RuleQuote | null => {
  const rule = doc.rule as Partial<RuleQuote> | undefined;
  return typeof rule?.arrangement === 'string' &&
    typeof rule.initialMonths === 'number' &&
    typeof rule.maxTotalMonths === 'number'
    ? (rule as RuleQuote)
    : null;
};

const months = (n: number) => `${n} ${n === 1 ? 'maand' : 'maanden'}`;

/**
 * An arrangement rule refusal in words: how long this form of work may last, and (with the start
 * date and whether it is the first period or an extension) the last allowed end date.
 */
export function arrangementRuleWords(
  problem: unknown,
  context: { startDate?: string; phase?: 'start' | 'extend' } = {},
): string {
  const doc = problemDocumentOf(problem);
  const rule = doc && ruleOf(doc);
  if (!rule) return PROBLEM_WORDS.ARRANGEMENT_RULE.u;
  const name = labelOf('arrangementInText', rule.arrangement);
  const limit = (n: number) =>
    context.startDate
      ? ` Kies een einddatum op of voor ${dutchDate(addMonths(context.startDate, n))}.`
      : '';
  if (context.phase === 'extend')
    return `Een ${name} duurt in totaal hoogstens ${months(rule.maxTotalMonths)}.${limit(rule.maxTotalMonths)}`;
  return `Een ${name} duurt eerst hoogstens ${months(rule.initialMonths)}. Daarna kunt u verlengen tot in totaal ${months(rule.maxTotalMonths)}.${limit(rule.initialMonths)}`;
}

/**
 * The Dutch sentence for a refusal, in the reader's form of address. Never the API's title or
 * detail; a problem without a listed code is said by its status.
 */
export function problemWords(problem: unknown, address: Address = 'u'): string {
  const doc = problemDocumentOf(problem);
  if (!doc) return say(PROBLEM_WORDS.INTERNAL_ERROR, address);
  if (doc.code === 'ARRANGEMENT_RULE') return arrangementRuleWords(doc);
  if (isListed(doc.code)) return say(PROBLEM_WORDS[doc.code], address);
  const status = Number(doc.status);
  return say(BY_STATUS[status] ?? PROBLEM_WORDS.INTERNAL_ERROR, address);
}

/** The field errors a problem document carries (validation refusals of a service). */
export const problemFieldErrors = (problem: unknown): FieldError[] => {
  const errors = problemDocumentOf(problem)?.errors;
  return Array.isArray(errors)
    ? errors.filter(
        (e): e is FieldError => typeof e === 'object' && e !== null && typeof e.field === 'string',
      )
    : [];
};

/** How a form shows a service's refusal: where and in whose words. */
export interface ProblemOnForm {
  /** The field a refusal without a field of its own goes to (and the summary links to). */
  field: string;
  /** The page's own words for a service's field refusals, by the API's field path ('plannedEndDate'). */
  refusals?: Readonly<Record<string, string>>;
  /** The page's words for its DTO's fields (as validateAsDto uses them), when no refusal words fit. */
  words?: DtoFieldWords;
  /** The page's words for a code, before the catalogue's (a sentence about this very form). */
  codes?: Partial<Readonly<Record<ProblemCode, string>>>;
  address?: Address;
}

/**
 * A service refused a form: each field error of the problem goes to its own field in the page's
 * words (a refusal word, then the DTO words, then a generic "check this"), and a refusal without
 * fields goes to `field` in the catalogue's words. The API's English never reaches the page.
 */
export function addProblem(errors: FormErrors, problem: unknown, on: ProblemOnForm): FormErrors {
  const doc = problemDocumentOf(problem);
  const address = on.address ?? 'u';
  const own = doc ? on.codes?.[doc.code] : undefined;
  if (own) return errors.add(on.field, own);
  const fieldErrors = problemFieldErrors(problem);
  for (const e of fieldErrors) {
    const words = on.words ? wordsFor(e.field, on.words) : null;
    const message =
      on.refusals?.[e.field] ??
      words?.message ??
      (address === 'je' ? GENERIC_FIELD_MESSAGE_JE : GENERIC_FIELD_MESSAGE);
    errors.add(words?.field ?? (on.refusals?.[e.field] ? e.field : on.field), message);
  }
  if (!fieldErrors.length) errors.add(on.field, problemWords(problem, address));
  return errors;
}
