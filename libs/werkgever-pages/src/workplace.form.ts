import {
  ARRANGEMENTS,
  CERTIFICATE_PATTERN,
  DAYPARTS,
  DAYS,
  DEMAND_ASPECTS,
  DEMAND_SCALE,
  INSTRUMENTS,
  LANGUAGE_LEVELS,
  type DemandAspect,
} from '@werkbrug/domain';
import {
  FormErrors,
  field,
  fieldList,
  labelChoices,
  validateAsDto,
  type DtoFieldWords,
  type FormBody,
} from '@werkbrug/web';
import { dutchDate, labelOf } from '@werkbrug/domain';
import type { CreateVacancyDto, UpdateVacancyDto } from '@werkbrug/vacancies';

/**
 * The workplace form in the words an employer uses, and its translation to and from the vacancy
 * API's fields: the one model behind the employer's workplace pages and the werkmakelaar's "workplace
 * for an employer" (both render the `workplace-fields` partial). Pure functions: the controller
 * renders, the VacanciesService decides.
 */

/** Ways hours can be adjusted ("aangepaste uren"); stored in the vacancy's hoursAdjustmentNote. */
export const ADJUSTMENTS = {
  kortere_dagen: 'Kortere werkdagen',
  minder_dagen: 'Minder dagen per week',
  later_beginnen: 'Later beginnen',
  eerder_stoppen: 'Eerder stoppen',
  extra_pauzes: 'Extra pauzes',
  opbouwen: 'Uren langzaam opbouwen',
} as const;
export type Adjustment = keyof typeof ADJUSTMENTS;
const ADJUSTMENT_CODES = Object.keys(ADJUSTMENTS) as Adjustment[];

export const DEMAND_QUESTIONS: Record<DemandAspect, string> = {
  lifting: 'Hoeveel moet er getild worden?',
  standing: 'Hoeveel moet de medewerker staan of lopen?',
  pace: 'Hoe hoog is het werktempo?',
  stimuli: 'Hoeveel drukte en geluid is er?',
  outdoor: 'Hoe vaak is het werk buiten?',
};

export const SUPPORT = {
  jobcoach: 'Een jobcoach is welkom op de werkplek',
  buddy: 'Er is een vaste collega die helpt (buddy)',
  rolstoel: 'De werkplek is toegankelijk met een rolstoel',
} as const;

/** The form as posted or as shown: strings and lists of strings only. */
export interface WorkplaceValues {
  title: string;
  werksoort: string;
  description: string;
  location: string;
  hoursMin: string;
  hoursMax: string;
  workingDays: string[];
  dayparts: string[];
  hoursAdjustable: string;
  adjustments: string[];
  adjustmentNote: string;
  arrangements: string[];
  lifting: string;
  standing: string;
  pace: string;
  stimuli: string;
  outdoor: string;
  support: string[];
  minLanguageLevel: string;
  requiredCertificates: string;
  desiredCertificates: string;
  places: string;
  startDate: string;
  instruments: string[];
}

export const EMPTY_WORKPLACE: WorkplaceValues = {
  title: '',
  werksoort: '',
  description: '',
  location: '',
  hoursMin: '',
  hoursMax: '',
  workingDays: [],
  dayparts: [],
  hoursAdjustable: '',
  adjustments: [],
  adjustmentNote: '',
  arrangements: [],
  lifting: '',
  standing: '',
  pace: '',
  stimuli: '',
  outdoor: '',
  support: [],
  minLanguageLevel: 'geen',
  requiredCertificates: '',
  desiredCertificates: '',
  places: '1',
  startDate: '',
  instruments: [],
};

const LISTS = [
  'workingDays',
  'dayparts',
  'adjustments',
  'arrangements',
  'support',
  'instruments',
] as const;

export function readWorkplaceForm(body: FormBody): WorkplaceValues {
  const values = { ...EMPTY_WORKPLACE };
  for (const key of Object.keys(EMPTY_WORKPLACE) as (keyof WorkplaceValues)[]) {
    if ((LISTS as readonly string[]).includes(key))
      (values as Record<string, unknown>)[key] = fieldList(body, key);
    else (values as Record<string, unknown>)[key] = field(body, key);
  }
  return values;
}

/** Location of the employer, as the vacancy API takes it. */
export interface EmployerLocationOption {
  id: string;
  address: string | null;
  postcode: string;
  place: string;
  lat: number | null;
  lng: number | null;
}

const WHOLE = /^\d{1,3}$/;
const subset = (list: string[], allowed: readonly string[]) =>
  list.every((v) => allowed.includes(v));
