import type { MeetingView } from '@werkbrug/proposals';
import { brokerMeetingSection } from './meeting.view';

const chosen = {
  id: 'o1',
  startsAt: '2026-12-09T09:00:00.000Z',
  endsAt: '2026-12-09T10:00:00.000Z',
  place: 'Kaasmarkt 1',
  withWhom: 'Anja',
  available: false,
};
const meeting = (over: Partial<MeetingView>): MeetingView => ({
  id: 'm1',
  proposalId: 'p1',
  kind: 'kennismaking',
  status: 'gekozen',
  options: [chosen],
  chosen,
  offeredByRole: 'werkgever',
  pickedByRole: 'kandidaat',
  pickedAt: '2026-12-01T10:00:00.000Z',
  moved: null,
  cancelled: null,
  outcomes: [],
  allowedActions: ['move', 'cancel'],
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
  version: 2,
  ...over,
});
const outcome = (side: 'werkgever' | 'werkmakelaar') => ({
  side,
  outcome: 'goed' as const,
  note: null,
  recordedAt: '2026-12-09T12:00:00.000Z',
});

describe('the werkmakelaar sees the meeting as it stands', () => {
  it.each([
    ['agreed, still to come', meeting({}), 'Afgesproken', ['Verzetten of afzeggen']],
    [
      'held, nobody told yet',
      meeting({ status: 'gehouden', allowedActions: ['outcome'] }),
      'Geweest',
      ['Vertel hoe het ging', 'Momenten voorstellen namens de werkgever'],
    ],
    [
      'held, the employer told',
      meeting({
        status: 'gehouden',
        allowedActions: ['outcome'],
        outcomes: [outcome('werkgever')],
      }),
      'Geweest',
      ['Vertel hoe het ging', 'Momenten voorstellen namens de werkgever'],
    ],
    [
      'held, the werkmakelaar told',
      meeting({
        status: 'gehouden',
        allowedActions: ['outcome'],
        outcomes: [outcome('werkmakelaar')],
      }),
      'Geweest',
      ['Momenten voorstellen namens de werkgever'],
    ],
  ])('%s', (_case, m, status, actions) => {
    const section = brokerMeetingSection({ id: 'p1', status: 'kennismaking' }, [m]);
    expect(section.meeting?.status.text).toBe(status);
    expect(section.actions.map((a) => a.text)).toEqual(actions);
  });
});
