import nodemailer from 'nodemailer';
import { readEml } from './eml-reader';

/** Messages as the file transport writes them (nodemailer's own MIME output), read back. */
async function eml(options: nodemailer.SendMailOptions): Promise<Buffer> {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true });
  const info = await transport.sendMail({
    from: 'Werkbrug <noreply@werkbrug.local>',
    to: 'sanne@example.nl',
    subject: 'Afspraak staat vast: kennismakingsgesprek',
    text: 'Hallo Sanne, zet de afspraak in je agenda.',
    html: '<p>Hallo Sanne, zet de afspraak in je agenda.</p>',
    ...options,
  });
  return info.message as Buffer;
}

const ICS = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'METHOD:REQUEST',
  'BEGIN:VEVENT',
  'UID:meeting-1@werkbrug.local',
  'DTSTART;TZID=Europe/Amsterdam:20261215T100000',
  'SUMMARY:Kennismakingsgesprek: Kaasmaker bij Kaasmakerij De Wit – één uur',
  'END:VEVENT',
  'END:VCALENDAR',
].join('\r\n');

describe('readEml: the development mailbox reads what the file transport wrote', () => {
  it('finds the bodies and the calendar invitation the message carries', async () => {
    const mail = readEml(
      await eml({
        attachments: [
          {
            filename: 'afspraak.ics',
            contentType: 'text/calendar; method=REQUEST; charset=utf-8',
            content: ICS,
          },
        ],
      }),
    );
    expect(mail.subject).toBe('Afspraak staat vast: kennismakingsgesprek');
    expect(mail.text).toBe('Hallo Sanne, zet de afspraak in je agenda.');
    expect(mail.html).toBe('<p>Hallo Sanne, zet de afspraak in je agenda.</p>');
    expect(mail.attachments).toHaveLength(1);
    const [file] = mail.attachments;
    expect(file?.filename).toBe('afspraak.ics');
    expect(file?.contentType).toMatch(/^text\/calendar; method=REQUEST; charset=utf-8/);
    expect(file?.content.replace(/\r?\n/g, '\r\n').trim()).toBe(ICS);
  });

  it('has no attachments on a plain message', async () => {
    const mail = readEml(await eml({}));
    expect(mail.attachments).toEqual([]);
    expect(mail.text).toBe('Hallo Sanne, zet de afspraak in je agenda.');
  });
});
