import { HttpException, NotFoundException, ParseUUIDPipe } from '@nestjs/common';

/** Thrown to send the browser elsewhere (303 See Other, so a POST becomes a GET). */
export class WebRedirect extends HttpException {
  constructor(readonly location: string) {
    super('See Other', 303);
  }
}

/**
 * A POST without the session's CSRF token (or after the session ended). `keep` says what happens to
 * what was typed: `after-sign-in` (the session ended: kept until the same person signs in again),
 * `now` (the session runs but the token is old: shown again at once), or nothing (a form that is not
 * ours, or a public one: the plain "expired" page).
 */
export class FormExpired extends HttpException {
  constructor(readonly keep?: 'after-sign-in' | 'now') {
    super('Form expired', 403);
  }
}

/**
 * Only local paths are followed after sign-in, never another site. A browser drops tabs and line
 * breaks from a URL and reads a backslash as a slash, so `/\t/evil.example` or `/\\evil.example`
 * would become `//evil.example` (another site): any control character or backslash is refused.
 */
export function safeReturnPath(value: unknown): string | null {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//')) return null;
  // eslint-disable-next-line no-control-regex
  if (value.includes('\\') || /[\u0000-\u001f\u007f]/.test(value)) return null;
  return value.length <= 500 ? value : null;
}

/** Path ids of web pages: anything but a uuid is a page that does not exist (404, not 400). */
export const webId = () => new ParseUUIDPipe({ exceptionFactory: () => new NotFoundException() });
