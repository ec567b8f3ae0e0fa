import { Controller, Get, Inject, NotFoundException, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import Handlebars from 'handlebars';
import { APP_CONFIG, AppConfig } from '@werkbrug/config';
import { Public } from '@werkbrug/auth';
import { listMailFiles, mailFileDate, mailFolder, readEml, readMailFile } from '@werkbrug/mail';

/** The dev mailbox exists only where mail is written to files and never in production. */
export const devMailEnabled = (config: Pick<AppConfig, 'env' | 'smtpUrl'>) =>
  config.env !== 'production' && !config.smtpUrl;

/**
 * Host names that can only mean this machine. A DNS-rebinding page reaches 127.0.0.1 under its own
 * name (Host: evil.example), so a loopback socket alone is not enough.
 */
export function isLoopbackHost(host: string | undefined): boolean {
  if (!host) return false;
  const name = host.trim().toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '');
  return (
    name === 'localhost' ||
    name.endsWith('.localhost') ||
    name === '[::1]' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name)
  );
}

const escape = (value: string) => Handlebars.Utils.escapeExpression(value);

const dutchTime = new Intl.DateTimeFormat('nl-NL', {
  dateStyle: 'medium',
  timeStyle: 'medium',
  timeZone: 'Europe/Amsterdam',
});

const page = (title: string, body: string) => `<!doctype html>
<html lang="nl">
<head><meta charset="utf-8"><title>${escape(title)}</title>
<style>
body{font-family:Arial,Helvetica,sans-serif;margin:2rem;color:#1f1f1f}
table{border-collapse:collapse}th,td{text-align:left;padding:.4rem 1rem .4rem 0;border-bottom:1px solid #ddd}
</style></head>
<body><h1>${escape(title)}</h1>${body}</body>
</html>`;

/**
 * GET /dev/mail lists the messages the file transport wrote, GET /dev/mail/:file shows one (its HTML
 * part). Public, because it is a local development aid; 404 whenever it is not enabled. Outside the
 * /api prefix (see create-app.ts) and outside the OpenAPI document: it is no part of the API.
 */
@ApiExcludeController()
@Controller('dev/mail')
export class DevMailController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /**
   * Development only, and only for a browser on this machine addressing it by a loopback name: the
   * mails hold personal data.
   */
  private folder(req: Request): string {
    const remote = req.socket.remoteAddress ?? '';
    const local = remote === '::1' || remote.startsWith('127.') || remote.startsWith('::ffff:127.');
    if (!devMailEnabled(this.config) || !local || !isLoopbackHost(req.headers.host))
      throw new NotFoundException();
    return mailFolder(this.config.dataDir);
  }

  @Get()
  @Public()
  async list(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<string> {
    const folder = this.folder(req);
    const base = req.path.replace(/\/+$/, '');
    const rows: string[] = [];
    for (const name of await listMailFiles(folder)) {
      const raw = await readMailFile(folder, name);
      if (!raw) continue;
      const mail = readEml(raw);
      const at = mailFileDate(name);
      rows.push(
        `<tr><td>${at ? escape(dutchTime.format(at)) : ''}</td><td>${escape(mail.to)}</td>` +
          `<td><a href="${escape(`${base}/${encodeURIComponent(name)}`)}">${escape(mail.subject || '(geen onderwerp)')}</a></td></tr>`,
      );
    }
    res.type('html').setHeader('Cache-Control', 'no-store');
    return page(
      'Verstuurde e-mail (ontwikkeling)',
      rows.length
        ? `<table><thead><tr><th>Datum</th><th>Aan</th><th>Onderwerp</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
        : `<p>Nog geen e-mail verstuurd. Berichten staan in ${escape(folder)}.</p>`,
    );
  }

  @Get(':file')
  @Public()
  async show(
    @Req() req: Request,
    @Param('file') file: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const raw = await readMailFile(this.folder(req), file);
    if (!raw) throw new NotFoundException();
    const mail = readEml(raw);
    res
      .type('html')
      .setHeader('Cache-Control', 'no-store')
      // The message is shown as a mail client would: no scripts, nothing loaded from elsewhere.
      .setHeader(
        'Content-Security-Policy',
        "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:",
      );
    const body = mail.html ?? page(mail.subject, `<pre>${escape(mail.text ?? '')}</pre>`);
    if (!mail.attachments.length) return body;
    // The files the message carries (calendar invitations), as text under the message.
    const files = mail.attachments
      .map(
        (a) =>
          `<h2>${escape(a.filename)} <small>(${escape(a.contentType)})</small></h2><pre>${escape(a.content)}</pre>`,
      )
      .join('');
    const section = `<section style="font-family:monospace;margin:2rem"><h1>Bijlagen</h1>${files}</section>`;
    return body.includes('</body>') ? body.replace('</body>', `${section}</body>`) : body + section;
  }
}
