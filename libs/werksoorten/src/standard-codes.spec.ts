import {
  blankToNull,
  SEED_STANDARD_CODES,
  standardCodeProblems,
  type StandardCodes,
} from './standard-codes';
import { SEED_WERKSOORTEN } from './werksoorten.seed';

const codes = (iscoCode: string | null, brcCode: string | null, brcName: string | null) =>
  ({ iscoCode, brcCode, brcName }) satisfies StandardCodes;

describe('standard codes of a werksoort', () => {
  it.each([
    ['no codes at all', codes(null, null, null), []],
    ['ISCO only', codes('9112', null, null), []],
    ['ISCO and BRC with name', codes('9112', '1121', 'Schoonmakers'), []],
    ['armed forces unit group', codes('0110', null, null), []],
    ['ISCO of three digits', codes('911', null, null), ['iscoCode:format']],
    ['ISCO of five digits', codes('91121', null, null), ['iscoCode:format']],
    ['ISCO with a letter', codes('91a2', null, null), ['iscoCode:format']],
    ['ISCO with a space', codes('9 12', null, null), ['iscoCode:format']],
    ['BRC class 14 does not exist', codes(null, '1411', 'Iets'), ['brcCode:format']],
    ['BRC class 00 does not exist', codes(null, '0011', 'Iets'), ['brcCode:format']],
    ['BRC segment 0 does not exist', codes(null, '0401', 'Iets'), ['brcCode:format']],
    ['BRC of three digits', codes(null, '112', 'Iets'), ['brcCode:format']],
    ['BRC without its name', codes(null, '1121', null), ['brcName:missing']],
    ['BRC name without a code', codes(null, null, 'Schoonmakers'), ['brcCode:name-without-code']],
    ['BRC name too long', codes(null, '1121', 'x'.repeat(101)), ['brcName:too-long']],
    [
      'everything wrong at once',
      codes('12', '99', null),
      ['iscoCode:format', 'brcCode:format', 'brcName:missing'],
    ],
  ])('%s', (_name, input, expected) => {
    expect(standardCodeProblems(input).map((p) => `${p.field}:${p.reason}`)).toEqual(expected);
  });

  it.each([
    [undefined, null],
    ['', null],
    ['   ', null],
    [' 9112 ', '9112'],
  ])('blankToNull(%p) is %p', (input, expected) => {
    expect(blankToNull(input)).toBe(expected);
  });

  it('has valid codes for every seeded werksoort, and none for a werksoort that is not seeded', () => {
    expect(Object.keys(SEED_STANDARD_CODES).sort()).toEqual(
      SEED_WERKSOORTEN.map((w) => w.code).sort(),
    );
    for (const [code, c] of Object.entries(SEED_STANDARD_CODES)) {
      expect([code, standardCodeProblems(c)]).toEqual([code, []]);
      expect([code, c.iscoCode !== null && c.brcCode !== null]).toEqual([code, true]);
    }
  });

  it.each([
    ['schoonmaak', '9112', '1121'],
    ['groen', '9214', '0921'],
    ['administratief', '4110', '0431'],
    ['personenvervoer', '8322', '1212'],
    ['catering', '9412', '1122'],
  ])('seeds %s as ISCO %s, BRC %s', (werksoort, isco, brc) => {
    expect(SEED_STANDARD_CODES[werksoort]).toMatchObject({ iscoCode: isco, brcCode: brc });
  });
});
