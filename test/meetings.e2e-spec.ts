import type { ParsedMail } from 'mailparser';
import { today } from '@werkbrug/domain';
import { MeetingsService } from '@werkbrug/proposals';
import { bearer, buildWorld, type World } from './support/fixtures';
import { startSmtpSink } from './support/smtp-sink';
import { startTestApp, type TestApp } from './support/test-app';
import { PROTECTED, waitingProposal } from './support/web-employer';
import { mailDrain } from './support/mail-drain';

const PUBLIC_URL = 'https://werkbrug.example';
const EMPLOYER_MAILS = ['hr@groenenzo.nl', 'werkgever@groenenzo.nl'];
const CANDIDATE_MAIL = 'sanne.devries@example.nl';
const BROKER_MAIL = 'wm.a@test.nl';

/** A moment in winter: 10:00–11:00 in Amsterdam is 09:00–10:00Z. */
const moment = (day: number, extra: Record<string, string> = {}) => ({
  startsAt: `2030-12-${String(day).padStart(2, '0')}T10:00:00+01:00`,
  endsAt: `2030-12-${String(day).padStart(2, '0')}T11:00:00+01:00`,
  place: 'Hoveniersbedrijf Groen & Zo, Industrieweg 4, Woerden',
  withWhom: 'Anja de Wit',
  ...extra,
});

