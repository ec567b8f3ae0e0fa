import ical, {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventStatus,
} from 'ical-generator';
import { amsterdamWallClock } from './meeting-options';

/** Every meeting happens in the Netherlands: its times are written in Dutch time. */
export const MEETING_TIME_ZONE = 'Europe/Amsterdam';

/**
 * The rules of Europe/Amsterdam since 1996 (CET, CEST from the last Sunday of March to the last
 * Sunday of October), as IANA publishes them: calendars that do not know the zone by name
 * (older Outlook versions) read the offset from here.
 */
export const AMSTERDAM_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Amsterdam',
  'X-LIC-LOCATION:Europe/Amsterdam',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

/**
 * An instant that reads as Amsterdam wall-clock time: the shape of a time-zone-aware date
 * (@date-fns/tz's TZDate, ical-generator's ICalTZDateStub) that ical-generator writes as
 * `DTSTART;TZID=Europe/Amsterdam:…`. A plain Date would be written in the server's own zone.
 */
class AmsterdamTime extends Date {
  readonly timeZone = MEETING_TIME_ZONE;
  readonly internal: Date;
  private readonly wall: ReturnType<typeof amsterdamWallClock>;

  constructor(at: Date) {
    super(at.getTime());
    this.internal = new Date(at.getTime());
    this.wall = amsterdamWallClock(at);
  }

  withTimeZone(timeZone?: string | null): AmsterdamTime {
    if (timeZone && timeZone !== MEETING_TIME_ZONE)
      throw new Error(`meetings are written in ${MEETING_TIME_ZONE}, not ${timeZone}`);
    return this;
  }

  tzComponents() {
    return this.wall;
  }

  override getFullYear() {
    return this.wall.year;
  }
  override getMonth() {
    return this.wall.month - 1;
  }
  override getDate() {
    return this.wall.day;
  }
  override getHours() {
    return this.wall.hour;
  }
  override getMinutes() {
    return this.wall.minute;
  }
  override getSeconds() {
    return this.wall.second;
  }
}

export type InvitationMethod = 'REQUEST' | 'CANCEL';

/** One copy of the invitation, for one recipient (or the addresses of one employer). */
export interface MeetingInvitation {
  method: InvitationMethod;
  /** Stable per meeting: every update and the cancellation replace the same calendar entry. */
  uid: string;
  /** Higher on every message about the same uid. */
  sequence: number;
  startsAt: Date;
  endsAt: Date;
  summary: string;
  location: string;
  description: string;
  url: string;
  organizer: { name: string; email: string };
  attendees: { name: string; email: string }[];
  /** When the message was made (DTSTAMP); now unless a test fixes it. */
  stamp?: Date;
}

/** The invitation as an iCalendar object (RFC 5545), made with ical-generator. */
export function meetingIcs(invitation: MeetingInvitation): string {
  const calendar = ical({
    prodId: { company: 'Werkbrug', product: 'Werkbrug', language: 'NL' },
    method: invitation.method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
    // No calendar-wide zone (DTSTAMP stays UTC, as RFC 5545 wants); the events name their own, and
    // the generator adds its VTIMEZONE.
    timezone: {
      name: null,
      generator: (zone) => (zone === MEETING_TIME_ZONE ? AMSTERDAM_VTIMEZONE : null),
    },
  });
  calendar.createEvent({
    id: invitation.uid,
    sequence: invitation.sequence,
    stamp: invitation.stamp ?? new Date(),
    start: new AmsterdamTime(invitation.startsAt),
    end: new AmsterdamTime(invitation.endsAt),
    timezone: MEETING_TIME_ZONE,
    summary: invitation.summary,
    location: invitation.location,
    description: invitation.description,
    url: invitation.url,
    status: invitation.method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: invitation.organizer,
    attendees: invitation.attendees.map((a) => ({
      name: a.name,
      email: a.email,
      role: ICalAttendeeRole.REQ,
      // Agreed in Werkbrug; an answer by mail would only reach the no-reply address.
      status: invitation.method === 'CANCEL' ? null : ICalAttendeeStatus.ACCEPTED,
      rsvp: false,
    })),
  });
  return calendar.toString();
}

/** A calendar invitation as a mail attachment (MailMessage.attachments). */
export const invitationAttachment = (invitation: MeetingInvitation) => ({
  filename: invitation.method === 'CANCEL' ? 'afspraak-afgezegd.ics' : 'afspraak.ics',
  contentType: `text/calendar; method=${invitation.method}; charset=utf-8` as const,
  content: meetingIcs(invitation),
});
