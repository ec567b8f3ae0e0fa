import { ARRANGEMENTS } from '@werkbrug/domain';
import {
  amountTexts,
  BENEFIT_WORDS,
  GRANTOR_WORDS,
  INSTRUMENT_STATUS_WORDS,
  type InstrumentsService,
  provisionalText,
} from '@werkbrug/instruments';
import type { VacancyView } from '@werkbrug/vacancies';
import { labelChoices, type FormErrors, type PageModel } from '@werkbrug/web';
import type { ScenarioValues } from './instruments.form';

type Catalogue = Awaited<ReturnType<InstrumentsService['catalogue']>>;
type Answer = Awaited<ReturnType<InstrumentsService['calculate']>>;
type StatusText = { text: string; tone: string };

const YES_NO_UNKNOWN = [
  { value: 'ja', text: 'Ja' },
  { value: 'nee', text: 'Nee' },
  { value: '', text: 'Weet ik niet' },
];

const statusOf = (status: string): StatusText =>
  INSTRUMENT_STATUS_WORDS[status] ?? { text: status, tone: 'neutral' };

/** The calculator's outcome in words, the instruments that apply first (never the minimum wage). */
export function scenarioResult(answer: Answer) {
  return {
    disclaimer: answer.disclaimer,
    items: answer.items
      .filter((i) => i.code !== 'wml')
      .map((i) => ({
        name: i.name,
        status: statusOf(i.status),
        amounts: amountTexts(i.amounts),
        provisional: provisionalText(i.figures),
        // The provisional reason shows next to the amount, not again among the reasons.
        reasons: [...i.reasons, ...i.missing]
          .filter((r) => r.code !== 'FIGURES_PROVISIONAL')
          .map((r) => r.text),
        applyTo: GRANTOR_WORDS[i.applyTo.grantor] ?? i.applyTo.grantor,
        how: i.applyTo.how,
        sources: i.sources,
        applies: i.status !== 'does_not_apply',
      }))
      .sort((a, b) => Number(b.applies) - Number(a.applies)),
  };
}
export type ScenarioResult = ReturnType<typeof scenarioResult>;

const catalogueRows = (catalogue: Catalogue) =>
  catalogue.items.map((i) => ({
    ...i,
    grantorText: GRANTOR_WORDS[i.grantor] ?? i.grantor,
    sources: [...new Set(i.rules.flatMap((r) => r.sourceUrls))],
    validFrom: i.rules[0]?.validFrom ?? null,
  }));

const scenarioOptions = (workplaces: readonly VacancyView[]) => ({
  werkplek: [
    { value: '', text: 'Geen werkplek gekozen' },
    ...workplaces.map((v) => ({ value: v.id, text: v.title })),
  ],
  vorm: labelChoices('arrangement', ARRANGEMENTS, 'Weet ik nog niet'),
  doelgroep: YES_NO_UNKNOWN,
  ouder: YES_NO_UNKNOWN,
  uitkering: [
    { value: '', text: 'Weet ik niet' },
    ...Object.entries(BENEFIT_WORDS).map(([value, text]) => ({ value, text })),
  ],
});

/** werkgever/instrumenten: the instruments in force and the scenario calculator. */
export interface InstrumentenView extends PageModel {
  catalogue: ReturnType<typeof catalogueRows>;
  date: string;
  disclaimer: string;
  values: ScenarioValues;
  errors: FormErrors;
  result: ScenarioResult | null;
  options: ReturnType<typeof scenarioOptions>;
}

export const toInstrumentenView = (
  catalogue: Catalogue,
  workplaces: readonly VacancyView[],
  values: ScenarioValues,
  errors: FormErrors,
  result: ScenarioResult | null,
): InstrumentenView => ({
  title: 'Instrumenten',
  catalogue: catalogueRows(catalogue),
  date: catalogue.date,
  disclaimer: catalogue.disclaimer,
  values,
  errors,
  result,
  options: scenarioOptions(workplaces),
});
