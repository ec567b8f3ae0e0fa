import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@werkbrug/database';
import { freePort } from '@werkbrug/embedded';
import {
  MailDataError,
  MailMessage,
  MailOutboxHandler,
  MailRenderer,
  MailService,
} from '@werkbrug/mail';
import { OutboxProcessor, OutboxService } from '@werkbrug/outbox';
import { createTestDatabase, dropTestDatabase } from './support/test-app';

/** A real SMTP server on loopback; addresses starting with "weiger" are refused at RCPT TO. */
async function startSmtp(port: number, received: ParsedMail[]) {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith('weiger'))
        return callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream).then((mail) => {
        received.push(mail);
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return { close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const FROM = 'Werkbrug <noreply@werkbrug.test>';
const LINK = 'https://werkbrug.example/voorstellen/9b2e4f1c-0d3a-4c55-8e7f-1a2b3c4d5e6f';

const consentRequest = (to: string, i = 0): MailMessage => ({
  template: 'consent_request',
  to: [to],
  data: {
    candidateFirstName: `Sanne ${i}`,
    vacancyTitle: `Medewerker groenonderhoud ${i}`,
    employerName: 'Groen en Zo',
    place: 'Amersfoort',
    werkmakelaarName: 'Wim Makelaar',
    link: `${LINK}?n=${i}`,
  },
});

describe('mail delivery over SMTP through the outbox (real PostgreSQL, real SMTP server)', () => {
  let url: string;
  let db: DataSource;
  let port: number;
  let smtp: { close(): Promise<void> };
  let dataDir: string;
  const received: ParsedMail[] = [];
  const renderer = new MailRenderer();
  let mail: MailService;
  let handler: MailOutboxHandler;
  let processor: OutboxProcessor;

  beforeAll(async () => {
    url = await createTestDatabase();
    db = await new DataSource({ ...dataSourceOptions(url), migrations: [] }).initialize();
    port = await freePort();
    smtp = await startSmtp(port, received);
    dataDir = mkdtempSync(path.join(tmpdir(), 'wb-mail-smtp-'));
    mail = new MailService(new OutboxService(db), renderer);
    handler = new MailOutboxHandler(
      { smtpUrl: `smtp://127.0.0.1:${port}`, mailFrom: FROM, dataDir },
      renderer,
    );
    processor = new OutboxProcessor(db, [handler], { baseDelayMs: 50, maxDelayMs: 200 });
  });
  afterAll(async () => {
    handler.onModuleDestroy();
    await smtp.close();
    await db.destroy();
    await dropTestDatabase(url);
    rmSync(dataDir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    await db.query(`DELETE FROM outbox_messages`);
    received.length = 0;
  });

  const rows = (): Promise<
    { id: string; to: string; status: string; attempts: number; last_error: string | null }[]
  > =>
    db.query(
      `SELECT id, payload->'to'->>0 AS to, status, attempts, last_error
         FROM outbox_messages WHERE topic = 'mail.send' ORDER BY created_at, id`,
    );

  /** Plays the worker until no mail is waiting (retries included), like the running worker loop. */
  const drainAll = async (timeoutMs = 15_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await processor.drain();
      const waiting = (await rows()).filter((r) => r.status !== 'done');
      if (!waiting.length) return;
      if (Date.now() > deadline) throw new Error(`still waiting: ${JSON.stringify(waiting)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  it('queues in the caller’s transaction and delivers rendered mail with a stable Message-ID', async () => {
    const proposalId = randomUUID();
    await db.transaction((em) =>
      mail.queue(em, consentRequest('sanne.devries@example.nl'), {
        type: 'proposal',
        id: proposalId,
      }),
    );
    const [row] = await db.query(
      `SELECT id, topic, aggregate_type, aggregate_id, payload, status FROM outbox_messages`,
    );
    expect(row).toMatchObject({
      topic: 'mail.send',
      aggregate_type: 'proposal',
      aggregate_id: proposalId,
      status: 'pending',
      payload: { template: 'consent_request', to: ['sanne.devries@example.nl'] },
    });

    expect(await processor.drain()).toBe(1);
    expect(received).toHaveLength(1);
    const [sent] = received;
    const to = Array.isArray(sent.to) ? sent.to : [sent.to];
    expect(to.flatMap((a) => a?.value.map((v) => v.address))).toEqual(['sanne.devries@example.nl']);
    expect(sent.from?.value[0]).toMatchObject({
      address: 'noreply@werkbrug.test',
      name: 'Werkbrug',
    });
    expect(sent.subject).toBe('Mag Wim Makelaar je voorstellen bij Groen en Zo?');
    expect(sent.text).toContain(`${LINK}?n=0`);
    expect(sent.html).toContain(`href="${LINK}?n&#x3D;0"`);
    expect(sent.text).toContain('Hallo Sanne 0,');
    expect(sent.messageId).toBe(`<${row.id}@werkbrug.test>`);
    expect(sent.headers.get('auto-submitted')).toBe('auto-generated');
    expect(sent.headers.get('x-werkbrug-template')).toBe('consent_request');
    expect((await rows())[0]).toMatchObject({ status: 'done', attempts: 1, last_error: null });
  });

  it('sends every template with its rendered subject and link', async () => {
    const messages: MailMessage[] = [
      consentRequest('kandidaat@example.nl'),
      {
        template: 'proposal_received',
        to: ['hr@groenenzo.example', 'werkgever@groenenzo.example'],
        data: {
          employerName: 'Groen en Zo',
          vacancyTitle: 'Hovenier',
          pseudonym: 'Kandidaat K-4821',
          link: `${LINK}/werkgever`,
        },
      },
      {
        template: 'employer_answered',
        to: ['wim@werkbedrijf.example'],
        data: {
          werkmakelaarName: 'Wim',
          pseudonym: 'Kandidaat K-4821',
          vacancyTitle: 'Hovenier',
          employerName: 'Groen en Zo',
          answerLabel: 'Interesse',
          link: `${LINK}/antwoord`,
        },
      },
      {
        template: 'meeting_planned',
        to: ['kandidaat@example.nl'],
        data: {
          recipientName: 'Sanne',
          vacancyTitle: 'Hovenier',
          employerName: 'Groen en Zo',
          meetingLabel: 'Kennismaking',
          dates: ['maandag 2 maart 2026 om 09:00'],
          link: `${LINK}/afspraak`,
        },
      },
      {
        template: 'placement_ending',
        to: ['wim@werkbedrijf.example'],
        data: {
          werkmakelaarName: 'Wim',
          pseudonym: 'Kandidaat K-4821',
          vacancyTitle: 'Hovenier',
          employerName: 'Groen en Zo',
          arrangementLabel: 'proefplaatsing',
          plannedEnd: '31 maart 2026',
          link: 'https://werkbrug.example/plaatsingen/1',
        },
      },
      {
        template: 'no_contact',
        to: ['wim@werkbedrijf.example'],
        data: {
          werkmakelaarName: 'Wim',
          items: [{ name: 'Sanne de Vries', pseudonym: 'Kandidaat K-4821', lastContact: 'nooit' }],
          link: 'https://werkbrug.example/kandidaten',
        },
      },
    ];
    await db.transaction(async (em) => {
      for (const m of messages) await mail.queue(em, m);
    });
    await drainAll();
    expect(received).toHaveLength(messages.length);
    for (const m of messages) {
      const expected = renderer.render(m.template, m.data);
      const sent = received.find((r) => r.headers.get('x-werkbrug-template') === m.template);
      expect(sent?.subject).toBe(expected.subject);
      expect(sent?.text).toContain(String(m.data.link));
      const to = (Array.isArray(sent?.to) ? sent.to : [sent?.to]).flatMap(
        (a) => a?.value.map((v) => v.address) ?? [],
      );
      expect(to).toEqual(m.to);
    }
  });

  it('queues nothing when the transaction rolls back', async () => {
    await expect(
      db.transaction(async (em) => {
        await mail.queue(em, consentRequest('sanne@example.nl'));
        throw new Error('the business change failed');
      }),
    ).rejects.toThrow('the business change failed');
    expect(await rows()).toEqual([]);
    expect(await processor.drain()).toBe(0);
    expect(received).toEqual([]);
  });

  it('refuses bad data and bad addresses in the caller’s request, before anything is written', async () => {
    await expect(
      db.transaction((em) =>
        mail.queue(em, { template: 'consent_request', to: ['a@example.nl'], data: {} }),
      ),
    ).rejects.toThrow(MailDataError);
    await expect(
      db.transaction((em) =>
        mail.queue(em, consentRequest('Iemand <a@example.nl>\r\nBcc: x@y.nl')),
      ),
    ).rejects.toThrow(/invalid address/);
    // No recipients (nobody to tell): nothing is queued, the caller goes on.
    await db.transaction((em) => mail.queue(em, { ...consentRequest('x@example.nl'), to: [] }));
    expect(await rows()).toEqual([]);
  });

  it('keeps a refused recipient’s mail retrying without holding back the rest of the batch', async () => {
    await db.transaction(async (em) => {
      await mail.queue(em, consentRequest('weiger@example.nl', 1));
      await mail.queue(em, consentRequest('sanne@example.nl', 2));
    });
    expect(await processor.runOnce()).toBe(2);
    expect(received.map((r) => r.subject)).toHaveLength(1);
    expect(received[0].text).toContain('Hallo Sanne 2,');
    const all = await rows();
    const refused = all.find((r) => r.to === 'weiger@example.nl');
    // A delivered message keeps no personal data: its payload (recipients included) is scrubbed.
    const accepted = all.find((r) => r.status === 'done');
    expect(accepted?.to).toBeNull();
    expect(refused).toMatchObject({ status: 'pending', attempts: 1 });
    expect(refused?.last_error).toMatch(/550|Mailbox unavailable/);
    expect(accepted).toMatchObject({ status: 'done', last_error: null });
  });

  it('lets mail wait while SMTP is down and delivers each exactly once after a restart', async () => {
    await smtp.close();
    const queued = 7;
    for (let i = 0; i < queued; i++)
      await db.transaction((em) => mail.queue(em, consentRequest(`kandidaat${i}@example.nl`, i)));
    // Two rounds of the worker while the server is away (the second as soon as the backoff would allow).
    expect(await processor.runOnce()).toBe(queued);
    await db.query(`UPDATE outbox_messages SET available_at = now()`);
    expect(await processor.runOnce()).toBe(queued);
    const waiting = await rows();
    expect(waiting).toHaveLength(queued);
    for (const row of waiting) {
      expect(row.status).toBe('pending');
      expect(row.attempts).toBe(2);
      expect(row.last_error).toMatch(/ECONNREFUSED/);
    }
    expect(await new OutboxService(db).stats()).toMatchObject({ retrying: queued, done: 0 });
    expect(received).toEqual([]);

    smtp = await startSmtp(port, received);
    await drainAll();
    const ids = waiting.map((r) => `<${r.id}@werkbrug.test>`).sort();
    const byMessageId = new Map<string, number>();
    for (const m of received)
      byMessageId.set(String(m.messageId), (byMessageId.get(String(m.messageId)) ?? 0) + 1);
    expect([...byMessageId.keys()].sort()).toEqual(ids);
    expect([...byMessageId.values()]).toEqual(Array(queued).fill(1));
    expect(received).toHaveLength(queued);
    expect((await rows()).every((r) => r.status === 'done' && r.last_error === null)).toBe(true);
  });
});
