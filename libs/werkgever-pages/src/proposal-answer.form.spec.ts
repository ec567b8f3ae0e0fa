import { EmployerAnswerDto } from '@werkbrug/proposals';
import { EMPTY_ANSWER, parseAnswer, type AnswerValues } from './proposal-answer.form';

const NOW = Date.parse('2026-06-01T08:00:00Z');

describe('the employer’s answer: Dutch checks, then EmployerAnswerDto', () => {
  const cases: {
    name: string;
    values: AnswerValues;
    fields: Record<string, string> | null;
    dto?: Partial<EmployerAnswerDto>;
  }[] = [
    { name: 'no answer', values: EMPTY_ANSWER, fields: { answer: 'Kies uw antwoord' } },
    {
      name: 'interested with a date in winter time',
      values: {
        ...EMPTY_ANSWER,
        answer: 'interested',
        meetingKind: 'kennismaking',
        dates: ['2026-12-01T10:00', '', ''],
      },
      fields: null,
      dto: {
        answer: 'interested',
        meetingKind: 'kennismaking',
        meetingDates: ['2026-12-01T10:00:00+01:00'],
      },
    },
    {
      name: 'interested without dates',
      values: { ...EMPTY_ANSWER, answer: 'interested', meetingKind: 'meeloopdag' },
      fields: { dates: 'Stel minstens één datum en tijd voor' },
    },
    {
      name: 'interested with a date in the past',
      values: {
        ...EMPTY_ANSWER,
        answer: 'interested',
        meetingKind: 'meeloopdag',
        dates: ['2026-05-01T10:00', '', ''],
      },
      fields: { dates: 'Kies een datum en tijd in de toekomst' },
    },
    {
      name: 'declined without a reason',
      values: { ...EMPTY_ANSWER, answer: 'declined' },
      fields: { reason: 'Kies een reden' },
    },
    {
      name: 'not now, with a note',
      values: { ...EMPTY_ANSWER, answer: 'not_now', note: 'Na de zomer graag' },
      fields: null,
      dto: { answer: 'not_now', note: 'Na de zomer graag' },
    },
  ];
  it.each(cases)('$name', async ({ values, fields, dto }) => {
    const parsed = await parseAnswer(values, NOW);
    expect(parsed.errors.toView()?.fields ?? null).toEqual(fields);
    if (dto) expect(parsed.dto).toEqual(Object.assign(new EmployerAnswerDto(), dto));
    else if (fields) expect(parsed.dto).toBeNull();
  });
});
