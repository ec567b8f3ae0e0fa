import Handlebars from 'handlebars';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { VIEW_HELPERS } from './view-helpers';
import { pageLibViewDirs, webViewsDir } from './views-dir';

type Compiled = Handlebars.TemplateDelegate<Record<string, unknown>>;

function listHbs(dir: string, prefix = '', skip: string[] = []): { name: string; file: string }[] {
  const out: { name: string; file: string }[] = [];
  for (const entry of readdirSync(dir).sort()) {
    if (skip.includes(entry)) continue;
    const file = path.join(dir, entry);
    if (statSync(file).isDirectory()) out.push(...listHbs(file, `${prefix}${entry}/`));
    else if (entry.endsWith('.hbs')) out.push({ name: prefix + entry.slice(0, -4), file });
  }
  return out;
}

/**
 * The web views: libs/web/views/layouts/main.hbs around a page, with one partial per component and
 * the helpers of view-helpers.ts. The shared pages (home, sign-in, errors) and partials are in
 * libs/web/views; each audience's pages and partials sit in its own lib (libs/<audience>-pages/views,
 * see pageLibViewDirs). Everything is parsed when the app starts, so a broken view stops the start
 * instead of the first visitor.
 */
export class ViewRenderer {
  private readonly pages = new Map<string, Compiled>();
  private readonly layout: Compiled;
  private readonly hb = Handlebars.create();

  constructor(readonly viewsDir: string = webViewsDir()) {
    const compile = (file: string): Compiled => {
      const source = readFileSync(file, 'utf8');
      this.hb.parse(source);
      return this.hb.compile<Record<string, unknown>>(source, { strict: false });
    };
    this.hb.registerHelper(VIEW_HELPERS);
    const partials = listHbs(path.join(viewsDir, 'partials'));
    const pages = listHbs(path.join(viewsDir, 'pages'));
    for (const { audience, dir } of pageLibViewDirs(viewsDir)) {
      if (existsSync(path.join(dir, 'partials')))
        partials.push(...listHbs(path.join(dir, 'partials')));
      pages.push(...listHbs(dir, `${audience}/`, ['partials']));
    }
    for (const { name, file } of partials) {
      if (this.hb.partials[name]) throw new Error(`partial "${name}" is defined twice (${file})`);
      this.hb.registerPartial(name, compile(file));
    }
    for (const { name, file } of pages) {
      if (this.pages.has(name)) throw new Error(`web page "${name}" is defined twice (${file})`);
      this.pages.set(name, compile(file));
    }
    this.layout = compile(path.join(viewsDir, 'layouts', 'main.hbs'));
  }

  has(page: string): boolean {
    return this.pages.has(page);
  }

  /** A whole HTML document: the page inside the layout, which sees the same data plus `body`. */
  render(page: string, data: Record<string, unknown>): string {
    const compiled = this.pages.get(page);
    if (!compiled) throw new Error(`unknown web page "${page}"`);
    const body = compiled(data);
    return this.layout({ ...data, body: new Handlebars.SafeString(body) });
  }

  /** One partial on its own (for the partials' snapshot tests). */
  renderPartial(name: string, data: Record<string, unknown>): string {
    const partial = this.hb.partials[name] as Compiled | string | undefined;
    if (!partial) throw new Error(`unknown partial "${name}"`);
    const compiled = typeof partial === 'string' ? this.hb.compile(partial) : partial;
    return compiled(data);
  }
}
