import { ProblemException, Problems } from '@werkbrug/http';
import { FormErrors } from '@werkbrug/web';
import { fitWords } from './candidate-file.view';
import { END_REFUSALS, extendRefusals } from './placements.form';
import { placeRefusal } from './proposals.form';

describe('the werkmakelaar reads words, not codes or the API’s English', () => {
  it.each<[number, string]>([
    [100, 'Past heel goed (100 van de 100 punten)'],
    [75, 'Past heel goed (75 van de 100 punten)'],
    [59, 'Past goed (59 van de 100 punten)'],
    [50, 'Past goed (50 van de 100 punten)'],
    [12, 'Past redelijk (12 van de 100 punten)'],
  ])('a score of %i is "%s"', (score, words) => {
    expect(fitWords(score)).toBe(words);
  });

  const place = { arrangement: 'proefplaatsing', startDate: '2026-12-14', hoursPerWeek: '16' };

  it.each<[string, unknown, Record<string, string>]>([
    [
      'an end before the start',
      Problems.validation([{ field: 'plannedEndDate', message: 'must be after startDate' }]),
      { plannedEndDate: 'Kies een einddatum na de startdatum, of laat hem leeg' },
    ],
    [
      'a proefplaatsing too long',
      new ProblemException(
        422,
        'ARRANGEMENT_RULE',
        'Not allowed by the arrangement rule',
        'A proefplaatsing starts with at most 2 months (until 2027-02-14).',
        { rule: { arrangement: 'proefplaatsing', initialMonths: 2, maxTotalMonths: 6 } },
      ),
      {
        plannedEndDate:
          'Een proefplaatsing duurt eerst hoogstens 2 maanden. Daarna kunt u verlengen tot in totaal 6 maanden. Kies een einddatum op of voor 14 februari 2027.',
      },
    ],
    [
      'no free place',
      Problems.conflict('NO_FREE_PLACE', 'No free place', 'All 2 places are taken.'),
      { arrangement: 'Deze werkplek heeft geen vrije plek meer.' },
    ],
  ])('placing: %s', (_name, problem, fields) => {
    const errors = placeRefusal(new FormErrors(), problem as ProblemException, {
      ...place,
      plannedEndDate: '2027-06-01',
    });
    expect(errors.toView()?.fields).toEqual(fields);
  });

  it('says the current end when an extension is too early, in Dutch', () => {
    expect(extendRefusals({ plannedEndDate: '2027-02-01' }).plannedEndDate).toBe(
      'Kies een datum na de huidige einddatum (1 februari 2027)',
    );
    expect(END_REFUSALS.endedOn).not.toMatch(/[a-z]+_|must|before/);
  });
});
