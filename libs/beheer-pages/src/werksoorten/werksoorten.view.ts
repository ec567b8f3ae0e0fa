import type { WerksoortUsage, WerksoortView } from '@werkbrug/werksoorten';
import type { FormErrors, PageModel } from '@werkbrug/web';
import { countOf, type WerksoortFormValues } from './werksoort.form';

export interface WerksoortRow {
  id: string;
  name: string;
  synonyms: string;
  iscoCode: string | null;
  brc: string | null;
  workplaces: string;
  candidates: string;
  /** Only for one that is no longer chosen: "Samengevoegd met Groen" or "Niet actief". */
  status: string | null;
}

const NO_USAGE: WerksoortUsage = { vacancies: 0, candidates: 0 };

export function toWerksoortRows(
  werksoorten: WerksoortView[],
  usage: Map<string, WerksoortUsage>,
): { active: WerksoortRow[]; inactive: WerksoortRow[] } {
  const names = new Map(werksoorten.map((w) => [w.id, w.name]));
  const rows = werksoorten.map((w) => {
    const used = usage.get(w.id) ?? NO_USAGE;
    const mergedInto = w.mergedIntoId ? names.get(w.mergedIntoId) : undefined;
    return {
      id: w.id,
      name: w.name,
      synonyms: w.synonyms.join(', '),
      iscoCode: w.iscoCode,
      brc: w.brcCode ? `${w.brcCode} ${w.brcName ?? ''}`.trim() : null,
      workplaces: countOf(used.vacancies, 'werkplek', 'werkplekken'),
      candidates: countOf(used.candidates, 'kandidaat', 'kandidaten'),
      status: w.active ? null : mergedInto ? `Samengevoegd met ${mergedInto}` : 'Niet actief',
    };
  });
  return { active: rows.filter((r) => !r.status), inactive: rows.filter((r) => r.status) };
}

export const formValuesOf = (w: WerksoortView): WerksoortFormValues => ({
  name: w.name,
  synonyms: w.synonyms.join('\n'),
  iscoCode: w.iscoCode ?? '',
  brcCode: w.brcCode ?? '',
  brcName: w.brcName ?? '',
  version: String(w.version),
});

export interface WerksoortFormPage extends PageModel {
  title: string;
  action: string;
  submitText: string;
  values: WerksoortFormValues;
  errors: FormErrors | null;
  /** On edit: the link to merge it into another. */
  mergeHref: string | null;
}

export interface MergeFormPage extends PageModel {
  title: string;
  action: string;
  name: string;
  usage: string;
  options: { value: string; text: string }[];
  value: string;
  errors: FormErrors | null;
}

/** "12 werkplekken en 30 kandidaten": what moves in a merge. */
export const usageText = (u: WerksoortUsage) =>
  `${countOf(u.vacancies, 'werkplek', 'werkplekken')} en ${countOf(u.candidates, 'kandidaat', 'kandidaten')}`;