const certificates = (text: string) =>
  text
    .split(/[,;\s]+/)
    .map((c) => c.trim().toLowerCase())
    .filter(Boolean);

/**
 * The vacancy DTO's plain input, before class-validator has seen it: the DTO's own property names
 * (a misspelt one does not compile), values as the form produced them. validateAsDto turns it into a
 * CreateVacancyDto or UpdateVacancyDto, or refuses it in the form's words.
 */
export type VacancyPlainInput = { [K in keyof (CreateVacancyDto & UpdateVacancyDto)]?: unknown };

/** Where the vacancy DTO's refusals show on the form, in the form's own words. */
export const WORKPLACE_DTO_WORDS: DtoFieldWords = {
  werksoort: { field: 'werksoort', message: 'Kies het soort werk' },
  title: { field: 'title', message: 'Vul de naam van de werkplek in, korter dan 200 tekens' },
  description: { field: 'description', message: 'Maak de omschrijving korter' },
  'location.*': { field: 'location', message: 'Kies de locatie van de werkplek' },
  location: { field: 'location', message: 'Kies de locatie van de werkplek' },
  arrangements: {
    field: 'arrangements',
    message: 'Kies minstens één vorm waarop iemand hier kan werken',
  },
  hoursMin: {
    field: 'hoursMin',
    message: 'Vul bij "van" een heel aantal uren in, van 1 tot en met 40',
  },
  hoursMax: {
    field: 'hoursMax',
    message: 'Vul bij "tot" een heel aantal uren in, van 1 tot en met 40',
  },
  workingDays: { field: 'workingDays', message: 'Kies minstens één werkdag' },
  dayparts: { field: 'dayparts', message: 'Kies minstens één dagdeel' },
  hoursAdjustable: { field: 'hoursAdjustable', message: 'Kies of de uren aangepast kunnen worden' },
  hoursAdjustmentNote: {
    field: 'adjustmentNote',
    message: 'Maak de toelichting korter (samen hoogstens 500 tekens)',
  },
  requiredCertificates: {
    field: 'requiredCertificates',
    message: 'Noem elk certificaat één keer, als kort woord, met komma’s ertussen',
  },
  desiredCertificates: {
    field: 'desiredCertificates',
    message: 'Noem elk certificaat één keer, als kort woord, met komma’s ertussen',
  },
  minLanguageLevel: { field: 'minLanguageLevel', message: 'Kies een taalniveau' },
  'demands.lifting': { field: 'lifting', message: 'Beantwoord de vraag over tillen' },
  'demands.standing': { field: 'standing', message: 'Beantwoord de vraag over staan en lopen' },
  'demands.pace': { field: 'pace', message: 'Beantwoord de vraag over het werktempo' },
  'demands.stimuli': { field: 'stimuli', message: 'Beantwoord de vraag over drukte en geluid' },
  'demands.outdoor': { field: 'outdoor', message: 'Beantwoord de vraag over buiten werken' },
  places: { field: 'places', message: 'Vul een heel aantal plekken in, van 1 tot en met 500' },
  startDate: { field: 'startDate', message: 'Vul een echte datum in, zoals 4 januari 2027' },
  instruments: { field: 'instruments', message: 'Kies uit de lijst' },
  version: { field: 'title', message: 'Laad de werkplek opnieuw en probeer het nog eens' },
};

/** The note holds the chosen adjustments in words, then the employer's own text. */
export function adjustmentNote(values: WorkplaceValues): string {
  const chosen = values.adjustments
    .filter((a): a is Adjustment => a in ADJUSTMENTS)
    .map((a) => ADJUSTMENTS[a]);
  return [chosen.join(', '), values.adjustmentNote].filter(Boolean).join('. ');
}

/**
 * Checks the form in Dutch (one message per field, GOV.UK style) and, when it is complete, builds
 * the vacancy DTO's plain input. parseWorkplace then runs the API's DTO over it.
 */
