import { isLabelGroup, LABELS, labelOf } from './labels';
import {
  ARRANGEMENTS,
  BENEFIT_TYPES,
  DAYPARTS,
  DAYS,
  LANGUAGE_LEVELS,
  ORGANISATION_KINDS,
} from './vocabulary';

describe('the label catalogue', () => {
  it.each([
    ['arrangement', ARRANGEMENTS],
    ['arrangementHint', ARRANGEMENTS],
    ['arrangementInText', ARRANGEMENTS],
    ['benefitType', BENEFIT_TYPES],
    ['day', DAYS],
    ['daypart', DAYPARTS],
    ['languageLevel', LANGUAGE_LEVELS],
    ['organisationKind', ORGANISATION_KINDS],
  ] as const)('has a word for every %s code', (group, codes) => {
    expect(Object.keys(LABELS[group]).sort()).toEqual([...codes].sort());
  });

  it('falls back to the code itself for an unknown code', () => {
    expect(labelOf('arrangementInText', 'beschut_werk')).toBe('beschut werk');
    expect(labelOf('ladderRung', 3)).toBe('deelname aan georganiseerde activiteiten');
    expect(labelOf('arrangement', 'onbekend')).toBe('onbekend');
    expect(labelOf('arrangement', null)).toBe('');
  });

  it('knows its groups', () => {
    expect(isLabelGroup('arrangement')).toBe(true);
    expect(isLabelGroup('nogroup')).toBe(false);
    expect(isLabelGroup('toString')).toBe(false);
  });
});
