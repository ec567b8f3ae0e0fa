import { EmployerAnswerDto } from '@werkbrug/proposals';
import { emptyMoments } from './meeting-moments.form';
import { EMPTY_ANSWER, parseAnswer, type AnswerValues } from './proposal-answer.form';

const NOW = Date.parse('2026-06-01T08:00:00Z');
const moment = { date: '2026-12-01', from: '10:00', to: '11:00', place: 'Kas 2', withWhom: 'Anja' };
const yes = (over: Partial<AnswerValues> = {}): AnswerValues => ({
  ...EMPTY_ANSWER,
  answer: 'interested',
  meetingKind: 'kennismaking',
  moments: [moment, ...emptyMoments().slice(1)],
  ...over,
});

describe('the employer’s answer: Dutch checks, then EmployerAnswerDto', () => {
  const cases: {
    name: string;
    values: AnswerValues;
    fields: Record<string, string> | null;
    dto?: Partial<EmployerAnswerDto>;
  }[] = [
    { name: 'no form at all', values: EMPTY_ANSWER, fields: { reason: 'Kies ja of nee' } },
    {
      name: 'yes, with a moment in winter time',
      values: yes(),
      fields: null,
      dto: {
        answer: 'interested',
        meetingKind: 'kennismaking',
        meetingOptions: [
          {
            startsAt: '2026-12-01T10:00:00+01:00',
            endsAt: '2026-12-01T11:00:00+01:00',
            place: 'Kas 2',
            withWhom: 'Anja',
          },
        ],
      },
    },
    {
      name: 'yes, without a kind or a moment',
      values: yes({ meetingKind: '', moments: emptyMoments({ place: 'Kas 2', withWhom: 'Anja' }) }),
      fields: {
        meetingKind: 'Kies een kennismakingsgesprek of een meeloopdag',
        moment1Date: 'Vul minstens één moment in: een datum, een begintijd en een eindtijd',
      },
    },
    {
      name: 'yes, with a moment in the past',
      values: yes({ moments: [{ ...moment, date: '2026-05-01' }, ...emptyMoments().slice(1)] }),
      fields: { moment1Date: 'Kies een moment in de toekomst' },
    },
    {
      name: 'yes, and a reason (a no) too',
      values: yes({ reason: 'te_ver' }),
      fields: { reason: 'Een reden hoort bij nee. U zegt ja: laat de reden dan leeg.' },
    },
    {
      name: 'no without a reason',
      values: { ...EMPTY_ANSWER, answer: 'declined' },
      fields: { reason: 'Kies een reden' },
    },
    {
      name: 'no with moments filled in',
      values: yes({ answer: 'declined', meetingKind: '', reason: 'te_ver' }),
      fields: {
        reason:
          'U zegt nee of nu niet. Dan stelt u geen momenten voor. Wilt u wel kennismaken? Kies dan ja.',
      },
    },
    {
      name: 'no, because it is too far',
      values: { ...EMPTY_ANSWER, answer: 'declined', reason: 'te_ver', declineNote: 'Helaas' },
      fields: null,
      dto: { answer: 'declined', reason: 'te_ver', note: 'Helaas' },
    },
    {
      name: 'not now, with a note',
      values: {
        ...EMPTY_ANSWER,
        answer: 'declined',
        reason: 'niet_nu',
        declineNote: 'Na de zomer',
      },
      fields: null,
      dto: { answer: 'not_now', note: 'Na de zomer' },
    },
  ];
  it.each(cases)('$name', async ({ values, fields, dto }) => {
    const parsed = await parseAnswer(values, NOW);
    expect(parsed.errors.toView()?.fields ?? null).toEqual(fields);
    if (dto) expect(JSON.parse(JSON.stringify(parsed.dto))).toEqual(dto);
    else if (fields) expect(parsed.dto).toBeNull();
  });
});