export function validateWorkplace(
  values: WorkplaceValues,
  werksoorten: readonly string[],
  locations: readonly EmployerLocationOption[],
  today: string,
): { errors: FormErrors; input: VacancyPlainInput | null } {
  const e = new FormErrors();
  if (!values.title) e.add('title', 'Vul de naam van de werkplek in');
  else if (values.title.length > 200) e.add('title', 'Maak de naam korter dan 200 tekens');
  if (!werksoorten.includes(values.werksoort)) e.add('werksoort', 'Kies het soort werk');
  if (values.description.length > 10_000) e.add('description', 'Maak de omschrijving korter');
  const location = locations.find((l) => l.id === values.location);
  if (!location) e.add('location', 'Kies de locatie van de werkplek');
  const min = Number(values.hoursMin);
  const max = Number(values.hoursMax);
  if (!WHOLE.test(values.hoursMin) || min < 1 || min > 40)
    e.add('hoursMin', 'Vul bij "van" een heel aantal uren in, van 1 tot en met 40');
  if (!WHOLE.test(values.hoursMax) || max < 1 || max > 40)
    e.add('hoursMax', 'Vul bij "tot" een heel aantal uren in, van 1 tot en met 40');
  else if (!e.has('hoursMin') && max < min)
    e.add('hoursMax', 'Het aantal uren bij "tot" moet even groot of groter zijn dan bij "van"');
  if (!values.workingDays.length || !subset(values.workingDays, DAYS))
    e.add('workingDays', 'Kies minstens één werkdag');
  if (!values.dayparts.length || !subset(values.dayparts, DAYPARTS))
    e.add('dayparts', 'Kies minstens één dagdeel');
  if (!['ja', 'nee'].includes(values.hoursAdjustable))
    e.add('hoursAdjustable', 'Kies of de uren aangepast kunnen worden');
  else if (values.hoursAdjustable === 'ja' && !values.adjustments.length && !values.adjustmentNote)
    e.add('adjustments', 'Kies hoe de uren aangepast kunnen worden, of beschrijf het');
  if (!subset(values.adjustments, ADJUSTMENT_CODES)) e.add('adjustments', 'Kies uit de lijst');
  if (adjustmentNote(values).length > 500)
    e.add('adjustmentNote', 'Maak de toelichting korter (samen hoogstens 500 tekens)');
  if (!values.arrangements.length || !subset(values.arrangements, ARRANGEMENTS))
    e.add('arrangements', 'Kies minstens één vorm waarop iemand hier kan werken');
  for (const aspect of DEMAND_ASPECTS)
    if (!['0', '1', '2', '3'].includes(values[aspect]))
      e.add(aspect, `Beantwoord de vraag: ${DEMAND_QUESTIONS[aspect].toLowerCase()}`);
  if (!subset(values.support, Object.keys(SUPPORT))) e.add('support', 'Kies uit de lijst');
  if (!(LANGUAGE_LEVELS as readonly string[]).includes(values.minLanguageLevel))
    e.add('minLanguageLevel', 'Kies een taalniveau');
  for (const name of ['requiredCertificates', 'desiredCertificates'] as const) {
    const list = certificates(values[name]);
    if (list.length > 20 || !list.every((c) => CERTIFICATE_PATTERN.test(c)))
      e.add(
        name,
        'Schrijf certificaten als korte woorden met komma’s ertussen, zoals: vca, heftruck',
      );
  }
  const places = Number(values.places);
  if (!WHOLE.test(values.places) || places < 1 || places > 500)
    e.add('places', 'Vul een heel aantal plekken in, van 1 tot en met 500');
  if (values.startDate) {
    const valid =
      /^\d{4}-\d{2}-\d{2}$/.test(values.startDate) && !Number.isNaN(Date.parse(values.startDate));
    if (!valid) e.add('startDate', 'Vul een echte datum in, zoals 4 januari 2027');
    else if (values.startDate < today)
      e.add('startDate', 'De startdatum moet vandaag of later zijn');
  }
  if (!subset(values.instruments, INSTRUMENTS)) e.add('instruments', 'Kies uit de lijst');
  if (e.any || !location) return { errors: e, input: null };
  return {
    errors: e,
    input: {
      werksoort: values.werksoort,
      title: values.title,
      description: values.description,
      location: {
        ...(location.address ? { address: location.address } : {}),
        postcode: location.postcode,
        place: location.place,
        ...(location.lat !== null && location.lng !== null
          ? { lat: location.lat, lng: location.lng }
          : {}),
      },
      arrangements: values.arrangements,
      hoursMin: min,
      hoursMax: max,
      workingDays: values.workingDays,
      dayparts: values.dayparts,
      hoursAdjustable: values.hoursAdjustable === 'ja',
      hoursAdjustmentNote: values.hoursAdjustable === 'ja' ? adjustmentNote(values) : '',
      requiredCertificates: certificates(values.requiredCertificates),
      desiredCertificates: certificates(values.desiredCertificates),
      minLanguageLevel: values.minLanguageLevel,
      demands: {
        lifting: Number(values.lifting),
        standing: Number(values.standing),
        pace: Number(values.pace),
        stimuli: Number(values.stimuli),
        outdoor: Number(values.outdoor),
      },
      jobcoachWelcome: values.support.includes('jobcoach'),
      buddyAvailable: values.support.includes('buddy'),
      wheelchairAccessible: values.support.includes('rolstoel'),
      places,
      ...(values.startDate ? { startDate: values.startDate } : {}),
      instruments: values.instruments,
    },
  };
}

