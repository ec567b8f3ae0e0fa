import type { Role } from '@werkbrug/auth';
import type { PageModel } from './page-responder';
import type { HiddenField } from './view-parts';
import { safeReturnPath } from './web-errors';
import type { FormBody } from './web-request';

/**
 * A form that arrived when its session had ended (or its CSRF token no longer matched): what was
 * typed is kept, so the person can send it again after signing in (WCAG 2.2.1, timing adjustable).
 */
export interface PendingForm {
  /** Where the form posted: a local path of a web page, never another site or the API. */
  action: string;
  /** The fields as posted, in order; never a password, the CSRF token or a confirmation. */
  fields: HiddenField[];
  /** The page the form was on, when the browser said so (a local path). */
  from: string | null;
  /** The form had a password: it was not kept, so the page asks to type it again. */
  passwordLeftOut: boolean;
}

/** Secrets are never kept: the CSRF token, and every password field (by its name). */
const SECRET = /^_csrf$|pass|wachtwoord|^current$|^repeat$/i;
/** A confirmation is asked again: "Verstuur opnieuw" must not do what cannot be undone unasked. */
const ASK_AGAIN = new Set(['bevestigd']);

/** The fields worth keeping, in order; multi-valued fields (checkboxes) as one field per value. */
export function keptFields(body: FormBody): HiddenField[] {
  return Object.entries(body).flatMap(([name, value]) => {
    if (SECRET.test(name) || ASK_AGAIN.has(name) || value === undefined) return [];
    const values = Array.isArray(value) ? value : [value];
    return values
      .filter((v): v is string => typeof v === 'string')
      .map((v) => ({ name, value: v }));
  });
}

/** Whether the form had a password field (the page then says it was not kept). */
export const hadSecret = (body: FormBody): boolean =>
  Object.keys(body).some((name) => name !== '_csrf' && SECRET.test(name));

/** The action of a kept form: a local path of a web page, or null (then nothing is kept). */
export function pendingAction(originalUrl: string): string | null {
  const path = safeReturnPath(originalUrl);
  if (!path || path === '/api' || path.startsWith('/api/') || path.startsWith('/sessie/'))
    return null;
  return path;
}

/** The page the form came from, by the Referer header, only when it is this site's own page. */
export function refererPath(referer: string | undefined, host: string | undefined): string | null {
  if (!referer || !host) return null;
  try {
    const url = new URL(referer);
    if (url.host !== host) return null;
    return pendingAction(`${url.pathname}${url.search}`);
  } catch {
    return null;
  }
}

/**
 * What the person typed, to show before sending again: texts with words in them (a note, a
 * motivation, a title), not codes, dates, numbers or ids, which mean nothing on their own.
 */
export const typedTexts = (fields: readonly HiddenField[]): string[] =>
  fields.map((f) => f.value.trim()).filter((v) => /\p{L}/u.test(v) && /\s/.test(v));

/** A kept form as stored in the session (jsonb), checked when read back. */
export function readPendingForm(
  action: unknown,
  stored: unknown,
): (PendingForm & { userId: string | null }) | null {
  if (typeof action !== 'string' || !stored || typeof stored !== 'object') return null;
  const s = stored as { userId?: unknown; fields?: unknown; from?: unknown };
  const safe = pendingAction(action);
  if (!safe || !Array.isArray(s.fields)) return null;
  const fields = s.fields.flatMap((f: unknown) =>
    f &&
    typeof f === 'object' &&
    typeof (f as HiddenField).name === 'string' &&
    typeof (f as HiddenField).value === 'string'
      ? [{ name: (f as HiddenField).name, value: (f as HiddenField).value }]
      : [],
  );
  return {
    action: safe,
    fields,
    from: typeof s.from === 'string' ? pendingAction(s.from) : null,
    passwordLeftOut: (stored as { passwordLeftOut?: unknown }).passwordLeftOut === true,
    userId: typeof s.userId === 'string' ? s.userId : null,
  };
}

/** Why the form was kept: the session ended (signed in again since), or only its token was old. */
export type KeptBecause = 'uitgelogd' | 'verlopen';

/** The page `formulier-bewaard`: what was typed, and "Verstuur opnieuw" to the original action. */
export interface KeptFormView extends PageModel {
  intro: string;
  textsHeading: string;
  texts: string[];
  nothingTyped: string | null;
  passwordNote: string | null;
  action: string;
  hidden: HiddenField[];
  cancelHref: string;
}

/** In the candidate's "je" or in "u" for everyone else, as every page of that audience. */
export function keptFormView(
  form: PendingForm,
  because: KeptBecause,
  role: Role,
  landing: string,
): KeptFormView {
  const je = role === 'kandidaat';
  const texts = typedTexts(form.fields);
  const saved = je ? 'je tekst is bewaard' : 'uw tekst is bewaard';
  const typed = je ? 'Wat je had ingevuld' : 'Wat u had ingevuld';
  const why =
    because === 'uitgelogd'
      ? je
        ? 'Je was een tijd niet actief. Daarom ben je uitgelogd.'
        : 'U was een tijd niet actief. Daarom bent u uitgelogd.'
      : 'Uit veiligheid werkt een formulier maar een tijd.';
  return {
    title:
      because === 'uitgelogd'
        ? `${je ? 'Je' : 'U'} was uitgelogd – ${saved}`
        : `Het formulier was verlopen – ${saved}`,
    intro: `${why} ${typed}, hebben we bewaard. Kijk of het klopt en verstuur het opnieuw.`,
    textsHeading: typed,
    texts,
    nothingTyped: texts.length ? null : je ? 'Je keuzes zijn bewaard.' : 'Uw keuzes zijn bewaard.',
    passwordNote: form.passwordLeftOut
      ? je
        ? 'Je wachtwoord bewaren we niet. Vul het daarna opnieuw in.'
        : 'Uw wachtwoord bewaren we niet. Vul het daarna opnieuw in.'
      : null,
    action: form.action,
    hidden: form.fields,
    cancelHref: form.from ?? landing,
  };
}
