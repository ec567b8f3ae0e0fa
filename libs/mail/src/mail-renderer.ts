import Handlebars from 'handlebars';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { assertMailData } from './mail-data';
import { MAIL_TEMPLATES, MailTemplate } from './mail-message';
import { mailTemplatesDir } from './templates-dir';

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}

type Compiled = Handlebars.TemplateDelegate<Record<string, unknown>>;

/** strict: a missing variable throws; knownHelpersOnly: {{name}} is always a lookup, never a helper. */
const HTML_OPTIONS: CompileOptions = { strict: true, knownHelpersOnly: true };
/** Subjects and plain text are not HTML: no entity escaping there. */
const PLAIN_OPTIONS: CompileOptions = { ...HTML_OPTIONS, noEscape: true };
/** Partials named text-*.hbs are for the plain-text bodies. */
const TEXT_PARTIAL = /^text-/;

/**
 * Renders a message from the handlebars files in libs/mail/templates: <template>/subject.hbs,
 * html.hbs (inside layouts/main.hbs) and text.hbs. Files are read once, when the renderer is made,
 * so a missing template stops the app at start-up; each is compiled once and then reused.
 */
export class MailRenderer {
  private readonly templates = new Map<
    MailTemplate,
    { subject: Compiled; html: Compiled; text: Compiled }
  >();
  private readonly layout: Compiled;

  constructor(readonly templatesDir: string = mailTemplatesDir()) {
    // An isolated instance: partials registered here do not leak into other handlebars users.
    const hb = Handlebars.create();
    const read = (...parts: string[]) => readFileSync(path.join(templatesDir, ...parts), 'utf8');
    // Handlebars compiles lazily on first use and keeps the result; parsing now makes a syntax
    // error stop the app at start-up instead of at the first send.
    const compile = (source: string, options: CompileOptions): Compiled => {
      hb.parse(source);
      return hb.compile<Record<string, unknown>>(source, options);
    };
    for (const file of readdirSync(path.join(templatesDir, 'partials'))) {
      if (!file.endsWith('.hbs')) continue;
      const name = file.slice(0, -'.hbs'.length);
      const options = TEXT_PARTIAL.test(name) ? PLAIN_OPTIONS : HTML_OPTIONS;
      hb.registerPartial(name, compile(read('partials', file), options));
    }
    this.layout = compile(read('layouts', 'main.hbs'), HTML_OPTIONS);
    for (const name of MAIL_TEMPLATES) {
      this.templates.set(name, {
        subject: compile(read(name, 'subject.hbs'), PLAIN_OPTIONS),
        html: compile(read(name, 'html.hbs'), HTML_OPTIONS),
        text: compile(read(name, 'text.hbs'), PLAIN_OPTIONS),
      });
    }
  }

  /** Checks the data against the template's fields, then renders; throws on anything missing. */
  render(template: MailTemplate, data: Record<string, unknown>): RenderedMail {
    const compiled = this.templates.get(template);
    if (!compiled) throw new Error(`unknown mail template "${template}"`);
    assertMailData(template, data);
    // The form of address, for templates that go to several audiences: {{#if @formal}}u{{else}}je{{/if}}
    // (a data variable, so it reaches partials and {{#each}} and cannot clash with a field).
    const options = { data: { formal: data.audience === 'u' } };
    // One line: a subject never carries a line break into the header.
    const subject = compiled.subject(data, options).replace(/\s+/g, ' ').trim();
    const html = this.layout({ subject, body: compiled.html(data, options) });
    const text = `${compiled.text(data, options).trim()}\n`;
    return { subject, html, text };
  }
}
