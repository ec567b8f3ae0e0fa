import type { MeetingView } from '@werkbrug/proposals';
import { candidateMeetingPageView, candidateMeetingSummary } from './meeting.view';

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
const answered = {
  outcomes: [
    {
      side: 'kandidaat' as const,
      outcome: 'twijfel' as const,
      note: 'Het was druk',
      recordedAt: '2026-12-09T12:00:00.000Z',
    },
  ],
};
const proposal = {
  id: 'p1',
  vacancy: { title: 'Medewerker lunchroom', employerName: 'De Kaasmarkt' },
};

describe('the candidate sees the meeting as it stands', () => {
  it.each([
    [
      'agreed, still to come',
      meeting({}),
      'Bekijk of verzet je afspraak',
      { canMove: true, canCancel: true, canOutcome: false, ownAnswer: null },
    ],
    [
      'held, not told yet',
      meeting({ status: 'gehouden', allowedActions: ['outcome'] }),
      'Vertel hoe het ging',
      { canMove: false, canCancel: false, canOutcome: true, ownAnswer: null },
    ],
    [
      'held, told',
      meeting({ status: 'gehouden', allowedActions: ['outcome'], ...answered }),
      'Bekijk je afspraak',
      {
        canMove: false,
        canCancel: false,
        canOutcome: true,
        ownAnswer: { text: 'Ik twijfel', note: 'Het was druk' },
      },
    ],
  ])('%s', (_case, m, link, page) => {
    const summary = candidateMeetingSummary('p1', 'De Kaasmarkt', [m]);
    expect(summary?.link.text).toBe(link);
    expect(candidateMeetingPageView(proposal, [m])).toMatchObject(page);
  });

  it('says the answer on the proposal page once told', () => {
    const m = meeting({ status: 'gehouden', allowedActions: ['outcome'], ...answered });
    expect(candidateMeetingSummary('p1', 'De Kaasmarkt', [m])?.lines).toEqual([
      'Je afspraak was op woensdag 9 december 2026, 10:00–11:00.',
      'Je antwoord: Ik twijfel.',
    ]);
  });
});
