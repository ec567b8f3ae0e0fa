import type { Role } from '@werkbrug/auth';
import type { Meeting, MeetingOption, MeetingOutcomeRecord } from './meeting.entity';
import { toMeetingView } from './meeting.views';

const NOW = new Date('2026-12-10T12:00:00Z');
const base = {
  createdAt: new Date('2026-12-01T10:00:00Z'),
  updatedAt: new Date('2026-12-01T10:00:00Z'),
  version: 1,
};
const meeting = (over: Partial<Meeting> = {}): Meeting =>
  ({
    ...base,
    id: 'm1',
    proposalId: 'p1',
    kind: 'kennismaking',
    status: 'aangeboden',
    round: 2,
    chosenOptionId: null,
    offeredByUserId: 'u',
    offeredByRole: 'werkgever',
    pickedByUserId: null,
    pickedByRole: null,
    pickedAt: null,
    movedByRole: 'kandidaat',
    moveReason: 'Ik ben dan bij de dokter',
    cancelledByRole: null,
    cancelReason: null,
    cancelledAt: null,
    icsSequence: 1,
    reminderSentFor: null,
    ...over,
  }) as Meeting;
const option = (id: string, round: number, startsAt: string, over: Partial<MeetingOption> = {}) =>
  ({
    ...base,
    id,
    meetingId: 'm1',
    round,
    position: Number(id.slice(1)),
    startsAt: new Date(startsAt),
    endsAt: new Date(Date.parse(startsAt) + 3_600_000),
    place: 'Dorpsstraat 1',
    withWhom: 'Anja',
    unavailableAt: null,
    ...over,
  }) as MeetingOption;
const OPTIONS = [
  option('o1', 1, '2026-12-12T09:00:00Z'),
  option('o2', 2, '2026-12-15T09:00:00Z'),
  option('o3', 2, '2026-12-09T09:00:00Z'),
  option('o4', 2, '2026-12-16T09:00:00Z', { unavailableAt: new Date('2026-12-02T00:00:00Z') }),
];
const outcome = (side: MeetingOutcomeRecord['side']) =>
  ({
    ...base,
    meetingId: 'm1',
    side,
    outcome: 'goed',
    note: `notitie ${side}`,
  }) as MeetingOutcomeRecord;
const OUTCOMES = [outcome('werkgever'), outcome('kandidaat'), outcome('werkmakelaar')];

describe('a meeting as each side sees it', () => {
  it('shows the current round only, and which moments can still be picked', () => {
    const view = toMeetingView('kandidaat', meeting(), OPTIONS, [], NOW);
    expect(view.options.map((o) => [o.id, o.available])).toEqual([
      ['o2', true],
      ['o3', false],
      ['o4', false],
    ]);
  });

  it.each([
    ['kandidaat', 'aangeboden', null, ['pick', 'move', 'cancel']],
    ['werkmakelaar', 'aangeboden', null, ['pick', 'move', 'cancel']],
    ['werkgever', 'aangeboden', null, ['move', 'cancel']],
    ['kandidaat', 'gekozen', 'o2', ['move', 'cancel']],
    // The agreed moment has begun: now it can be told how it went.
    ['werkgever', 'gekozen', 'o3', ['move', 'cancel', 'outcome']],
    ['werkgever', 'gehouden', 'o3', ['outcome']],
    ['kandidaat', 'geannuleerd', 'o2', []],
    ['admin', 'aangeboden', null, []],
  ] as const)('%s, %s (chosen %s): %j', (role, status, chosen, actions) => {
    const view = toMeetingView(
      role as Role,
      meeting({ status, chosenOptionId: chosen }),
      OPTIONS,
      [],
      NOW,
    );
    expect(view.allowedActions).toEqual(actions);
  });

  it('shows the werkmakelaar every outcome, the others only their own', () => {
    const sides = (role: Role) =>
      toMeetingView(
        role,
        meeting({ status: 'gehouden', chosenOptionId: 'o3' }),
        OPTIONS,
        OUTCOMES,
        NOW,
      ).outcomes.map((o) => o.side);
    expect(sides('werkmakelaar')).toEqual(['werkgever', 'kandidaat', 'werkmakelaar']);
    expect(sides('werkgever')).toEqual(['werkgever']);
    expect(sides('kandidaat')).toEqual(['kandidaat']);
  });

  it("never shows the employer another side's reason", () => {
    const cancelled = meeting({
      status: 'geannuleerd',
      cancelledByRole: 'kandidaat',
      cancelReason: 'Ik ben ziek',
      cancelledAt: NOW,
    });
    const employer = toMeetingView('werkgever', cancelled, OPTIONS, [], NOW);
    expect(employer.moved).toEqual({ byRole: 'kandidaat', reason: null });
    expect(employer.cancelled).toMatchObject({ byRole: 'kandidaat', reason: null });
    const broker = toMeetingView('werkmakelaar', cancelled, OPTIONS, [], NOW);
    expect(broker.cancelled).toMatchObject({ reason: 'Ik ben ziek' });
    const own = toMeetingView(
      'werkgever',
      meeting({ movedByRole: 'werkgever', moveReason: 'Kaasmaker ziek' }),
      OPTIONS,
      [],
      NOW,
    );
    expect(own.moved).toEqual({ byRole: 'werkgever', reason: 'Kaasmaker ziek' });
  });
});
