import { PROBLEM_CODES, ProblemException, Problems } from '@werkbrug/http';
import { dutchProblems } from '../../../test/support/dutch-words';
import { FormErrors } from './form-errors';
import {
  addProblem,
  arrangementRuleWords,
  PROBLEM_WORDS,
  problemWords,
  type Address,
} from './problem-words';

const U = /(?<![\p{L}])(u|uw)(?![\p{L}])/iu;
const JE = /(?<![\p{L}])(je|jij|jou|jouw)(?![\p{L}])/iu;

describe('problem words', () => {
  // A new code in libs/http/src/problem-codes.ts fails here until it has its Dutch words.
  it.each(PROBLEM_CODES.map((code) => [code]))('%s has Dutch words for every reader', (code) => {
    const words = PROBLEM_WORDS[code];
    expect(words?.u).toBeTruthy();
    for (const address of ['u', 'je'] as Address[]) {
      const text = problemWords(
        new ProblemException(400, code, 'English title', 'English detail'),
        address,
      );
      expect(dutchProblems(`<p>${text}</p>`, { address })).toEqual([]);
      expect(text).not.toContain('English');
    }
    // A sentence that speaks to the reader has a "je" form, and that form says "je", never "u".
    if (U.test(words.u)) expect(words.je).toBeDefined();
    if (words.je) expect(words.je).not.toMatch(U);
    expect(words.u).not.toMatch(JE);
  });

  it.each<[string, unknown, Address, string]>([
    [
      'a validation refusal',
      Problems.validation([{ field: 'x', message: 'must be positive' }]),
      'je',
      'Er is iets niet goed ingevuld. Controleer wat je hebt ingevuld en probeer het opnieuw.',
    ],
    ['a stale version', Problems.staleVersion(3), 'u', PROBLEM_WORDS.STALE_VERSION.u],
    [
      'a framework status without a code',
      new ProblemException(413, 'HTTP_413', 'Payload Too Large'),
      'u',
      PROBLEM_WORDS.PAYLOAD_TOO_LARGE.u,
    ],
    [
      'an unknown status',
      new ProblemException(418, 'HTTP_418', "I'm a teapot"),
      'je',
      PROBLEM_WORDS.INTERNAL_ERROR.je as string,
    ],
    ['not a problem at all', new Error('boom'), 'u', PROBLEM_WORDS.INTERNAL_ERROR.u],
  ])('%s', (_name, problem, address, expected) => {
    expect(problemWords(problem, address)).toBe(expected);
  });

  const tooLong = new ProblemException(
    422,
    'ARRANGEMENT_RULE',
    'Not allowed by the arrangement rule',
    'A proefplaatsing starts with at most 2 months (until 2027-02-14).',
    { rule: { arrangement: 'proefplaatsing', initialMonths: 2, maxTotalMonths: 6, source: 'x' } },
  );

  it.each<[string, { startDate?: string; phase?: 'start' | 'extend' }, string]>([
    [
      'at the start',
      { startDate: '2026-12-14', phase: 'start' },
      'Een proefplaatsing duurt eerst hoogstens 2 maanden. Daarna kunt u verlengen tot in totaal 6 maanden. Kies een einddatum op of voor 14 februari 2027.',
    ],
    [
      'when extending',
      { startDate: '2026-12-14', phase: 'extend' },
      'Een proefplaatsing duurt in totaal hoogstens 6 maanden. Kies een einddatum op of voor 14 juni 2027.',
    ],
    [
      'without a date',
      {},
      'Een proefplaatsing duurt eerst hoogstens 2 maanden. Daarna kunt u verlengen tot in totaal 6 maanden.',
    ],
  ])('an arrangement rule %s', (_name, context, expected) => {
    expect(arrangementRuleWords(tooLong, context)).toBe(expected);
  });

  it.each<[string, unknown, Parameters<typeof addProblem>[2], Record<string, string>]>([
    [
      'a field refusal in the page words',
      Problems.validation([{ field: 'plannedEndDate', message: 'must be after startDate' }]),
      { field: 'arrangement', refusals: { plannedEndDate: 'Kies een einddatum na de startdatum' } },
      { plannedEndDate: 'Kies een einddatum na de startdatum' },
    ],
    [
      'a field refusal in the DTO words',
      Problems.validation([{ field: 'location.postcode', message: 'invalid' }]),
      {
        field: 'title',
        words: { 'location.*': { field: 'postcode', message: 'Vul een postcode in' } },
      },
      { postcode: 'Vul een postcode in' },
    ],
    [
      'a field the page has no words for',
      Problems.validation([{ field: 'proposalId', message: 'give a proposalId' }]),
      { field: 'arrangement' },
      { arrangement: 'Controleer wat u hier heeft ingevuld' },
    ],
    [
      'a refusal without fields',
      Problems.conflict('NO_FREE_PLACE', 'No free place', 'All 2 places are taken.'),
      { field: 'arrangement' },
      { arrangement: PROBLEM_WORDS.NO_FREE_PLACE.u },
    ],
    [
      'the page words for a code',
      Problems.conflict('PLACEMENT_ENDED', 'The placement has ended', 'It ended on 2026-01-01.'),
      { field: 'outcome', codes: { PLACEMENT_ENDED: 'Deze plaatsing is al afgelopen' } },
      { outcome: 'Deze plaatsing is al afgelopen' },
    ],
  ])('addProblem: %s', (_name, problem, on, expected) => {
    const errors = addProblem(new FormErrors(), problem, on);
    expect(errors.toView()?.fields).toEqual(expected);
  });
});
