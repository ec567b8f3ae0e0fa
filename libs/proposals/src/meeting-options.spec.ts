import { LABELS } from '@werkbrug/domain';
import { MEETING_OUTCOMES, MEETING_SIDES, MEETING_STATUSES } from './meeting-status';
import { MEETING_KINDS } from './proposal-status';
import {
  amsterdamWallClock,
  momentProblems,
  momentWords,
  optionWords,
  type MomentInput,
} from './meeting-options';

const NOW = new Date('2026-12-07T12:00:00Z');
const at = (iso: string) => new Date(iso);
const moment = (
  startsAt: string,
  endsAt: string,
  extra: Partial<MomentInput> = {},
): MomentInput => ({
  startsAt: at(startsAt),
  endsAt: at(endsAt),
  place: 'Kaasmakerij De Wit, Dorpsstraat 1',
  withWhom: 'Anja',
  ...extra,
});
const winter = moment('2026-12-15T09:00:00Z', '2026-12-15T10:00:00Z');

describe('the rules of an offer of moments', () => {
  it.each([
    ['one moment in the future', [winter], []],
    [
      'three moments',
      [
        winter,
        moment('2026-12-16T09:00:00Z', '2026-12-16T10:00:00Z'),
        moment('2026-12-17T09:00:00Z', '2026-12-17T13:00:00Z'),
      ],
      [],
    ],
    ['none', [], [{ index: null, field: 'options', code: 'none' }]],
    [
      'four',
      [winter, winter, winter, winter],
      [{ index: null, field: 'options', code: 'too_many' }],
    ],
    [
      'in the past',
      [moment('2026-12-07T11:00:00Z', '2026-12-07T12:30:00Z')],
      [{ index: 0, field: 'startsAt', code: 'in_past' }],
    ],
    [
      'right now',
      [moment('2026-12-07T12:00:00Z', '2026-12-07T13:00:00Z')],
      [{ index: 0, field: 'startsAt', code: 'in_past' }],
    ],
    [
      'ending before it starts',
      [moment('2026-12-15T10:00:00Z', '2026-12-15T09:00:00Z')],
      [{ index: 0, field: 'endsAt', code: 'end_before_start' }],
    ],
    [
      'ending when it starts',
      [moment('2026-12-15T10:00:00Z', '2026-12-15T10:00:00Z')],
      [{ index: 0, field: 'endsAt', code: 'end_before_start' }],
    ],
    [
      'longer than twelve hours',
      [moment('2026-12-15T06:00:00Z', '2026-12-15T19:00:00Z')],
      [{ index: 0, field: 'endsAt', code: 'too_long' }],
    ],
    [
      // 23:00–01:00 Amsterdam time: over midnight.
      'over midnight in Amsterdam',
      [moment('2026-12-15T22:00:00Z', '2026-12-16T00:00:00Z')],
      [{ index: 0, field: 'endsAt', code: 'other_day' }],
    ],
    // 22:00–24:00 Amsterdam time ends at midnight: allowed.
    ['until midnight in Amsterdam', [moment('2026-12-15T21:00:00Z', '2026-12-15T23:00:00Z')], []],
    [
      'the same moment twice',
      [winter, moment('2026-12-15T09:00:00Z', '2026-12-15T11:00:00Z')],
      [{ index: 1, field: 'startsAt', code: 'duplicate' }],
    ],
    [
      'without a place or a person',
      [moment('2026-12-15T09:00:00Z', '2026-12-15T10:00:00Z', { place: ' ', withWhom: '' })],
      [
        { index: 0, field: 'place', code: 'no_place' },
        { index: 0, field: 'withWhom', code: 'no_with_whom' },
      ],
    ],
    [
      'not a time',
      [moment('2026-12-15T09:00:00Z', 'later')],
      [{ index: 0, field: 'endsAt', code: 'invalid_time' }],
    ],
  ] as const)('%s', (_name, moments, problems) => {
    expect(momentProblems(moments, NOW)).toEqual(problems);
  });
});

describe('a moment in words, in Dutch time', () => {
  it.each([
    // Winter: CET is UTC+1, so 09:00Z is 10:00 in Amsterdam.
    ['2026-12-15T09:00:00Z', '2026-12-15T10:00:00Z', 'dinsdag 15 december 2026, 10:00–11:00'],
    // Summer: CEST is UTC+2.
    ['2027-06-15T07:30:00Z', '2027-06-15T11:30:00Z', 'dinsdag 15 juni 2027, 09:30–13:30'],
    // 23:30Z on 31 December is already New Year's Day in Amsterdam.
    ['2026-12-31T23:30:00Z', '2027-01-01T00:30:00Z', 'vrijdag 1 januari 2027, 00:30–01:30'],
  ])('%s', (startsAt, endsAt, words) => {
    expect(momentWords({ startsAt: at(startsAt), endsAt: at(endsAt) })).toBe(words);
  });

  it('names the place and the person', () => {
    expect(optionWords(winter)).toBe(
      'dinsdag 15 december 2026, 10:00–11:00, Kaasmakerij De Wit, Dorpsstraat 1, met Anja',
    );
  });

  it.each([
    ['2026-12-15T09:00:00Z', { year: 2026, month: 12, day: 15, hour: 10, minute: 0 }],
    ['2027-06-15T08:00:00Z', { year: 2027, month: 6, day: 15, hour: 10, minute: 0 }],
    // The last Sunday of March 2027: 01:00Z is 03:00 CEST (02:00 does not exist).
    ['2027-03-28T01:00:00Z', { year: 2027, month: 3, day: 28, hour: 3, minute: 0 }],
    // The last Sunday of October 2026: 01:00Z is 02:00 CET, the second time 02:00 comes.
    ['2026-10-25T01:00:00Z', { year: 2026, month: 10, day: 25, hour: 2, minute: 0 }],
  ])('reads %s as Amsterdam wall-clock time', (iso, wall) => {
    expect(amsterdamWallClock(at(iso))).toEqual({ ...wall, second: 0 });
  });
});

describe('the label catalogue has words for every meeting code', () => {
  it.each([
    ['meetingKind', MEETING_KINDS],
    ['meetingStatus', MEETING_STATUSES],
    ['meetingOutcome', MEETING_OUTCOMES],
    ['meetingSide', MEETING_SIDES],
  ] as const)('%s', (group, codes) => {
    expect(Object.keys(LABELS[group]).sort()).toEqual([...codes].sort());
  });
});
