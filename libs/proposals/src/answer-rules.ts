import type { EmployerAnswerDto } from './proposal.dto';

/** Fields of the employer's answer that belong to a "yes", and refused with any other answer. */
const MEETING_FIELDS = [
  'meetingKind',
  'meetingOptions',
  'meetingDates',
  'place',
  'withWhom',
] as const;

/** The contradictions an answer can hold ("no" with moments, "yes" without one, a reason with "yes"). */
export function answerProblems(dto: EmployerAnswerDto): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  if (dto.answer === 'interested') {
    if (!dto.meetingKind) problems.push({ field: 'meetingKind', message: 'say which meeting' });
    if (!dto.meetingOptions?.length && !dto.meetingDates?.length)
      problems.push({ field: 'meetingOptions', message: 'offer at least one moment' });
    if (dto.meetingOptions && dto.meetingDates)
      problems.push({
        field: 'meetingDates',
        message: 'give meetingOptions or meetingDates, not both',
      });
    if (dto.meetingOptions && (dto.place !== undefined || dto.withWhom !== undefined))
      problems.push({ field: 'place', message: 'place and withWhom go with meetingDates only' });
    if (dto.reason !== undefined)
      problems.push({ field: 'reason', message: 'a reason goes with a declined answer only' });
  } else {
    for (const field of MEETING_FIELDS)
      if (dto[field] !== undefined)
        problems.push({ field, message: 'only when the answer is interested' });
    if (dto.answer === 'declined' && !dto.reason)
      problems.push({ field: 'reason', message: 'choose a reason from the list' });
    if (dto.answer === 'not_now' && dto.reason !== undefined)
      problems.push({ field: 'reason', message: 'a reason goes with a declined answer only' });
  }
  return problems;
}
