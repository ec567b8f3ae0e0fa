import { ProblemException } from '@werkbrug/http';

/**
 * Keyset cursor over audit_log (created_at, id). The timestamp travels as PostgreSQL's own text
 * with microseconds: a millisecond Date would skip or repeat lines written in the same millisecond.
 */
export interface AuditCursor {
  at: string;
  id: string;
  desc: boolean;
}

const AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const encodeAuditCursor = (cursor: AuditCursor) =>
  Buffer.from(JSON.stringify({ t: cursor.at, id: cursor.id, d: cursor.desc ? 1 : 0 })).toString(
    'base64url',
  );

const invalid = (detail: string) =>
  new ProblemException(400, 'INVALID_CURSOR', 'Invalid cursor', detail);

export function decodeAuditCursor(raw: string, desc: boolean): AuditCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw invalid('Use the nextCursor of a previous page.');
  }
  const { t, id, d } = (parsed ?? {}) as { t?: unknown; id?: unknown; d?: unknown };
  if (typeof t !== 'string' || !AT.test(t) || typeof id !== 'string' || !ID.test(id))
    throw invalid('Use the nextCursor of a previous page.');
  if ((d === 1) !== desc) throw invalid('The cursor belongs to a list in the other sort order.');
  return { at: t, id, desc };
}
