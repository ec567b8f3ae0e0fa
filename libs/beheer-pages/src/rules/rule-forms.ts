import { ARRANGEMENTS, type FiguresStatus } from '@werkbrug/domain';
import type { CreateRuleVersionDto } from '@werkbrug/instruments';
import { CreateRuleDto } from '@werkbrug/placements';
import { CreateTrajectoryRuleDto } from '@werkbrug/trajectories';
import { type DtoFieldWords, field, type FormBody, FormErrors, validateAsDto } from '@werkbrug/web';

/** A parameter of an instrument's rule as the form shows it: scalar figures only. */
export interface ParamField {
  key: string;
  name: string;
  label: string;
  value: string;
  kind: 'number' | 'decimal' | 'text';
}

/**
 * The parameters in words (B1 Dutch, "u"). Lists (which benefits, which forms of work) and fixed
 * choices are carried over from the version before unchanged; the form asks for figures only.
 */
export const PARAM_LABELS: Record<string, string> = {
  perHour: 'Bedrag per uur in euro',
  minAge: 'Vanaf welke leeftijd',
  maxShare: 'Hoogste deel van het minimumloon (bijvoorbeeld 0,70)',
  vakantiebijslag: 'Opslag voor vakantiegeld (bijvoorbeeld 1,08)',
  werkgeverslasten: 'Opslag voor werkgeverslasten (bijvoorbeeld 1,235)',
  applyWithinMonths: 'Aanvragen binnen hoeveel maanden',
  maxPerYear: 'Hoogstens per jaar in euro',
  maxYears: 'Hoeveel jaar',
  doelgroepverklaringWithinMonths: 'Doelgroepverklaring binnen hoeveel maanden',
  maxWageFactor: 'Hoogste uurloon als deel van het minimumloon (bijvoorbeeld 1,25)',
  yearOne: 'Uitkering in jaar 1',
  yearTwo: 'Uitkering in jaar 2',
  maxWeeks: 'Hoogstens hoeveel weken',
  withinYears: 'Binnen hoeveel jaar',
  months: 'Duur in maanden',
  maxTotalMonths: 'Hoogstens in totaal, in maanden',
  minContractIntentMonths: 'Contract daarna van minstens hoeveel maanden',
  minContractMonths: 'Contract van minstens hoeveel maanden',
  minHours: 'Minstens hoeveel uur per week',
  minLoonwaarde: 'Loonwaarde van minstens hoeveel procent',
  exceptionMinHours: 'Uitzondering: minstens hoeveel uur per week',
  exceptionMinLoonwaarde: 'Uitzondering: loonwaarde van minstens hoeveel procent',
  amount: 'Bedrag in euro',
  reducedAmount: 'Lager bedrag in euro',
  periodMonths: 'Periode in maanden',
  afterMonths: 'Na hoeveel maanden',
};

/** Parameters that are a choice, not a figure: never on the form. */
const FIXED = new Set(['target', 'keep']);
/** Decimal strings with a dot in the rules, a comma on the page. */
const isDecimalString = (v: string) => /^\d+(\.\d+)?$/.test(v);
const toPage = (v: string) => v.replace('.', ',');

/** The figures of a version as form fields (param_<key>), from its parameters. */
export function paramFields(params: Record<string, unknown>, body?: FormBody): ParamField[] {
  return Object.entries(params).flatMap(([key, value]): ParamField[] => {
    if (FIXED.has(key) || !PARAM_LABELS[key]) return [];
    const name = `param_${key}`;
    const kind =
      typeof value === 'number'
        ? 'number'
        : typeof value === 'string' && isDecimalString(value)
          ? 'decimal'
          : typeof value === 'string'
            ? 'text'
            : null;
    if (!kind) return [];
    const shown = typeof value === 'number' ? String(value) : toPage(String(value));
    return [{ key, name, label: PARAM_LABELS[key], kind, value: body ? field(body, name) : shown }];
  });
}

