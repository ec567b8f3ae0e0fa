import type { Role } from '@werkbrug/auth';
import type { Meeting, MeetingOption, MeetingOutcomeRecord } from './meeting.entity';
import { meetingStatusAt, toMeetingView } from './meeting.views';

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
    ['kandidaat', 'aangeboden', null, 'aangeboden', ['pick', 'move', 'cancel']],
    ['werkmakelaar', 'aangeboden', null, 'aangeboden', ['pick', 'move', 'cancel']],
    ['werkgever', 'aangeboden', null, 'aangeboden', ['move', 'cancel']],
    ['kandidaat', 'gekozen', 'o2', 'gekozen', ['move', 'cancel']],
    // The agreed moment has begun: it was held, so it can be told how it went, no longer moved or cancelled.
    ['werkgever', 'gekozen', 'o3', 'gehouden', ['outcome']],
    ['kandidaat', 'gekozen', 'o3', 'gehouden', ['outcome']],
    ['werkmakelaar', 'gekozen', 'o3', 'gehouden', ['outcome']],
    ['werkgever', 'gehouden', 'o3', 'gehouden', ['outcome']],
    ['kandidaat', 'geannuleerd', 'o2', 'geannuleerd', []],
    ['kandidaat', 'geannuleerd', 'o3', 'geannuleerd', []],
    ['admin', 'aangeboden', null, 'aangeboden', []],
    ['admin', 'gekozen', 'o3', 'gehouden', []],
  ] as const)('%s, %s (chosen %s): reads %s, may %j', (role, status, chosen, shown, actions) => {
    const view = toMeetingView(
      role as Role,
      meeting({ status, chosenOptionId: chosen }),
      OPTIONS,
      [],
      NOW,
    );
    expect(view.status).toBe(shown);
    expect(view.allowedActions).toEqual(actions);
  });

  it.each([
    ['before the agreed moment', '2026-12-09T08:59:59Z', 'gekozen'],
    ['at the agreed moment', '2026-12-09T09:00:00Z', 'gehouden'],
    ['after it', '2026-12-09T10:30:00Z', 'gehouden'],
  ])('%s (%s) a meeting with a moment agreed reads %s', (_when, now, shown) => {
    expect(
      meetingStatusAt({ status: 'gekozen' }, new Date('2026-12-09T09:00:00Z'), new Date(now)),
    ).toBe(shown);
  });

  it.each([
    ['aangeboden', null],
    ['geannuleerd', '2026-12-01T09:00:00Z'],
    ['gehouden', '2026-12-01T09:00:00Z'],
  ] as const)('%s stays so whatever the clock says (moment %s)', (status, startsAt) => {
    expect(meetingStatusAt({ status }, startsAt ? new Date(startsAt) : null, NOW)).toBe(status);
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
