import { standardCodeProblems, type StandardCodeProblem } from '@werkbrug/werksoorten';
import { field, type DtoFieldWords, type FormBody, type FormErrors } from '@werkbrug/web';

/** The werksoort form as posted: what the page shows back when something is not right. */
export interface WerksoortFormValues {
  name: string;
  synonyms: string;
  iscoCode: string;
  brcCode: string;
  brcName: string;
  version: string;
}

export function readWerksoortForm(body: FormBody): WerksoortFormValues {
  return {
    name: field(body, 'name'),
    synonyms: typeof body.synonyms === 'string' ? body.synonyms : field(body, 'synonyms'),
    iscoCode: field(body, 'iscoCode').replace(/\s+/g, ''),
    brcCode: field(body, 'brcCode').replace(/\s+/g, ''),
    brcName: field(body, 'brcName'),
    version: field(body, 'version'),
  };
}

/** Other words: one per line (a comma separates too, as people type a list). */
export const synonymsOf = (text: string): string[] =>
  [...new Set(text.split(/[\n,;]/).map((s) => s.trim().toLowerCase()))].filter(Boolean);

/**
 * The code a new werksoort gets from its name ("Zorg & welzijn" → "zorg-welzijn"): the API's
 * pattern, letters without accents. Null when the name has too few letters to make one.
 */
export function codeFromName(name: string): string | null {
  const slug = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return /^[a-z][a-z0-9-]{1,39}$/.test(slug) ? slug : null;
}

/** The DTO's plain input (CreateWerksoortDto / UpdateWerksoortDto); empty codes clear on update. */
export function werksoortInput(values: WerksoortFormValues, mode: 'create' | 'update') {
  const code = (value: string) => (value ? value : mode === 'update' ? '' : undefined);
  return {
    ...(mode === 'create' ? { code: codeFromName(values.name) ?? '' } : {}),
    name: values.name,
    synonyms: synonymsOf(values.synonyms),
    iscoCode: code(values.iscoCode),
    brcCode: code(values.brcCode),
    brcName: code(values.brcName),
    ...(mode === 'update' && values.version ? { version: Number(values.version) } : {}),
  };
}

/** Where each refusal of the DTO shows, in the administrator's words. */
export const WERKSOORT_WORDS: DtoFieldWords = {
  code: { field: 'name', message: 'Gebruik in de naam minstens twee letters' },
  name: { field: 'name', message: 'Vul een naam in van hoogstens 100 tekens' },
  synonyms: {
    field: 'synonyms',
    message: 'Zet elk ander woord op een eigen regel, met 2 tot 60 tekens, en hoogstens 50 woorden',
  },
  iscoCode: { field: 'iscoCode', message: 'Vul een ISCO-code in van 4 cijfers, zoals 9112' },
  brcCode: { field: 'brcCode', message: 'Vul een BRC-code in van 4 cijfers, zoals 1121' },
  brcName: {
    field: 'brcName',
    message: 'Vul de naam van de BRC-beroepsgroep in, van 2 tot 100 tekens',
  },
  version: { field: 'name', message: 'Laad de pagina opnieuw en probeer het nog eens' },
};

const PAIR_WORDS: Record<string, string> = {
  'brcName:missing': 'Vul ook de naam van de BRC-beroepsgroep in',
  'brcCode:name-without-code': 'Vul ook de BRC-code in, of maak de naam van de groep leeg',
};

/** A BRC code goes with its name: the check the service makes too, here in the page's words. */
export function addPairProblems(values: WerksoortFormValues, errors: FormErrors): void {
  const problems: StandardCodeProblem[] = standardCodeProblems({
    iscoCode: values.iscoCode || null,
    brcCode: values.brcCode || null,
    brcName: values.brcName || null,
  });
  for (const p of problems) {
    const words = PAIR_WORDS[`${p.field}:${p.reason}`];
    if (words && !errors.has(p.field)) errors.add(p.field, words);
  }
}

/** "12 werkplekken", "1 werkplek". */
export const countOf = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
