import type { EmployerProposalView, MeetingView } from '@werkbrug/proposals';
import { emptyAfspraak, proposalMeetingView, toAfspraakView } from './meeting.view';

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
const told = {
  outcomes: [
    {
      side: 'werkgever' as const,
      outcome: 'goed' as const,
      note: 'Leuk gesprek',
      recordedAt: '2026-12-09T12:00:00.000Z',
    },
  ],
};
const proposal = {
  id: 'p1',
  status: 'kennismaking',
  shared: { firstName: 'Noor' },
  candidate: { pseudonym: 'K-1' },
  vacancy: { title: 'Medewerker lunchroom' },
} as unknown as EmployerProposalView;

describe('the employer sees the meeting as it stands', () => {
  it.each([
    [
      'agreed, still to come',
      meeting({}),
      'Afgesproken',
      'Afspraak verzetten of afzeggen',
      { canMove: true, canCancel: true, canOutcome: false, answered: false },
      null,
    ],
    [
      'held, not told yet',
      meeting({ status: 'gehouden', allowedActions: ['outcome'] }),
      'Geweest',
      'Vertel hoe het ging',
      { canMove: false, canCancel: false, canOutcome: true, answered: false },
      null,
    ],
    [
      // Held and told: a new meeting can be offered, the answer is shown.
      'held, told',
      meeting({ status: 'gehouden', allowedActions: ['outcome'], ...told }),
      'Geweest',
      'Nieuwe afspraak voorstellen',
      { canMove: false, canCancel: false, canOutcome: true, answered: true, canOffer: true },
      { text: 'Goed', note: 'Leuk gesprek' },
    ],
  ])('%s', (_case, m, status, link, page, own) => {
    const section = proposalMeetingView(proposal, [m]);
    expect(section.summary?.status.text).toBe(status);
    expect(section.action?.text ?? null).toBe(link);
    const view = toAfspraakView(proposal, [m], emptyAfspraak());
    expect(view).toMatchObject(page);
    expect(view.current?.ownOutcome).toEqual(own);
  });

  it('no link at all once told and the proposal moved past its meetings', () => {
    const m = meeting({ status: 'gehouden', allowedActions: ['outcome'], ...told });
    expect(proposalMeetingView({ id: 'p1', status: 'geplaatst' }, [m]).action).toBeNull();
  });
});
