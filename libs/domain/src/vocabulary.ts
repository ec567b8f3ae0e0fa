/**
 * The shared domain vocabulary. Codes are stable API values (Dutch domain terms, see DESIGN.md);
 * labels are the Dutch texts shown to people.
 */
export const ARRANGEMENTS = [
  'regulier',
  'proefplaatsing',
  'detachering',
  'werkervaringsplaats',
  'stage',
  'leerwerkbaan',
  'vrijwilligerswerk',
  'beschut_werk',
  'groepsdetachering',
] as const;
export type Arrangement = (typeof ARRANGEMENTS)[number];

export const DAYS = ['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'] as const;
export type Day = (typeof DAYS)[number];

/** Time windows as dayparts: ochtend 6–12, middag 12–18, avond 18–24, nacht 0–6. */
export const DAYPARTS = ['ochtend', 'middag', 'avond', 'nacht'] as const;
export type Daypart = (typeof DAYPARTS)[number];

export const TRAVEL_MODES = ['lopen', 'fiets', 'ebike', 'ov', 'auto'] as const;
export type TravelMode = (typeof TRAVEL_MODES)[number];

export const ROUTES = ['werk', 'participatie', 'jongeren', 'banenafspraak', 'inburgering'] as const;
export type Route = (typeof ROUTES)[number];

/** CEFR levels, ordered: the index is the rank used for "at least" comparisons. */
export const LANGUAGE_LEVELS = ['geen', 'A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;
export type LanguageLevel = (typeof LANGUAGE_LEVELS)[number];
export const languageRank = (level: LanguageLevel) => LANGUAGE_LEVELS.indexOf(level);

export const VACANCY_STATUSES = ['open', 'paused', 'filled', 'closed'] as const;
export type VacancyStatus = (typeof VACANCY_STATUSES)[number];

export const ORGANISATION_KINDS = [
  'gemeente',
  'werkbedrijf',
  're-integratiebedrijf',
  'werkgever',
  'beheer',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const BENEFIT_TYPES = [
  'participatiewet',
  'wajong',
  'wia',
  'ww',
  'ziektewet',
  'ioaw',
  'geen',
  'overig',
] as const;
export type BenefitType = (typeof BENEFIT_TYPES)[number];

export const INSTRUMENTS = [
  'loonkostensubsidie',
  'no_riskpolis',
  'jobcoaching',
  'proefplaatsing',
  'lkv',
  'werkplekaanpassing',
  'uitstroompremie',
  'scholingsvoucher',
  'sroi',
] as const;
export type Instrument = (typeof INSTRUMENTS)[number];

/**
 * Physical and environmental demands on one 0–3 scale. A vacancy states its demand,
 * a candidate the most they can take on; demand ≤ ability is a hard constraint.
 */
export const DEMAND_ASPECTS = ['lifting', 'standing', 'pace', 'stimuli', 'outdoor'] as const;
export type DemandAspect = (typeof DEMAND_ASPECTS)[number];
export type DemandProfile = Record<DemandAspect, number>;

export const DEMAND_SCALE: Record<DemandAspect, readonly [string, string, string, string]> = {
  lifting: [
    'niet tillen',
    'licht tillen (tot 5 kg)',
    'matig tillen (tot 15 kg)',
    'zwaar tillen (meer dan 15 kg)',
  ],
  standing: [
    'vooral zitten',
    'afwisselend zitten en staan',
    'veel staan of lopen',
    'de hele dag staan of lopen',
  ],
  pace: ['eigen tempo', 'rustig tempo', 'normaal tempo', 'hoog tempo'],
  stimuli: ['prikkelarm', 'weinig prikkels', 'gemiddeld veel prikkels', 'veel prikkels en lawaai'],
  outdoor: ['binnen', 'soms buiten', 'vaak buiten', 'altijd buiten'],
};

export const CERTIFICATE_PATTERN = /^[a-z0-9][a-z0-9-]{1,39}$/;

/**
 * Certificates are short codes people type ("vca", "vol-vca", "heftruck"). On a page they read as
 * people write them: abbreviations in capitals, other words as typed with spaces for hyphens.
 */
const CERTIFICATE_ABBREVIATIONS = new Set(['vca', 'vol', 'haccp', 'bhv', 'ehbo', 'svh', 'code95']);

export const certificateName = (code: string): string =>
  code
    .split('-')
    .map((part) => (CERTIFICATE_ABBREVIATIONS.has(part) ? part.toUpperCase() : part))
    .join(CERTIFICATE_ABBREVIATIONS.has(code.split('-')[0] ?? '') ? '-' : ' ');
