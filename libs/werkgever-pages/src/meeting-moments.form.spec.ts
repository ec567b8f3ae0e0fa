import { FormErrors } from '@werkbrug/web';
import {
  checkMoments,
  emptyMoments,
  isoDate,
  isoTime,
  momentSlots,
  type MomentValues,
} from './meeting-moments.form';

const NOW = new Date('2026-12-07T12:00:00Z');
const filled = (over: Partial<MomentValues> = {}): MomentValues => ({
  date: '2026-12-15',
  from: '10:00',
  to: '11:00',
  place: 'Kaasmakerij De Wit, Dorpsstraat 1',
  withWhom: 'Anja',
  ...over,
});
const slots = (...moments: MomentValues[]) => [...moments, ...emptyMoments()].slice(0, 3);
const check = (values: MomentValues[], required = true) => {
  const errors = new FormErrors();
  const options = checkMoments(values, NOW, errors, required);
  return { options, fields: errors.toView()?.fields ?? null };
};

describe('the moments of an offer, as filled in', () => {
  it('turns Dutch wall-clock time into instants: 10:00 in winter is 09:00Z', () => {
    const { options, fields } = check(slots(filled()));
    expect(fields).toBeNull();
    expect(options).toEqual([
      {
        startsAt: '2026-12-15T10:00:00+01:00',
        endsAt: '2026-12-15T11:00:00+01:00',
        place: 'Kaasmakerij De Wit, Dorpsstraat 1',
        withWhom: 'Anja',
      },
    ]);
    expect(new Date(options?.[0]?.startsAt as string).toISOString()).toBe(
      '2026-12-15T09:00:00.000Z',
    );
  });

  it('takes where and with whom of moment 1 for a later moment left empty', () => {
    const { options } = check(
      slots(
        filled(),
        filled({ date: '16-12-2026', from: '9.30', to: '12:00', place: '', withWhom: '' }),
      ),
    );
    expect(options?.[1]).toEqual({
      startsAt: '2026-12-16T09:30:00+01:00',
      endsAt: '2026-12-16T12:00:00+01:00',
      place: 'Kaasmakerij De Wit, Dorpsstraat 1',
      withWhom: 'Anja',
    });
  });

  it.each([
    [
      'nothing',
      slots(),
      { moment1Date: 'Vul minstens één moment in: een datum, een begintijd en een eindtijd' },
    ],
    [
      'a date without times',
      slots(filled({ from: '', to: '' })),
      {
        moment1From: 'Vul een begintijd in, zoals 10:00',
        moment1To: 'Vul een eindtijd in, zoals 11:00',
      },
    ],
    [
      'a date that does not exist',
      slots(filled({ date: '2026-02-30' })),
      { moment1Date: 'Vul een datum in, zoals 15-12-2026' },
    ],
    [
      'in the past',
      slots(filled({ date: '2026-12-01' })),
      { moment1Date: 'Kies een moment in de toekomst' },
    ],
    [
      'ending before it starts',
      slots(filled({ to: '09:00' })),
      { moment1To: 'De eindtijd moet later zijn dan de begintijd' },
    ],
    [
      'longer than twelve hours',
      slots(filled({ from: '06:00', to: '19:00' })),
      { moment1To: 'Een afspraak duurt hoogstens 12 uur' },
    ],
    [
      'moment 2 twice the same as moment 1',
      slots(filled(), filled()),
      { moment2Date: 'Dit moment heeft u al ingevuld' },
    ],
    [
      'no place or person at moment 1',
      slots(filled({ place: '', withWhom: '' })),
      {
        moment1Place: 'Vul in waar de afspraak is',
        moment1With: 'Vul in met wie de kandidaat praat',
      },
    ],
    [
      'a time that is not one',
      slots(filled({ from: '25:00' })),
      { moment1From: 'Vul een begintijd in, zoals 10:00' },
    ],
  ])('refuses %s', (_name, values, fields) => {
    expect(check(values)).toEqual({ options: null, fields });
  });

  it('allows no moment at all when moments are optional (a werkmakelaar asking for new ones)', () => {
    expect(check(slots(), false)).toEqual({ options: [], fields: null });
  });

  it.each([
    ['2026-12-15', '2026-12-15'],
    ['15-12-2026', '2026-12-15'],
    ['1/2/2027', '2027-02-01'],
    ['morgen', null],
  ])('reads the date %s', (text, iso) => expect(isoDate(text)).toBe(iso));

  it.each([
    ['10:00', '10:00'],
    ['9.30', '09:30'],
    ['24:00', null],
    ['10', null],
  ])('reads the time %s', (text, iso) => expect(isoTime(text)).toBe(iso));

  it('shows each slot with its values and errors, moment 2 and 3 not required', () => {
    const errors = new FormErrors().add(
      'moment2To',
      'De eindtijd moet later zijn dan de begintijd',
    );
    const view = momentSlots(slots(filled(), filled({ to: '09:00' })), errors);
    expect(view.map((s) => s.legend)).toEqual([
      'Moment 1',
      'Moment 2 (niet verplicht)',
      'Moment 3 (niet verplicht)',
    ]);
    expect(view[1]?.to).toEqual({
      name: 'moment2To',
      value: '09:00',
      error: 'De eindtijd moet later zijn dan de begintijd',
    });
  });
});
