import request from 'supertest';
import type { TestApp } from './test-app';
import { PASSWORD } from './fixtures';

export type Agent = ReturnType<typeof request.agent>;

/** The CSRF token of the first form on a page. */
export function csrfOf(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('no CSRF token on the page');
  return match[1] as string;
}

/** A browser-like client (keeps cookies) that GETs a form page and posts it with its token. */
export function webAgent(t: TestApp): Agent {
  return request.agent(t.app.getHttpServer());
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

/** Signs in through the login form; the agent then carries the session cookie. */
export async function signIn(t: TestApp, email: string, password = PASSWORD): Promise<Agent> {
  const agent = webAgent(t);
  const res = await postForm(agent, '/inloggen', '/inloggen', { email, password });
  if (res.status !== 303)
    throw new Error(`sign-in ${email}: ${res.status} ${res.text.slice(0, 300)}`);
  return agent;
}