/** The form's Dutch checks, then the API's DTO over what they built: a DTO instance or the errors. */
export async function parseWorkplace<T extends CreateVacancyDto | UpdateVacancyDto>(
  dto: new () => T,
  values: WorkplaceValues,
  rules: {
    werksoorten: readonly string[];
    locations: readonly EmployerLocationOption[];
    today: string;
  },
  extra: VacancyPlainInput = {},
): Promise<{ errors: FormErrors; dto: T | null }> {
  const { errors, input } = validateWorkplace(
    values,
    rules.werksoorten,
    rules.locations,
    rules.today,
  );
  if (!input) return { errors, dto: null };
  const parsed = await validateAsDto(
    dto,
    { ...input, ...extra },
    WORKPLACE_DTO_WORDS,
    errors,
    'title',
  );
  return { errors, dto: parsed };
}

/** A stored vacancy back into the form (for editing). */
export function workplaceValuesOf(
  v: {
    title: string;
    werksoort: { code: string | null };
    description: string;
    location: { postcode: string; place: string; address: string | null };
    hoursMin: number;
    hoursMax: number;
    workingDays: string[];
    dayparts: string[];
    hoursAdjustable: boolean;
    hoursAdjustmentNote: string;
    arrangements: string[];
    demands: Record<DemandAspect, number>;
    jobcoachWelcome: boolean;
    buddyAvailable: boolean;
    wheelchairAccessible: boolean;
    minLanguageLevel: string;
    requiredCertificates: string[];
    desiredCertificates: string[];
    places: number;
    startDate: string | null;
    instruments: string[];
  },
  locations: readonly EmployerLocationOption[],
): WorkplaceValues {
  // The note starts with the chosen adjustments in words; the rest is the employer's own text.
  let note = v.hoursAdjustmentNote ?? '';
  const adjustments: string[] = [];
  const [first, ...rest] = note.split('. ');
  const words = (first ?? '').split(', ');
  const codes = words.map((w) => ADJUSTMENT_CODES.find((c) => ADJUSTMENTS[c] === w));
  if (words.length && codes.every(Boolean)) {
    adjustments.push(...(codes as string[]));
    note = rest.join('. ');
  }
  const location =
    locations.find((l) => l.postcode === v.location.postcode && l.place === v.location.place) ??
    null;
  return {
    title: v.title,
    werksoort: v.werksoort.code ?? '',
    description: v.description,
    location: location?.id ?? '',
    hoursMin: String(v.hoursMin),
    hoursMax: String(v.hoursMax),
    workingDays: v.workingDays,
    dayparts: v.dayparts,
    hoursAdjustable: v.hoursAdjustable ? 'ja' : 'nee',
    adjustments,
    adjustmentNote: note,
    arrangements: v.arrangements,
    lifting: String(v.demands.lifting),
    standing: String(v.demands.standing),
    pace: String(v.demands.pace),
    stimuli: String(v.demands.stimuli),
    outdoor: String(v.demands.outdoor),
    support: [
      ...(v.jobcoachWelcome ? ['jobcoach'] : []),
      ...(v.buddyAvailable ? ['buddy'] : []),
      ...(v.wheelchairAccessible ? ['rolstoel'] : []),
    ],
    minLanguageLevel: v.minLanguageLevel,
    requiredCertificates: v.requiredCertificates.join(', '),
    desiredCertificates: v.desiredCertificates.join(', '),
    places: String(v.places),
    startDate: v.startDate ?? '',
    instruments: v.instruments,
  };
}

const dayWords = (codes: string[]) => codes.map((c) => labelOf('day', c)).join(', ');

/**
 * Check-your-answers rows; `changeField` names the field a "Wijzig" button returns to. `reader` is
 * who fills the form in: the employer ("u") or a werkmakelaar on the employer's behalf.
 */