/** The version form as typed: strings only. */
export interface VersionValues {
  validFrom: string;
  knownUntil: string;
  sourceUrl: string;
  explanationUrl: string;
  lastChecked: string;
  note: string;
  params: ParamField[];
}

export const readVersionForm = (body: FormBody, base: Record<string, unknown>): VersionValues => ({
  validFrom: field(body, 'validFrom'),
  knownUntil: field(body, 'knownUntil'),
  sourceUrl: field(body, 'sourceUrl'),
  explanationUrl: field(body, 'explanationUrl'),
  lastChecked: field(body, 'lastChecked'),
  note: field(body, 'note'),
  params: paramFields(base, body),
});

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const URL_RE = /^https?:\/\/\S+\.\S+$/;

const VERSION_WORDS: DtoFieldWords = {
  validFrom: { field: 'validFrom', message: 'Vul de eerste dag in, bijvoorbeeld 1-1-2027' },
  knownUntil: { field: 'knownUntil', message: 'Vul de laatste dag in, bijvoorbeeld 30-6-2027' },
  sourceUrls: { field: 'sourceUrl', message: 'Vul het webadres van de bron in' },
  explanationUrls: { field: 'explanationUrl', message: 'Vul een webadres in, of laat het leeg' },
  lastChecked: { field: 'lastChecked', message: 'Vul de dag in waarop u de bron las' },
  'params.*': { field: 'validFrom', message: 'Controleer de bedragen' },
};

/**
 * The version form in Dutch, then the API's CreateRuleVersionDto (the same checks as the API):
 * figures with a comma, dates as the date fields give them. Lists and choices come from `base`.
 */
export async function parseVersionForm(
  values: VersionValues,
  base: { scope: string; scopeRef: string | null; params: Record<string, unknown> },
  dtoClass: new () => CreateRuleVersionDto,
  today: string,
): Promise<{ errors: FormErrors; dto: CreateRuleVersionDto | null }> {
  const errors = new FormErrors();
  if (!DATE.test(values.validFrom))
    errors.add('validFrom', 'Vul de eerste dag in, bijvoorbeeld 1-1-2027');
  else if (values.validFrom < today)
    errors.add('validFrom', 'De eerste dag mag niet in het verleden liggen');
  if (!DATE.test(values.knownUntil))
    errors.add('knownUntil', 'Vul de laatste dag in waarvoor de bedragen bekend zijn');
  else if (DATE.test(values.validFrom) && values.knownUntil < values.validFrom)
    errors.add('knownUntil', 'Deze dag mag niet voor de eerste dag liggen');
  const params: Record<string, unknown> = { ...base.params };
  for (const p of values.params) {
    const text = p.value.replace(',', '.').trim();
    if (p.kind === 'text') {
      if (!p.value) errors.add(p.name, `Vul in: ${p.label.toLowerCase()}`);
      params[p.key] = p.value;
    } else if (!/^\d+(\.\d+)?$/.test(text) || (p.kind === 'number' && !/^\d+$/.test(text))) {
      errors.add(
        p.name,
        p.kind === 'number'
          ? 'Vul een heel getal in'
          : 'Vul een bedrag of getal in, bijvoorbeeld 14,71',
      );
    } else params[p.key] = p.kind === 'number' ? Number(text) : text;
  }
  if (!URL_RE.test(values.sourceUrl))
    errors.add(
      'sourceUrl',
      'Vul het webadres van de bron in, bijvoorbeeld https://www.rijksoverheid.nl/…',
    );
  if (values.explanationUrl && !URL_RE.test(values.explanationUrl))
    errors.add('explanationUrl', 'Vul een webadres in, of laat het leeg');
  if (!DATE.test(values.lastChecked))
    errors.add('lastChecked', 'Vul de dag in waarop u de bron las');
  else if (values.lastChecked > today)
    errors.add('lastChecked', 'Deze dag mag niet in de toekomst liggen');
  if (values.note.length > 1000) errors.add('note', 'Gebruik hoogstens 1000 tekens');
  if (errors.any) return { errors, dto: null };
  const dto = await validateAsDto(
    dtoClass,
    {
      scope: base.scope,
      ...(base.scopeRef ? { scopeRef: base.scopeRef } : {}),
      params,
      validFrom: values.validFrom,
      knownUntil: values.knownUntil,
      sourceUrls: [values.sourceUrl],
      ...(values.explanationUrl ? { explanationUrls: [values.explanationUrl] } : {}),
      lastChecked: values.lastChecked,
      ...(values.note ? { note: values.note } : {}),
    },
    VERSION_WORDS,
    errors,
    'validFrom',
  );
  return { errors, dto };
}

