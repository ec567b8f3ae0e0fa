import {
  AMSTERDAM_VTIMEZONE,
  invitationAttachment,
  meetingIcs,
  type MeetingInvitation,
} from './meeting-ics';

/** A tiny RFC 5545 reader: unfolds lines, splits name;params:value, unescapes text. */
function parseIcs(ics: string) {
  const lines = ics
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter(Boolean);
  return lines.map((line) => {
    const colon = line.search(/:(?=(?:[^"]*"[^"]*")*[^"]*$)/);
    const [name, ...params] = line.slice(0, colon).split(';');
    return {
      name: name as string,
      params: Object.fromEntries(params.map((p) => p.split('=') as [string, string])),
      value: line
        .slice(colon + 1)
        .replace(/\\n/g, '\n')
        .replace(/\\([,;\\])/g, '$1'),
    };
  });
}

/** The instant of `DTSTART;TZID=Europe/Amsterdam:20261215T100000`, by the VTIMEZONE's offsets. */
function instantOf(value: string, offset: string): Date {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})$/.exec(value);
  if (!m) throw new Error(`not a local date-time: ${value}`);
  const sign = offset.startsWith('-') ? -1 : 1;
  const minutes = sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(3, 5)));
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as number[];
  return new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s!) - minutes * 60_000);
}

const invitation = (over: Partial<MeetingInvitation> = {}): MeetingInvitation => ({
  method: 'REQUEST',
  uid: 'meeting-5f0c7a52@werkbrug.local',
  sequence: 0,
  startsAt: new Date('2026-12-15T09:00:00Z'),
  endsAt: new Date('2026-12-15T10:00:00Z'),
  summary: 'Kennismakingsgesprek: Kaasmaker bij Kaasmakerij De Wit',
  location: 'Kaasmakerij De Wit, Dorpsstraat 1; Gouda',
  description: 'Met wie: Anja\nVerzetten of afzeggen: https://werkbrug.example/voorstellen/1',
  url: 'https://werkbrug.example/voorstellen/1',
  organizer: { name: 'Kaasmakerij De Wit via Werkbrug', email: 'noreply@werkbrug.local' },
  attendees: [{ name: 'Sanne', email: 'sanne@example.nl' }],
  stamp: new Date('2026-12-07T12:00:00Z'),
  ...over,
});

describe('the calendar invitation (RFC 5545, ical-generator)', () => {
  const ics = meetingIcs(invitation());
  const props = parseIcs(ics);
  const one = (name: string) => props.filter((p) => p.name === name);

  it('is one VCALENDAR with METHOD:REQUEST, one event and the Amsterdam VTIMEZONE', () => {
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics.trimEnd().endsWith('END:VCALENDAR')).toBe(true);
    expect(one('METHOD').map((p) => p.value)).toEqual(['REQUEST']);
    expect(one('BEGIN').map((p) => p.value)).toEqual([
      'VCALENDAR',
      'VTIMEZONE',
      'DAYLIGHT',
      'STANDARD',
      'VEVENT',
    ]);
    expect(ics).toContain(AMSTERDAM_VTIMEZONE);
    // Lines are folded at 75 octets.
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  });

  it('writes 10:00 Amsterdam time in winter, which is 09:00Z', () => {
    const [start] = one('DTSTART').filter((p) => p.params.TZID);
    expect(start).toEqual({
      name: 'DTSTART',
      params: { TZID: 'Europe/Amsterdam' },
      value: '20261215T100000',
    });
    expect(ics).toContain('DTSTART;TZID=Europe/Amsterdam:20261215T100000');
    expect(ics).toContain('DTEND;TZID=Europe/Amsterdam:20261215T110000');
    // The VTIMEZONE says winter is +0100 (STANDARD TZOFFSETTO).
    const standardOffset = props[props.findIndex((p) => p.value === 'STANDARD') + 2];
    expect(standardOffset?.name).toBe('TZOFFSETTO');
    expect(instantOf(start!.value, standardOffset!.value).toISOString()).toBe(
      '2026-12-15T09:00:00.000Z',
    );
  });

  it('writes summer times with the summer offset (10:00 CEST is 08:00Z)', () => {
    const summer = meetingIcs(
      invitation({
        startsAt: new Date('2027-06-15T08:00:00Z'),
        endsAt: new Date('2027-06-15T12:00:00Z'),
      }),
    );
    expect(summer).toContain('DTSTART;TZID=Europe/Amsterdam:20270615T100000');
    expect(summer).toContain('DTEND;TZID=Europe/Amsterdam:20270615T140000');
  });

  it('keeps the stamp in UTC, and the uid, sequence, texts and people', () => {
    expect(one('DTSTAMP')[0]?.value).toBe('20261207T120000Z');
    expect(one('UID')[0]?.value).toBe('meeting-5f0c7a52@werkbrug.local');
    expect(one('SEQUENCE')[0]?.value).toBe('0');
    expect(one('STATUS')[0]?.value).toBe('CONFIRMED');
    expect(one('LOCATION')[0]?.value).toBe('Kaasmakerij De Wit, Dorpsstraat 1; Gouda');
    expect(one('DESCRIPTION')[0]?.value).toBe(invitation().description);
    expect(one('ORGANIZER')[0]).toMatchObject({ value: 'mailto:noreply@werkbrug.local' });
    expect(one('ATTENDEE')[0]?.value.toLowerCase()).toBe('mailto:sanne@example.nl');
    expect(one('ATTENDEE')[0]?.params).toMatchObject({ PARTSTAT: 'ACCEPTED', RSVP: 'FALSE' });
  });

  it('cancels with the same uid, a higher sequence and METHOD:CANCEL', () => {
    const cancel = parseIcs(meetingIcs(invitation({ method: 'CANCEL', sequence: 1 })));
    const get = (name: string) => cancel.find((p) => p.name === name)?.value;
    expect(get('METHOD')).toBe('CANCEL');
    expect(get('UID')).toBe('meeting-5f0c7a52@werkbrug.local');
    expect(get('SEQUENCE')).toBe('1');
    expect(get('STATUS')).toBe('CANCELLED');
  });

  it('goes as an attachment of type text/calendar with its method', () => {
    expect(invitationAttachment(invitation())).toMatchObject({
      filename: 'afspraak.ics',
      contentType: 'text/calendar; method=REQUEST; charset=utf-8',
    });
    expect(invitationAttachment(invitation({ method: 'CANCEL' }))).toMatchObject({
      filename: 'afspraak-afgezegd.ics',
      contentType: 'text/calendar; method=CANCEL; charset=utf-8',
    });
  });
});
