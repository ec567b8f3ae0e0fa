import type { Consent } from './consent.entity';
import type { MeetingOption } from './meeting.entity';
import {
  actorLabel,
  candidateLabel,
  meetingAgreedMail,
  meetingCancelledMail,
  type MeetingMailBase,
  type MeetingRecipient,
} from './meeting-mails';
import type { ProposalContext } from './proposal.views';

const consent = (sharedFields: string[], active = true) =>
  ({
    sharedFields,
    withdrawnAt: active ? null : new Date('2026-12-01T00:00:00Z'),
    expiresAt: new Date('2099-01-01T00:00:00Z'),
  }) as Consent;

const ctx = (c: Consent | null): ProposalContext =>
  ({
    proposal: { id: 'p1' },
    consent: c,
    vacancy: {
      id: 'v1',
      title: 'Kaasmaker',
      employerId: 'e1',
      employerName: 'Kaasmakerij De Wit',
      place: 'Gouda',
      arrangements: [],
    },
    candidate: { id: 'c1', pseudonym: 'K-4821', firstName: 'Sanne' },
    werkmakelaar: { name: 'Wim Makelaar', email: 'wim@werkbedrijf.example' },
  }) as unknown as ProposalContext;

const option = {
  startsAt: new Date('2026-12-15T09:00:00Z'),
  endsAt: new Date('2026-12-15T10:00:00Z'),
  place: 'Dorpsstraat 1, Gouda',
  withWhom: 'Anja',
} as MeetingOption;

const base = (c: Consent | null): MeetingMailBase => ({
  ctx: ctx(c),
  meeting: { id: 'm1', kind: 'kennismaking', icsSequence: 0 },
  link: 'https://werkbrug.example/voorstellen/p1',
  mailFrom: 'Werkbrug <noreply@werkbrug.example>',
});
const employer: MeetingRecipient = {
  side: 'werkgever',
  to: ['hr@dewit.example'],
  name: 'Kaasmakerij De Wit',
};

describe('meeting mails: the employer learns only what the consent shares', () => {
  it.each([
    ['shares the first name', consent(['firstName']), 'Sanne'],
    ['shares nothing', consent([]), 'Kandidaat K-4821'],
    ['withdrew the consent', consent(['firstName'], false), 'Kandidaat K-4821'],
    ['never consented', null, 'Kandidaat K-4821'],
  ])('names the candidate when the candidate %s', (_name, c, label) => {
    expect(candidateLabel(ctx(c), 'werkgever')).toBe(label);
    expect(actorLabel(ctx(c), 'kandidaat', 'werkgever')).toBe(label);
    const mail = meetingAgreedMail(base(c), employer, option as MeetingOption, 0);
    const ics = mail.attachments?.[0]?.content ?? '';
    expect(mail.data.candidate).toBe(label);
    expect(ics).toContain(label);
    if (label !== 'Sanne') expect(`${JSON.stringify(mail)}`).not.toContain('Sanne');
    expect(ics).not.toContain('wim@werkbedrijf.example');
    expect(ics).toContain('MAILTO:hr@dewit.example');
  });

  it('names the werkmakelaar to the employer only when shared', () => {
    expect(actorLabel(ctx(consent([])), 'werkmakelaar', 'werkgever')).toBe('De werkmakelaar');
    expect(actorLabel(ctx(consent(['werkmakelaarContact'])), 'werkmakelaar', 'werkgever')).toBe(
      'De werkmakelaar Wim Makelaar',
    );
  });

  it("never passes another side's reason to the employer", () => {
    const cancelled = (actor: 'kandidaat' | 'werkgever', r: MeetingRecipient) =>
      meetingCancelledMail(base(consent([])), r, {
        actor,
        reason: 'Ik ben ziek',
        agreed: option as MeetingOption,
        sequence: 1,
      });
    expect(cancelled('kandidaat', employer).data.reason).toBeUndefined();
    const broker: MeetingRecipient = {
      side: 'werkmakelaar',
      to: ['wim@werkbedrijf.example'],
      name: 'Wim',
    };
    expect(cancelled('kandidaat', broker).data.reason).toBe('Ik ben ziek');
    expect(cancelled('werkgever', { ...broker, side: 'kandidaat' }).data.reason).toBe(
      'Ik ben ziek',
    );
    // The calendar entry is cancelled: same uid, the next sequence.
    const ics = cancelled('kandidaat', employer).attachments?.[0];
    expect(ics?.contentType).toBe('text/calendar; method=CANCEL; charset=utf-8');
    expect(ics?.content).toContain('UID:meeting-m1@werkbrug.example');
    expect(ics?.content).toContain('SEQUENCE:1');
  });
});