/** The hidden fields that carry the typed answers from the preview to saving. */
export const versionHidden = (values: VersionValues) => [
  { name: 'validFrom', value: values.validFrom },
  { name: 'knownUntil', value: values.knownUntil },
  { name: 'sourceUrl', value: values.sourceUrl },
  { name: 'explanationUrl', value: values.explanationUrl },
  { name: 'lastChecked', value: values.lastChecked },
  { name: 'note', value: values.note },
  ...values.params.map((p) => ({ name: p.name, value: p.value })),
];

// ---- arrangement and trajectory hour rules --------------------------------------------------

export interface ArrangementValues {
  initialMonths: string;
  maxTotalMonths: string;
  minContractIntentMonths: string;
  validFrom: string;
  knownUntil: string;
  source: string;
}

export const readArrangementForm = (body: FormBody): ArrangementValues => ({
  initialMonths: field(body, 'initialMonths'),
  maxTotalMonths: field(body, 'maxTotalMonths'),
  minContractIntentMonths: field(body, 'minContractIntentMonths'),
  validFrom: field(body, 'validFrom'),
  knownUntil: field(body, 'knownUntil'),
  source: field(body, 'source'),
});

export interface HourValues {
  diagnosisHours: string;
  blockHours: string;
  maxHours: string;
  warnWithinHours: string;
  validFrom: string;
  knownUntil: string;
  source: string;
}

export const readHourForm = (body: FormBody): HourValues => ({
  diagnosisHours: field(body, 'diagnosisHours'),
  blockHours: field(body, 'blockHours'),
  maxHours: field(body, 'maxHours'),
  warnWithinHours: field(body, 'warnWithinHours'),
  validFrom: field(body, 'validFrom'),
  knownUntil: field(body, 'knownUntil'),
  source: field(body, 'source'),
});

const whole = (errors: FormErrors, name: string, value: string, optional = false) => {
  if (optional && !value) return undefined;
  if (!/^\d{1,4}$/.test(value) || Number(value) < 1) {
    errors.add(name, 'Vul een heel getal in, 1 of meer');
    return undefined;
  }
  return Number(value);
};

/** The period and source, alike for both forms. */
function periodChecks(
  errors: FormErrors,
  v: { validFrom: string; knownUntil: string; source: string },
  today: string,
) {
  if (!DATE.test(v.validFrom))
    errors.add('validFrom', 'Vul de eerste dag in, bijvoorbeeld 1-1-2027');
  else if (v.validFrom < today)
    errors.add('validFrom', 'De eerste dag mag niet in het verleden liggen');
  if (!DATE.test(v.knownUntil))
    errors.add('knownUntil', 'Vul de laatste dag in waarvoor de regel bekend is');
  else if (DATE.test(v.validFrom) && v.knownUntil < v.validFrom)
    errors.add('knownUntil', 'Deze dag mag niet voor de eerste dag liggen');
  if (!v.source) errors.add('source', 'Vul in waar de regel vandaan komt');
  else if (v.source.length > 1000) errors.add('source', 'Gebruik hoogstens 1000 tekens');
}

const PERIOD_WORDS: DtoFieldWords = {
  validFrom: { field: 'validFrom', message: 'Vul de eerste dag in, bijvoorbeeld 1-1-2027' },
  knownUntil: { field: 'knownUntil', message: 'Vul de laatste dag in' },
  source: { field: 'source', message: 'Vul in waar de regel vandaan komt' },
};

