import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { APP_CONFIG, AppConfig } from '@werkbrug/config';
import { MailOutboxHandler, MailService, readEml } from '@werkbrug/mail';
import { OutboxMessage, OutboxProcessor } from '@werkbrug/outbox';
import { startTestApp, TestApp } from './support/test-app';

/**
 * The embedded default: no SMTP_URL, so the worker writes .eml files to <dataDir>/mail and the API
 * lists them at /dev/mail (outside the /api prefix), only outside production.
 */
describe('mail without SMTP: .eml files and the development mailbox', () => {
  let t: TestApp;
  let dataDir: string;
  let processor: OutboxProcessor;
  let handler: MailOutboxHandler;
  let config: AppConfig;
  const folder = () => path.join(dataDir, 'mail');
  const LINK = 'https://werkbrug.example/voorstellen/3c9d2f4e-1a2b-4c3d-8e9f-0a1b2c3d4e5f';

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'wb-mail-files-'));
    t = await startTestApp({
      SMTP_URL: '',
      WERKBRUG_DATA_DIR: dataDir,
      MAIL_FROM: 'Werkbrug <noreply@werkbrug.test>',
    });
    config = t.app.get<AppConfig>(APP_CONFIG);
    handler = t.app.get(MailOutboxHandler);
    processor = new OutboxProcessor(t.db, [handler], { baseDelayMs: 50, maxDelayMs: 200 });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** The message as the worker claimed it (a delivered message's payload is scrubbed afterwards). */
  let claimed: OutboxMessage | undefined;
  const queueAndSend = async () => {
    await t.db.transaction((em) =>
      t.app.get(MailService).queue(em, {
        template: 'proposal_received',
        to: ['hr@groenenzo.example'],
        data: {
          employerName: 'Café Ëlla & Zonen',
          vacancyTitle: 'Medewerker bediening',
          pseudonym: 'Kandidaat K-2210',
          link: LINK,
        },
      }),
    );
    [claimed] = await t.db
      .getRepository(OutboxMessage)
      .find({ where: { topic: 'mail.send', status: 'pending' } });
    expect(await processor.drain()).toBe(1);
  };

  it('writes each message as an .eml file named by time and outbox id, once', async () => {
    expect(handler.transport).toBe('file');
    await queueAndSend();
    const [row] = await t.db.query(`SELECT id FROM outbox_messages WHERE topic = 'mail.send'`);
    const files = readdirSync(folder());
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(new RegExp(`^\\d{8}T\\d{6}\\.\\d{3}Z-${row.id}\\.eml$`));
    const raw = readFileSync(path.join(folder(), files[0]));
    const parsed = await simpleParser(raw);
    expect(parsed.subject).toBe('Nieuwe kandidaat voor Medewerker bediening');
    expect(parsed.messageId).toBe(`<${row.id}@werkbrug.test>`);
    expect(parsed.html).toContain(`href="${LINK}"`);
    expect(parsed.text).toContain(LINK);
    expect(parsed.html).toContain('Café Ëlla &amp; Zonen');

    // A worker that crashed after sending hands the same message over again: still one file.
    expect(await handler.handle([claimed as OutboxMessage])).toEqual(new Map());
    const [done] = await t.db.query(`SELECT payload FROM outbox_messages WHERE id = $1`, [row.id]);
    expect(done.payload).toEqual({});
    expect(readdirSync(folder())).toEqual(files);

    // The app's own small reader sees what mailparser sees.
    const read = readEml(raw);
    expect(read.subject).toBe(parsed.subject);
    expect(read.to).toBe('hr@groenenzo.example');
    expect(read.html?.trim()).toBe(String(parsed.html).trim());
    expect(read.text?.trim()).toBe(parsed.text?.trim());
  });

  it('lists the messages at GET /dev/mail and shows one at GET /dev/mail/:file, without a login', async () => {
    const [file] = readdirSync(folder());
    const list = await t.http().get('/dev/mail').expect(200);
    expect(list.headers['content-type']).toMatch(/^text\/html/);
    expect(list.text).toContain('<th>Datum</th><th>Aan</th><th>Onderwerp</th>');
    expect(list.text).toContain('hr@groenenzo.example');
    expect(list.text).toContain('Nieuwe kandidaat voor Medewerker bediening');
    expect(list.text).toContain(`href="/dev/mail/${file}"`);
    expect(list.text).toMatch(/<td>\d{1,2} [a-z]{3}\.? \d{4}/);

    const shown = await t.http().get(`/dev/mail/${file}`).expect(200);
    expect(shown.headers['content-type']).toMatch(/^text\/html/);
    expect(shown.headers['content-security-policy']).toMatch(/^sandbox; default-src 'none'/);
    expect(shown.text).toMatch(/^<!doctype html>/);
    expect(shown.text).toContain(`href="${LINK}"`);
    expect(shown.text).toContain('Café Ëlla &amp; Zonen');
    // Not part of the JSON API.
    await t.http().get('/api/dev/mail').expect(404);
  });

  it('carries a calendar invitation into the file, and shows it under the message', async () => {
    const ics = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'METHOD:REQUEST',
      'BEGIN:VEVENT',
      'UID:meeting-1@werkbrug.test',
      'DTSTART;TZID=Europe/Amsterdam:20301203T100000',
      'SUMMARY:Kennismakingsgesprek met Kandidaat K-2210',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    await t.db.transaction((em) =>
      t.app.get(MailService).queue(em, {
        template: 'meeting_agreed',
        to: ['hr@groenenzo.example'],
        data: {
          recipientName: 'Café Ëlla & Zonen',
          meetingLabel: 'kennismakingsgesprek',
          vacancyTitle: 'Medewerker bediening',
          employerName: 'Café Ëlla & Zonen',
          moment: 'dinsdag 3 december 2030, 10:00–11:00',
          place: 'Markt 1',
          withWhom: 'Ella',
          candidate: 'Kandidaat K-2210',
          link: LINK,
        },
        attachments: [
          {
            filename: 'afspraak.ics',
            contentType: 'text/calendar; method=REQUEST; charset=utf-8',
            content: ics,
          },
        ],
      }),
    );
    expect(await processor.drain()).toBe(1);
    const file = readdirSync(folder()).sort().pop() as string;
    const raw = readFileSync(path.join(folder(), file));
    const parsed = await simpleParser(raw);
    const calendar = parsed.attachments.find((a) => a.contentType === 'text/calendar');
    expect(calendar?.filename).toBe('afspraak.ics');
    expect(calendar?.content.toString('utf8')).toContain(
      'DTSTART;TZID=Europe/Amsterdam:20301203T100000',
    );
    expect(readEml(raw).attachments).toEqual([
      expect.objectContaining({ filename: 'afspraak.ics' }),
    ]);
    const shown = await t.http().get(`/dev/mail/${file}`).expect(200);
    expect(shown.text).toContain('<h1>Bijlagen</h1>');
    expect(shown.text).toContain('afspraak.ics');
    expect(shown.text).toContain('DTSTART;TZID&#x3D;Europe/Amsterdam:20301203T100000');
    // Only calendar files, with a plain name: anything else is refused when queued.
    await expect(
      t.db.transaction((em) =>
        t.app.get(MailService).queue(em, {
          template: 'consent_request',
          to: ['hr@groenenzo.example'],
          data: {
            candidateFirstName: 'Sanne',
            vacancyTitle: 'x',
            employerName: 'x',
            place: 'x',
            werkmakelaarName: 'x',
            link: LINK,
          },
          attachments: [
            {
              filename: '../x.exe',
              contentType: 'application/x-msdownload' as never,
              content: 'MZ',
            },
          ],
        }),
      ),
    ).rejects.toThrow(/filename must be a plain \.ics name.*contentType must be one of/);
  });

  it('opens only its own file names: no path traversal', async () => {
    for (const name of [
      '..%2F..%2F..%2Fetc%2Fpasswd',
      '..%2Fmail%2F20260101T000000.000Z-x.eml',
      '%2E%2E',
      '20260101T000000.000Z-00000000-0000-0000-0000-000000000000.eml',
      'notes.txt',
      '.20260101T000000.000Z-abc.eml.tmp',
    ]) {
      const res = await t.http().get(`/dev/mail/${name}`);
      expect({ name, status: res.status }).toEqual({ name, status: 404 });
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    }
  });

  it('answers only to loopback host names (no DNS rebinding)', async () => {
    const [file] = readdirSync(folder());
    for (const host of [
      'evil.example',
      'evil.example:3000',
      '10.0.0.5',
      'localhost.evil.example',
      '',
    ]) {
      const list = await t.http().get('/dev/mail').set('Host', host);
      expect({ host, status: list.status }).toEqual({ host, status: 404 });
      const one = await t.http().get(`/dev/mail/${file}`).set('Host', host);
      expect({ host, status: one.status }).toEqual({ host, status: 404 });
    }
    for (const host of [
      'localhost',
      'localhost:3000',
      '127.0.0.1:3000',
      '[::1]:3000',
      'app.localhost',
    ]) {
      const list = await t.http().get('/dev/mail').set('Host', host);
      expect({ host, status: list.status }).toEqual({ host, status: 200 });
    }
  });

  it('answers 404 when SMTP is configured or in production', async () => {
    const [file] = readdirSync(folder());
    const original = { env: config.env, smtpUrl: config.smtpUrl };
    try {
      config.smtpUrl = 'smtp://127.0.0.1:2525';
      await t.http().get('/dev/mail').expect(404);
      await t.http().get(`/dev/mail/${file}`).expect(404);
      config.smtpUrl = null;
      config.env = 'production';
      await t.http().get('/dev/mail').expect(404);
      await t.http().get(`/dev/mail/${file}`).expect(404);
    } finally {
      Object.assign(config, original);
    }
    await t.http().get('/dev/mail').expect(200);
  });
});
