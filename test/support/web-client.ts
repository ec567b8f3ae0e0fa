import request from 'supertest';
import type { TestApp } from './test-app';
import { PASSWORD } from './fixtures';
import { freshCode, rememberSecret } from './second-factor';
import { assertDutchPage, type Address, type DutchOptions } from './dutch-words';

export type Agent = ReturnType<typeof request.agent>;

/** The CSRF token of the first form on a page. */
export function csrfOf(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('no CSRF token on the page');
  return match[1] as string;
}

/** What an agent checks on every page it gets: on, and for whom (set at sign-in). */
const readers = new WeakMap<Agent, DutchOptions | false>();

/** Pages of the web, not the API, the dev mailbox or the documentation. */
const isWebPage = (path: string) => !/^\/(?:api|dev|health|assets|metrics)(?:\/|$|\?)/.test(path);

/**
 * The form of address a page owes its reader. A page of one audience speaks to that audience (the
 * candidate's pages "je", also the unsubscribe page anyone may open; the others "u"); the public
 * pages (home, sign-in, terms) serve everyone and only must not mix the two. Neither must a page
 * that refuses (an error page for its visitor, or the audience's form back with its errors).
 */
function addressFor(
  path: string,
  status: number,
  reader: Address | undefined,
): Address | undefined {
  const audience = audienceOf(path);
  // A refusal may be the audience's page back with its errors, or an error page for the visitor.
  if (status >= 400) return reader === audience ? reader : undefined;
  return audience;
}

const audienceOf = (path: string): Address | undefined =>
  /^\/kandidaat(?:\/|$|\?)/.test(path)
    ? 'je'
    : /^\/(?:werkgever|werkmakelaar|beheer)(?:\/|$|\?)/.test(path)
      ? 'u'
      : undefined;

/**
 * The banner says what the reader's last action did, in the reader's form; a test that posts and
 * does not follow the redirect may see it on a shared page next (which says "u"). Only there it is
 * left out of the check; its own words are checked on every other page.
 */
function withoutForeignBanner(html: string, path: string): string {
  if (audienceOf(path)) return html;
  return html.replace(
    /<div class="[^"]*werkbrug-notification-banner[^"]*"[\s\S]*?<\/p>\s*<\/div><\/div>\s*<\/div>/,
    '',
  );
}

/**
 * Every HTML page a web agent gets is checked with assertDutchPage (no English, no raw codes, no ISO
 * dates, one form of address): the request's promise fails with the findings. Redirects and the
 * API's JSON pass unchecked.
 */
function checkDutch(agent: Agent): Agent {
  for (const method of ['get', 'post'] as const) {
    const send = agent[method].bind(agent);
    agent[method] = ((url: string) => {
      const test = send(url);
      const then = test.then.bind(test);
      test.then = ((ok, ko) =>
        then((res) => {
          const options = readers.get(agent);
          const html = String(res.headers['content-type'] ?? '').startsWith('text/html');
          const page = res.status < 300 || res.status >= 400;
          if (options && html && page && isWebPage(url))
            assertDutchPage(withoutForeignBanner(res.text, url), `${method.toUpperCase()} ${url}`, {
              ...options,
              address: addressFor(url, res.status, options.address),
            });
          return res;
        }).then(ok, ko)) as typeof test.then;
      return test;
    }) as Agent['get'];
  }
  return agent;
}

/**
 * A browser-like client (keeps cookies) that GETs a form page and posts it with its token. Every
 * page it gets must be Dutch for its reader (`dutch: false` turns that off, for a test about
 * something else that feeds the pages foreign text on purpose).
 */
export function webAgent(t: TestApp, options: { dutch?: boolean } = {}): Agent {
  const agent = request.agent(t.app.getHttpServer());
  readers.set(agent, options.dutch === false ? false : {});
  return checkDutch(agent);
}

/** Changes what an agent's pages are checked for (an allow list for a page with foreign words). */
export function expectDutch(agent: Agent, options: DutchOptions | false): Agent {
  readers.set(agent, options);
  return agent;
}

export async function postForm(
  agent: Agent,
  formPage: string,
  action: string,
  fields: Record<string, string | string[]>,
) {
  const page = await agent.get(formPage);
  if (page.status !== 200) throw new Error(`GET ${formPage}: ${page.status}`);
  return agent
    .post(action)
    .type('form')
    .send({ ...fields, _csrf: csrfOf(page.text) });
}

/** The form of address of each landing page's reader: "je" for candidates, "u" for the others. */
const ADDRESS_BY_LANDING: Record<string, Address> = {
  '/kandidaat': 'je',
  '/werkgever': 'u',
  '/werkmakelaar': 'u',
  '/beheer': 'u',
};

/**
 * After the password, a werkmakelaar or administrator is sent to the second factor: the code of
 * their app (freshCode), or at the first sign-in the set-up (the secret read from the page) and the
 * recovery codes page. Returns the last redirect (to the start page, or where the sign-in was for).
 */
export async function passSecondFactor(
  agent: Agent,
  email: string,
  res: request.Response,
): Promise<request.Response> {
  const location = String(res.headers.location ?? '');
  if (res.status !== 303 || !location.startsWith('/inlogcode')) return res;
  const page = await agent.get(location);
  if (page.status !== 200) throw new Error(`GET ${location}: ${page.status}`);
  if (location.startsWith('/inlogcode/instellen')) {
    const secret = /id="sleutel">([^<]+)</.exec(page.text)?.[1];
    if (!secret) throw new Error('no secret on the set-up page');
    rememberSecret(email, secret);
    const shown = await agent
      .post('/inlogcode/instellen')
      .type('form')
      .send({ code: await freshCode(email), terug: termOf(location), _csrf: csrfOf(page.text) });
    if (shown.status !== 200) throw new Error(`set-up ${email}: ${shown.status}`);
    return agent
      .post('/inlogcode/klaar')
      .type('form')
      .send({ terug: termOf(location), _csrf: csrfOf(shown.text) });
  }
  return agent
    .post('/inlogcode')
    .type('form')
    .send({ code: await freshCode(email), terug: termOf(location), _csrf: csrfOf(page.text) });
}

const termOf = (location: string) => new URL(location, 'http://x').searchParams.get('terug') ?? '';

/** Signs in through the login form; the agent then carries the session cookie. */
export async function signIn(t: TestApp, email: string, password = PASSWORD): Promise<Agent> {
  const agent = webAgent(t);
  const res = await passSecondFactor(
    agent,
    email,
    await postForm(agent, '/inloggen', '/inloggen', { email, password }),
  );
  if (res.status !== 303)
    throw new Error(`sign-in ${email}: ${res.status} ${res.text.slice(0, 300)}`);
  const landing = String(res.headers.location ?? '').split('?')[0] ?? '';
  const address = ADDRESS_BY_LANDING[landing];
  if (address && readers.get(agent) !== false) readers.set(agent, { address });
  return agent;
}