export async function parseArrangementForm(
  arrangement: string,
  v: ArrangementValues,
  today: string,
): Promise<{ errors: FormErrors; dto: CreateRuleDto | null }> {
  const errors = new FormErrors();
  const initial = whole(errors, 'initialMonths', v.initialMonths);
  const max = whole(errors, 'maxTotalMonths', v.maxTotalMonths);
  const intent = whole(errors, 'minContractIntentMonths', v.minContractIntentMonths, true);
  if (initial && max && max < initial)
    errors.add('maxTotalMonths', 'Het totaal moet minstens zo lang zijn als de eerste periode');
  periodChecks(errors, v, today);
  if (!(ARRANGEMENTS as readonly string[]).includes(arrangement))
    errors.add('initialMonths', 'Deze vorm kent Werkbrug niet');
  if (errors.any) return { errors, dto: null };
  const dto = await validateAsDto(
    CreateRuleDto,
    {
      arrangement,
      initialMonths: initial,
      maxTotalMonths: max,
      ...(intent ? { minContractIntentMonths: intent } : {}),
      validFrom: v.validFrom,
      knownUntil: v.knownUntil,
      source: v.source,
    },
    {
      ...PERIOD_WORDS,
      initialMonths: { field: 'initialMonths', message: 'Vul een getal in van 1 tot en met 60' },
      maxTotalMonths: { field: 'maxTotalMonths', message: 'Vul een getal in van 1 tot en met 120' },
      minContractIntentMonths: {
        field: 'minContractIntentMonths',
        message: 'Vul een getal in van 1 tot en met 120, of laat het leeg',
      },
    },
    errors,
    'initialMonths',
  );
  return { errors, dto };
}

export async function parseHourForm(
  organisationId: string,
  v: HourValues,
  today: string,
): Promise<{ errors: FormErrors; dto: CreateTrajectoryRuleDto | null }> {
  const errors = new FormErrors();
  const diagnosis = whole(errors, 'diagnosisHours', v.diagnosisHours);
  const block = whole(errors, 'blockHours', v.blockHours);
  const max = whole(errors, 'maxHours', v.maxHours);
  const warn = /^\d{1,3}$/.test(v.warnWithinHours) ? Number(v.warnWithinHours) : undefined;
  if (warn === undefined) errors.add('warnWithinHours', 'Vul een heel getal in, 0 of meer');
  if (diagnosis && max && max < diagnosis)
    errors.add('maxHours', 'Het maximum moet minstens zo groot zijn als de diagnose');
  if (block && max && block > max)
    errors.add('blockHours', 'Een blok mag niet groter zijn dan het maximum');
  periodChecks(errors, v, today);
  if (errors.any) return { errors, dto: null };
  const dto = await validateAsDto(
    CreateTrajectoryRuleDto,
    {
      organisationId,
      diagnosisHours: diagnosis,
      blockHours: block,
      maxHours: max,
      warnWithinHours: warn,
      validFrom: v.validFrom,
      knownUntil: v.knownUntil,
      source: v.source,
    },
    {
      ...PERIOD_WORDS,
      diagnosisHours: {
        field: 'diagnosisHours',
        message: 'Vul een getal in van 1 tot en met 2000',
      },
      blockHours: { field: 'blockHours', message: 'Vul een getal in van 1 tot en met 2000' },
      maxHours: { field: 'maxHours', message: 'Vul een getal in van 1 tot en met 5000' },
      warnWithinHours: {
        field: 'warnWithinHours',
        message: 'Vul een getal in van 0 tot en met 500',
      },
    },
    errors,
    'diagnosisHours',
  );
  return { errors, dto };
}

/** The status of figures in words, with the tone of the status tag. */
export const FIGURES_WORDS: Record<FiguresStatus, { text: string; tone: string }> = {
  known: { text: 'Bekend', tone: 'ok' },
  provisional: { text: 'Voorlopig', tone: 'attention' },
};
