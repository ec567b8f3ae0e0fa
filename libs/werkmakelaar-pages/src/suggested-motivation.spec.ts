import { reason } from '@werkbrug/matching';
import { suggestedMotivation } from './suggested-motivation';

describe('suggestedMotivation', () => {
  it.each<[string, Parameters<typeof suggestedMotivation>[0], boolean, string]>([
    ['nothing known: empty', [], false, ''],
    ['interest only', [], true, 'De kandidaat heeft zelf gezegd dat deze werkplek interessant is.'],
    [
      'a wish with its werksoort, capitalised',
      [reason('WERKSOORT_WISH_1', { werksoort: 'groen' })],
      false,
      'Groen is de eerste wens van de kandidaat.',
    ],
    [
      'reasons in their order, about "de kandidaat"',
      [
        reason('WITHIN_TRAVEL_RANGE', { km: 2.5, mode: 'fiets' }),
        reason('HOURS_FIT', { hours: '16–32' }),
        reason('DESIRED_CERTIFICATE', { certificate: 'vca' }),
      ],
      true,
      'De kandidaat heeft zelf gezegd dat deze werkplek interessant is. De kandidaat kan de werkplek goed bereiken. ' +
        'De uren passen bij wat de kandidaat wil werken. De kandidaat heeft het gewenste certificaat VCA.',
    ],
    [
      'arrangements in words, not codes',
      [reason('ARRANGEMENT_FITS', { arrangements: 'stage, regulier, beschut_werk' })],
      false,
      'De vorm past bij waar de kandidaat nu staat: stage, baan of beschut werk.',
    ],
    [
      'reasons as the werkmakelaar gets them, about "de kandidaat"',
      [
        reason('WERKSOORT_WISH_2', { werksoort: 'Groen' }, 'werkmakelaar'),
        reason('ARRANGEMENT_FITS', { arrangements: 'stage en beschut werk' }, 'werkmakelaar'),
      ],
      false,
      'Groen is de tweede wens van de kandidaat. De vorm past bij waar de kandidaat nu staat: stage en beschut werk.',
    ],
    [
      'nothing about health (wheelchair) and no unknown codes',
      [reason('WHEELCHAIR_ACCESSIBLE'), { code: 'SOMETHING_NEW', text: 'x' }],
      false,
      '',
    ],
    [
      'a text that does not follow its template is left out',
      [{ code: 'WERKSOORT_WISH_2', text: 'iets anders' }],
      false,
      '',
    ],
  ])('%s', (_name, reasons, interested, text) => {
    expect(suggestedMotivation(reasons, interested)).toBe(text);
  });
});