/** The calendar file of a mail as text (mailparser keeps text/calendar parts as attachments). */
const icsOf = (mail: ParsedMail) => {
  const file = mail.attachments.find((a) => a.contentType.startsWith('text/calendar'));
  return file ? file.content.toString('utf8') : null;
};
/** A property line of the calendar, unfolded; DTSTART and DTEND of the event (not the VTIMEZONE). */
const line = (ics: string, name: string) =>
  ics
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .slice(
      name.startsWith('DT')
        ? ics
            .replace(/\r\n[ \t]/g, '')
            .split('\r\n')
            .indexOf('BEGIN:VEVENT')
        : 0,
    )
    .find((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`));

describe('meetings: offer, pick, move, cancel, outcomes (API, outbox, SMTP)', () => {
  let t: TestApp;
  let w: World;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let drain: () => Promise<number>;
  let proposalId: string;
  let meetingId: string;
  const as = (token: string) => ({
    get: (path: string) => t.http().get(path).set(bearer(token)),
    post: (path: string, body: object = {}) => t.http().post(path).set(bearer(token)).send(body),
  });
  /** The mails of one template that arrived since the last call, by recipient. */
  let seen = 0;
  async function arrived(template: string) {
    await drain();
    const fresh = smtp.messages.slice(seen);
    seen = smtp.messages.length;
    return fresh.filter((m) => m.headers.get('x-werkbrug-template') === template);
  }
  const to = (mails: ParsedMail[], address: string) =>
    mails.filter((m) => JSON.stringify(m.to).includes(address));

  beforeAll(async () => {
    smtp = await startSmtpSink();
    t = await startTestApp({ SMTP_URL: smtp.url, PUBLIC_URL });
    w = await buildWorld(t);
    await t.db.query(`UPDATE employers SET contact_email = 'hr@groenenzo.nl' WHERE id = $1`, [
      w.employer.id,
    ]);
    drain = mailDrain(t);
    proposalId = await waitingProposal(t, w, ['werkmakelaarContact']);
    await arrived('none');
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('refuses a contradictory answer: "no" with moments, "yes" without one', async () => {
    const no = await as(w.employer.token).post(`/api/proposals/${proposalId}/answer`, {
      answer: 'declined',
      reason: 'te_ver',
      meetingDates: ['2030-12-03T10:00:00+01:00'],
    });
    expect(no.status).toBe(422);
    expect(no.body.errors).toEqual([
      { field: 'meetingDates', message: 'only when the answer is interested' },
    ]);
    const yes = await as(w.employer.token).post(`/api/proposals/${proposalId}/answer`, {
      answer: 'interested',
      meetingKind: 'kennismaking',
    });
    expect(yes.status).toBe(422);
    const past = await as(w.employer.token).post(`/api/proposals/${proposalId}/answer`, {
      answer: 'interested',
      meetingKind: 'kennismaking',
      meetingOptions: [moment(3, { startsAt: '2020-12-03T10:00:00+01:00' })],
    });
    expect(past.status).toBe(422);
    expect(past.body.errors).toEqual([
      { field: 'meetingOptions[0].startsAt', message: 'must be in the future' },
    ]);
    const [p] = await t.db.query(`SELECT status FROM proposals WHERE id = $1`, [proposalId]);
    expect(p.status).toBe('wacht_op_werkgever');
  });

  it('the employer answers yes with two moments: a meeting the candidate and werkmakelaar are asked to pick from', async () => {
    const res = await as(w.employer.token).post(`/api/proposals/${proposalId}/answer`, {
      answer: 'interested',
      meetingKind: 'kennismaking',
      meetingOptions: [moment(3), moment(4, { withWhom: 'Piet Groen' })],
    });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('kennismaking');
    const list = await as(w.candidateA.token).get(`/api/proposals/${proposalId}/meetings`);
    expect(list.status).toBe(200);
    expect(list.body).toHaveLength(1);
    const [meeting] = list.body;
    meetingId = meeting.id;
    expect(meeting).toMatchObject({
      kind: 'kennismaking',
      status: 'aangeboden',
      offeredByRole: 'werkgever',
      chosen: null,
      allowedActions: ['pick', 'move', 'cancel'],
    });
    expect(meeting.options.map((o: { startsAt: string }) => o.startsAt)).toEqual([
      '2030-12-03T09:00:00.000Z',
      '2030-12-04T09:00:00.000Z',
    ]);
    const employerView = await as(w.employer.token).get(`/api/meetings/${meetingId}`);
    expect(employerView.body.allowedActions).toEqual(['move', 'cancel']);

    const offered = await arrived('meeting_offered');
    expect(offered).toHaveLength(2);
    expect(to(offered, CANDIDATE_MAIL)).toHaveLength(1);
    expect(to(offered, BROKER_MAIL)).toHaveLength(1);
    const candidateMail = to(offered, CANDIDATE_MAIL)[0] as ParsedMail;
    expect(candidateMail.text).toContain(
      'dinsdag 3 december 2030, 10:00–11:00, Hoveniersbedrijf Groen & Zo, Industrieweg 4, Woerden, met Anja de Wit',
    );
    expect(candidateMail.text).toContain(`${PUBLIC_URL}/voorstellen/${proposalId}`);
    expect(candidateMail.attachments).toHaveLength(0);
  });

  it('the employer cannot pick, another organisation cannot see it, a stale version is refused', async () => {
    const option = (await as(w.candidateA.token).get(`/api/meetings/${meetingId}`)).body.options[0];
    expect(
      (await as(w.employer.token).post(`/api/meetings/${meetingId}/pick`, { optionId: option.id }))
        .status,
    ).toBe(403);
    expect((await as(w.wmB.token).get(`/api/meetings/${meetingId}`)).status).toBe(404);
    expect((await as(w.wmB.token).get(`/api/proposals/${proposalId}/meetings`)).status).toBe(404);
    expect((await as(w.otherEmployer.token).get(`/api/meetings/${meetingId}`)).status).toBe(404);
    expect(
      (
        await as(w.wmB.token).post(`/api/meetings/${meetingId}/cancel`, {
          reason: 'Niet van ons',
        })
      ).status,
    ).toBe(404);
    const stale = await as(w.candidateA.token).post(`/api/meetings/${meetingId}/pick`, {
      optionId: option.id,
      version: 99,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('STALE_VERSION');
    const asking = await as(w.candidateA.token).post(`/api/meetings/${meetingId}/move`, {
      options: [moment(9)],
    });
    expect(asking.status).toBe(403);
  });

  it('the candidate picks: all three get the agreed moment with an .ics in Amsterdam time', async () => {
    const before = (await as(w.candidateA.token).get(`/api/meetings/${meetingId}`)).body;
    const res = await as(w.candidateA.token)
      .post(`/api/meetings/${meetingId}/pick`, { optionId: before.options[0].id })
      .set('If-Match', `"${before.version}"`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'gekozen', pickedByRole: 'kandidaat' });
    expect(res.body.chosen.startsAt).toBe('2030-12-03T09:00:00.000Z');
    const again = await as(w.candidateA.token).post(`/api/meetings/${meetingId}/pick`, {
      optionId: before.options[1].id,
    });
    expect(again.body.code).toBe('MEETING_AGREED');

    const agreed = await arrived('meeting_agreed');
    for (const address of [CANDIDATE_MAIL, BROKER_MAIL, ...EMPLOYER_MAILS])
      expect([address, to(agreed, address).length]).toEqual([address, 1]);
    expect(agreed).toHaveLength(3);
    const uids = new Set<string | undefined>();
    for (const mail of agreed) {
      const ics = icsOf(mail) as string;
      expect(ics).not.toBeNull();
      const file = mail.attachments.find((a) => a.contentType.startsWith('text/calendar'));
      expect(file?.contentType).toBe('text/calendar');
      expect(file?.filename).toBe('afspraak.ics');
      expect(line(ics, 'METHOD')).toBe('METHOD:REQUEST');
      expect(line(ics, 'DTSTART')).toBe('DTSTART;TZID=Europe/Amsterdam:20301203T100000');
      expect(line(ics, 'DTEND')).toBe('DTEND;TZID=Europe/Amsterdam:20301203T110000');
      expect(ics).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Amsterdam');
      expect(line(ics, 'SEQUENCE')).toBe('SEQUENCE:0');
      uids.add(line(ics, 'UID'));
    }
    expect([...uids]).toEqual([`UID:meeting-${meetingId}@werkbrug.local`]);
    // The employer's copy: the candidate by pseudonym (no first name shared), nothing protected.
    const employerMail = to(agreed, 'werkgever@groenenzo.nl')[0] as ParsedMail;
    const employerIcs = icsOf(employerMail) as string;
    const employerText = `${employerMail.subject}\n${employerMail.text}\n${employerMail.html}\n${employerIcs}`;
    expect(PROTECTED.filter((s) => employerText.includes(s))).toEqual([]);
    expect(employerText).not.toContain('Sanne');
    expect(employerIcs).toMatch(/SUMMARY:Kennismakingsgesprek met Kandidaat [A-Z0-9-]+: /);
    expect(employerIcs.replace(/\r\n[ \t]/g, '')).toContain('MAILTO:hr@groenenzo.nl');
    // The candidate's own copy is theirs: their address as the attendee.
    const candidateIcs = icsOf(to(agreed, CANDIDATE_MAIL)[0] as ParsedMail) as string;
    expect(candidateIcs.replace(/\r\n[ \t]/g, '')).toContain(`MAILTO:${CANDIDATE_MAIL}`);
  });

  it('the employer moves it: new moments, the others told, the old calendar entry cancelled', async () => {
    const employerOnly = await as(w.employer.token).post(`/api/meetings/${meetingId}/move`, {
      reason: 'Anja is ziek',
    });
    expect(employerOnly.status).toBe(422);
    const res = await as(w.employer.token).post(`/api/meetings/${meetingId}/move`, {
      options: [moment(10), moment(11)],
      reason: 'Anja is die dag weg',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'aangeboden',
      chosen: null,
      moved: { byRole: 'werkgever', reason: 'Anja is die dag weg' },
    });
    expect(res.body.options.map((o: { startsAt: string }) => o.startsAt)).toEqual([
      '2030-12-10T09:00:00.000Z',
      '2030-12-11T09:00:00.000Z',
    ]);
    const moved = await arrived('meeting_moved');
    expect(moved).toHaveLength(2);
    expect(to(moved, 'groenenzo.nl')).toHaveLength(0);
    for (const mail of moved) {
      expect(mail.text).toContain('Reden: Anja is die dag weg');
      expect(mail.text).toContain('dinsdag 10 december 2030, 10:00–11:00');
      const ics = icsOf(mail) as string;
      expect(line(ics, 'METHOD')).toBe('METHOD:CANCEL');
      expect(line(ics, 'SEQUENCE')).toBe('SEQUENCE:1');
      expect(line(ics, 'UID')).toBe(`UID:meeting-${meetingId}@werkbrug.local`);
      expect(line(ics, 'STATUS')).toBe('STATUS:CANCELLED');
    }
  });

  it('the werkmakelaar picks on behalf of the candidate: an updated invitation (higher sequence)', async () => {
    const before = (await as(w.wmA.token).get(`/api/meetings/${meetingId}`)).body;
    const res = await as(w.wmA.token).post(`/api/meetings/${meetingId}/pick`, {
      optionId: before.options[1].id,
    });
    expect(res.status).toBe(200);
    expect(res.body.pickedByRole).toBe('werkmakelaar');
    const agreed = await arrived('meeting_agreed');
    expect(agreed).toHaveLength(3);
    for (const mail of agreed) {
      const ics = icsOf(mail) as string;
      expect(line(ics, 'SEQUENCE')).toBe('SEQUENCE:2');
      expect(line(ics, 'DTSTART')).toBe('DTSTART;TZID=Europe/Amsterdam:20301211T100000');
    }
  });

  it('the candidate cancels: the others are told, the employer without the reason', async () => {
    const res = await as(w.candidateA.token).post(`/api/meetings/${meetingId}/cancel`, {
      reason: 'Ik ben ziek',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'geannuleerd', allowedActions: [] });
    expect(res.body.cancelled).toMatchObject({ byRole: 'kandidaat', reason: 'Ik ben ziek' });
    const employerView = (await as(w.employer.token).get(`/api/meetings/${meetingId}`)).body;
    expect(employerView.cancelled).toMatchObject({ byRole: 'kandidaat', reason: null });
    const cancelled = await arrived('meeting_cancelled');
    expect(cancelled).toHaveLength(2);
    const employerMail = to(cancelled, 'werkgever@groenenzo.nl')[0] as ParsedMail;
    expect(employerMail.text).not.toContain('ziek');
    expect(to(cancelled, BROKER_MAIL)[0]?.text).toContain('Reden: Ik ben ziek');
    for (const mail of cancelled) {
      const ics = icsOf(mail) as string;
      expect(line(ics, 'METHOD')).toBe('METHOD:CANCEL');
      expect(line(ics, 'SEQUENCE')).toBe('SEQUENCE:3');
    }
    const closed = await as(w.wmA.token).post(`/api/meetings/${meetingId}/move`, {
      reason: 'nog eens',
    });
    expect(closed.body.code).toBe('MEETING_CLOSED');
  });

  it('a new kennismaking is offered; after it each side records how it went, seeing its own', async () => {
    const offer = await as(w.employer.token).post(`/api/proposals/${proposalId}/meetings`, {
      kind: 'kennismaking',
      options: [moment(17)],
    });
    expect(offer.status).toBe(201);
    const second = offer.body.id as string;
    const running = await as(w.wmA.token).post(`/api/proposals/${proposalId}/meetings`, {
      kind: 'kennismaking',
      options: [moment(18)],
    });
    expect(running.body.code).toBe('MEETING_RUNNING');
    await as(w.candidateA.token)
      .post(`/api/meetings/${second}/pick`, { optionId: offer.body.options[0].id })
      .expect(200);
    const early = await as(w.employer.token).post(`/api/meetings/${second}/outcome`, {
      outcome: 'goed',
    });
    expect(early.body.code).toBe('MEETING_NOT_HELD_YET');
    // The moment has passed (the clock moved on).
    await t.db.query(
      `UPDATE meeting_options SET starts_at = now() - interval '2 hours', ends_at = now() - interval '1 hour'
        WHERE meeting_id = $1`,
      [second],
    );
    // Held now: no longer moved or cancelled, by anyone.
    const held = await as(w.employer.token).get(`/api/meetings/${second}`);
    expect(held.body).toMatchObject({ status: 'gehouden', allowedActions: ['outcome'] });
    const late = await as(w.candidateA.token).post(`/api/meetings/${second}/move`, {
      reason: 'Toch niet',
    });
    expect([late.status, late.body.code]).toEqual([409, 'MEETING_CLOSED']);
    const lateCancel = await as(w.wmA.token).post(`/api/meetings/${second}/cancel`, {
      reason: 'Toch niet',
    });
    expect([lateCancel.status, lateCancel.body.code]).toEqual([409, 'MEETING_CLOSED']);
    for (const [token, outcome, note] of [
      [w.employer.token, 'goed', 'Leuk gesprek'],
      [w.candidateA.token, 'twijfel', 'Het was druk'],
      [w.wmA.token, 'goed', 'Verder met een meeloopdag'],
    ] as const) {
      const res = await as(token).post(`/api/meetings/${second}/outcome`, { outcome, note });
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('gehouden');
    }
    const broker = (await as(w.wmA.token).get(`/api/meetings/${second}`)).body;
    expect(
      broker.outcomes.map((o: { side: string; outcome: string }) => [o.side, o.outcome]),
    ).toEqual(
      expect.arrayContaining([
        ['werkgever', 'goed'],
        ['kandidaat', 'twijfel'],
        ['werkmakelaar', 'goed'],
      ]),
    );
    const employer = (await as(w.employer.token).get(`/api/meetings/${second}`)).body;
    expect(employer.outcomes).toEqual([
      expect.objectContaining({ side: 'werkgever', note: 'Leuk gesprek' }),
    ]);
    const candidate = (await as(w.candidateA.token).get(`/api/meetings/${second}`)).body;
    expect(candidate.outcomes).toEqual([expect.objectContaining({ side: 'kandidaat' })]);
    // Told again: the record changes, there is still one per side.
    await as(w.candidateA.token)
      .post(`/api/meetings/${second}/outcome`, { outcome: 'goed' })
      .expect(200);
    const rows = await t.db.query(
      `SELECT side, outcome FROM meeting_outcomes WHERE meeting_id = $1 ORDER BY side`,
      [second],
    );
    expect(rows).toEqual([
      { side: 'kandidaat', outcome: 'goed' },
      { side: 'werkgever', outcome: 'goed' },
      { side: 'werkmakelaar', outcome: 'goed' },
    ]);
    const audit = await t.db.query(
      `SELECT action, count(*)::int AS n FROM audit_log WHERE action LIKE 'meeting.%' GROUP BY action ORDER BY action`,
    );
    expect(audit).toEqual([
      { action: 'meeting.cancel', n: 1 },
      { action: 'meeting.move', n: 1 },
      { action: 'meeting.offer', n: 2 },
      { action: 'meeting.outcome', n: 4 },
      { action: 'meeting.pick', n: 3 },
    ]);
  });

  it('the meeloopdag works the same way: offered after the kennismaking, the proposal moves on', async () => {
    await arrived('none');
    const res = await as(w.wmA.token).post(`/api/proposals/${proposalId}/meetings`, {
      kind: 'meeloopdag',
      options: [moment(19, { endsAt: '2030-12-19T15:00:00+01:00' })],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: 'meeloopdag', offeredByRole: 'werkmakelaar' });
    const p = await as(w.wmA.token).get(`/api/proposals/${proposalId}`);
    expect(p.body.status).toBe('meeloopdag');
    const offered = await arrived('meeting_offered');
    // The werkmakelaar offered it: the candidate and the employer hear.
    expect(to(offered, CANDIDATE_MAIL)).toHaveLength(1);
    expect(to(offered, 'werkgever@groenenzo.nl')).toHaveLength(1);
    expect(to(offered, BROKER_MAIL)).toHaveLength(0);
  });

  it('reminds each side the day before, once', async () => {
    const [meeting] = await t.db.query(
      `SELECT id FROM meetings WHERE proposal_id = $1 AND status = 'aangeboden'`,
      [proposalId],
    );
    const view = (await as(w.candidateA.token).get(`/api/meetings/${meeting.id}`)).body;
    await as(w.candidateA.token)
      .post(`/api/meetings/${meeting.id}/pick`, { optionId: view.options[0].id })
      .expect(200);
    await arrived('meeting_agreed');
    const service = t.app.get(MeetingsService);
    // Tomorrow in Amsterdam: 10:00–15:00.
    const on = today();
    const tomorrow = new Date(Date.parse(`${on}T12:00:00Z`) + 86_400_000)
      .toISOString()
      .slice(0, 10);
    await t.db.query(
      `UPDATE meeting_options SET starts_at = ($2::date + time '10:00') AT TIME ZONE 'Europe/Amsterdam',
              ends_at = ($2::date + time '15:00') AT TIME ZONE 'Europe/Amsterdam'
        WHERE meeting_id = $1`,
      [meeting.id, tomorrow],
    );
    // Not two days before.
    const yesterday = new Date(Date.parse(`${on}T12:00:00Z`) - 86_400_000).toISOString();
    expect(await service.sendReminders(yesterday.slice(0, 10))).toBe(0);
    expect(await service.sendReminders(on)).toBe(1);
    // Safe to repeat: the next hourly run finds nothing.
    expect(await service.sendReminders(on)).toBe(0);
    const reminders = await arrived('meeting_reminder');
    expect(reminders).toHaveLength(3);
    expect(reminders[0]?.subject).toBe('Morgen: meeloopdag bij Hoveniersbedrijf Groen & Zo');
    expect(to(reminders, CANDIDATE_MAIL)[0]?.text).toContain('10:00–15:00');
  });

  it('a start time only (meetingDates) still works: an hour at the workplace, with its contact', async () => {
    const other = await waitingProposal(t, w);
    const res = await as(w.employer.token).post(`/api/proposals/${other}/answer`, {
      answer: 'interested',
      meetingKind: 'kennismaking',
      meetingDates: ['2030-12-05T14:00:00+01:00'],
    });
    expect(res.status).toBe(200);
    expect(res.body.meeting).toEqual({ kind: 'kennismaking', dates: ['2030-12-05T13:00:00.000Z'] });
    const [meeting] = (await as(w.wmA.token).get(`/api/proposals/${other}/meetings`)).body;
    expect(meeting.options).toEqual([
      expect.objectContaining({
        startsAt: '2030-12-05T13:00:00.000Z',
        endsAt: '2030-12-05T14:00:00.000Z',
        place: 'Stationsweg 1, Woerden',
        withWhom: 'Hoveniersbedrijf Groen & Zo',
      }),
    ]);
  });

  it('withdrawing the proposal calls off its meeting, and the others hear it', async () => {
    const [running] = await t.db.query(
      `SELECT id FROM meetings WHERE proposal_id = $1 AND status IN ('aangeboden','gekozen')`,
      [proposalId],
    );
    await as(w.candidateA.token).post(`/api/proposals/${proposalId}/consent/withdraw`).expect(200);
    const [m] = await t.db.query(`SELECT status, cancelled_by_role FROM meetings WHERE id = $1`, [
      running.id,
    ]);
    expect(m).toEqual({ status: 'geannuleerd', cancelled_by_role: 'kandidaat' });
    const cancelled = await arrived('meeting_cancelled');
    expect(to(cancelled, 'werkgever@groenenzo.nl')).toHaveLength(1);
    expect(to(cancelled, BROKER_MAIL)).toHaveLength(1);
    // The calendar entry of the agreed meeloopdag is cancelled too.
    expect(line(icsOf(cancelled[0] as ParsedMail) as string, 'METHOD')).toBe('METHOD:CANCEL');
  });

  it('erasing the candidate blanks what the sides wrote about the meetings; the meetings stay', async () => {
    const notes = () =>
      t.db.query(
        `SELECT count(*) FILTER (WHERE o.note IS NOT NULL)::int AS notes,
                count(*) FILTER (WHERE m.cancel_reason IS NOT NULL OR m.move_reason IS NOT NULL)::int AS reasons,
                count(DISTINCT m.id)::int AS meetings
           FROM meetings m LEFT JOIN meeting_outcomes o ON o.meeting_id = m.id WHERE m.proposal_id = $1`,
        [proposalId],
      );
    const [before] = await notes();
    expect(before.notes).toBeGreaterThan(0);
    expect(before.reasons).toBeGreaterThan(0);
    await t
      .http()
      .delete(`/api/candidates/${w.candidateA.id}`)
      .set(bearer(w.wmA.token))
      .expect(204);
    const [after] = await notes();
    expect(after).toEqual({ notes: 0, reasons: 0, meetings: before.meetings });
  });
});