export function workplaceSummary(
  values: WorkplaceValues,
  werksoortNames: Record<string, string>,
  locations: readonly EmployerLocationOption[],
  reader: 'werkgever' | 'werkmakelaar' = 'werkgever',
) {
  const location = locations.find((l) => l.id === values.location);
  const demand = (aspect: DemandAspect) => DEMAND_SCALE[aspect][Number(values[aspect])] ?? '';
  const rows: { key: string; value: string; changeField: string }[] = [
    { key: 'Naam van de werkplek', value: values.title, changeField: 'title' },
    {
      key: 'Soort werk',
      value: werksoortNames[values.werksoort] ?? values.werksoort,
      changeField: 'werksoort',
    },
    { key: 'Wat gaat de medewerker doen?', value: values.description, changeField: 'description' },
    {
      key: 'Locatie',
      value: location
        ? [location.address, `${location.postcode} ${location.place}`].filter(Boolean).join(', ')
        : '',
      changeField: 'location',
    },
    {
      key: 'Uren per week',
      value: `${values.hoursMin} tot ${values.hoursMax} uur`,
      changeField: 'hoursMin',
    },
    { key: 'Werkdagen', value: dayWords(values.workingDays), changeField: 'workingDays' },
    {
      key: 'Dagdelen',
      value: values.dayparts.map((d) => labelOf('daypart', d)).join(', '),
      changeField: 'dayparts',
    },
    {
      key: 'Aangepaste uren',
      value: values.hoursAdjustable === 'ja' ? `Ja: ${adjustmentNote(values)}` : 'Nee',
      changeField: 'hoursAdjustable',
    },
    {
      key: 'Vormen',
      value: values.arrangements.map((a) => labelOf('arrangement', a)).join(', '),
      changeField: 'arrangements',
    },
    {
      key: 'Wat vraagt het werk?',
      value: DEMAND_ASPECTS.map((a) => demand(a)).join(', '),
      changeField: 'lifting',
    },
    {
      key: 'Steun en toegankelijkheid',
      value:
        values.support.map((s) => SUPPORT[s as keyof typeof SUPPORT] ?? s).join('\n') || 'Geen',
      changeField: 'support',
    },
    {
      key: 'Taalniveau',
      value: labelOf('languageLevel', values.minLanguageLevel),
      changeField: 'minLanguageLevel',
    },
    {
      key: 'Certificaten',
      value:
        [
          values.requiredCertificates && `Verplicht: ${values.requiredCertificates}`,
          values.desiredCertificates && `Mooi meegenomen: ${values.desiredCertificates}`,
        ]
          .filter(Boolean)
          .join('\n') || 'Geen',
      changeField: 'requiredCertificates',
    },
    { key: 'Aantal plekken', value: values.places, changeField: 'places' },
    {
      key: 'Startdatum',
      value: /^\d{4}-\d{2}-\d{2}$/.test(values.startDate)
        ? dutchDate(values.startDate)
        : 'In overleg',
      changeField: 'startDate',
    },
    {
      key:
        reader === 'werkgever'
          ? 'Regelingen waar u open voor staat'
          : 'Regelingen waar de werkgever open voor staat',
      value: values.instruments.map((i) => labelOf('instrument', i)).join(', ') || 'Geen voorkeur',
      changeField: 'instruments',
    },
  ];
  return rows;
}

/** Options for the form's choice groups, in the order shown. */
export function workplaceOptions(
  werksoorten: { code: string; name: string }[],
  locations: readonly EmployerLocationOption[],
) {
  return {
    werksoort: [
      { value: '', text: 'Kies het soort werk' },
      ...werksoorten.map((w) => ({ value: w.code, text: w.name })),
    ],
    location: [
      { value: '', text: 'Kies een locatie' },
      ...locations.map((l) => ({
        value: l.id,
        text: [l.address, `${l.postcode} ${l.place}`].filter(Boolean).join(', '),
      })),
    ],
    workingDays: labelChoices('day', DAYS),
    dayparts: labelChoices('daypart', DAYPARTS),
    hoursAdjustable: [
      { value: 'ja', text: 'Ja, daar kunnen we over praten' },
      { value: 'nee', text: 'Nee, de uren liggen vast' },
    ],
    adjustments: ADJUSTMENT_CODES.map((a) => ({ value: a, text: ADJUSTMENTS[a] })),
    arrangements: labelChoices('arrangement', ARRANGEMENTS).map((c) => ({
      ...c,
      hint: labelOf('arrangementHint', c.value),
    })),
    demands: DEMAND_ASPECTS.map((aspect) => ({
      name: aspect,
      legend: DEMAND_QUESTIONS[aspect],
      options: DEMAND_SCALE[aspect].map((text, i) => ({ value: String(i), text })),
    })),
    support: Object.entries(SUPPORT).map(([value, text]) => ({ value, text })),
    minLanguageLevel: labelChoices('languageLevel', LANGUAGE_LEVELS),
    instruments: labelChoices('instrument', INSTRUMENTS),
  };
}
