import { answerProblems } from './answer-rules';
import { EmployerAnswerDto } from './proposal.dto';

const option = {
  startsAt: '2026-12-15T10:00:00+01:00',
  endsAt: '2026-12-15T11:00:00+01:00',
  place: 'Dorpsstraat 1',
  withWhom: 'Anja',
};
const dto = (fields: Partial<EmployerAnswerDto>) => Object.assign(new EmployerAnswerDto(), fields);

describe("the employer's answer: no contradictions", () => {
  it.each([
    [
      'yes with moments',
      { answer: 'interested', meetingKind: 'kennismaking', meetingOptions: [option] },
      [],
    ],
    [
      'yes with start times',
      {
        answer: 'interested',
        meetingKind: 'meeloopdag',
        meetingDates: [option.startsAt],
        place: 'Hal 2',
      },
      [],
    ],
    ['not now', { answer: 'not_now', note: 'Na de zomer' }, []],
    ['no with a reason', { answer: 'declined', reason: 'te_ver' }, []],
    ['yes without a kind or a moment', { answer: 'interested' }, ['meetingKind', 'meetingOptions']],
    [
      'yes both ways',
      {
        answer: 'interested',
        meetingKind: 'kennismaking',
        meetingOptions: [option],
        meetingDates: [option.startsAt],
      },
      ['meetingDates'],
    ],
    [
      'yes with a place beside whole moments',
      {
        answer: 'interested',
        meetingKind: 'kennismaking',
        meetingOptions: [option],
        place: 'Hal 2',
      },
      ['place'],
    ],
    [
      'yes with a reason',
      {
        answer: 'interested',
        meetingKind: 'kennismaking',
        meetingOptions: [option],
        reason: 'te_ver',
      },
      ['reason'],
    ],
    [
      'no with dates',
      { answer: 'declined', reason: 'te_ver', meetingDates: [option.startsAt] },
      ['meetingDates'],
    ],
    [
      'no with moments and a kind',
      {
        answer: 'declined',
        reason: 'te_ver',
        meetingKind: 'kennismaking',
        meetingOptions: [option],
      },
      ['meetingKind', 'meetingOptions'],
    ],
    ['no without a reason', { answer: 'declined' }, ['reason']],
    ['not now with a reason', { answer: 'not_now', reason: 'niet_nu' }, ['reason']],
  ] as const)('%s', (_name, fields, problems) => {
    expect(answerProblems(dto(fields as Partial<EmployerAnswerDto>)).map((p) => p.field)).toEqual(
      problems,
    );
  });
});
