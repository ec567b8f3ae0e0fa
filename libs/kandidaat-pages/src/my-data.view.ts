import type { Choice } from '@werkbrug/web';
import { AUDIT_ACTION_FALLBACK, AUDIT_ACTION_WORDS, AUDIT_ACTOR_WORDS } from './plain-words';

/** One line of the candidate's audit trail (AuditTrailService with toCandidateAuditEntry). */
export interface AuditEntryInput {
  at: string;
  action: string;
  actorRole: string;
  organisation: string | null;
  purpose: string | null;
}

/** kandidaat/gegevens */
export type MyDataPageView = {
  title: string;
  entries: { at: string; who: string; what: string; purpose: string | null }[];
  next: string | null;
};

export const myDataPageView = (page: {
  items: readonly AuditEntryInput[];
  nextCursor: string | null;
}): MyDataPageView => ({
  title: 'Mijn gegevens',
  entries: page.items.map((e) => ({
    at: e.at,
    who: `${AUDIT_ACTOR_WORDS[e.actorRole] ?? 'Iemand'}${e.organisation ? ` van ${e.organisation}` : ''}`,
    what: AUDIT_ACTION_WORDS[e.action] ?? AUDIT_ACTION_FALLBACK,
    purpose: e.purpose,
  })),
  next: page.nextCursor,
});

const CONFIRM_OPTIONS: Choice[] = [{ value: 'ja', text: 'Ja, ik weet zeker dat alles weg mag' }];

/** kandidaat/verwijderen */
export type ErasePageView = { title: string; confirmOptions: Choice[] };

export const erasePageView = (): ErasePageView => ({
  title: 'Mijn gegevens verwijderen',
  confirmOptions: CONFIRM_OPTIONS,
});

export const ERASE_CONFIRM_MESSAGE = 'Zet een vinkje als je zeker weet dat alles weg mag';

/** kandidaat/verwijderd: the layout shows no one signed in. */
export type ErasedPageView = { title: string; user: null };

export const erasedPageView = (): ErasedPageView => ({
  title: 'Je gegevens zijn verwijderd',
  user: null,
});
