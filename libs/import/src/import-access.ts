/**
 * Who may import and export what: the one rule per resource, used by the API, the pages and the CLI.
 *
 * - importing into an organisation: its own werkmakelaars, and administrators into any (broker)
 *   organisation;
 * - a job: seen by who may import into its organisation (others: 404, as if it were not there);
 * - protected candidate columns (benefit, banenafspraak, loonwaarde, notes), in and out: only a
 *   werkmakelaar of that organisation, with a stated purpose;
 * - exporting candidates (names and contact details are in the file): only werkmakelaars of that
 *   organisation; employers and workplaces: who may import them.
 */
import type { Actor } from '@werkbrug/auth';
import { Problems } from '@werkbrug/http';
import type { ImportKind } from './import.types';

export function mayImportInto(actor: Actor, organisationId: string): boolean {
  if (actor.role === 'admin') return true;
  return actor.role === 'werkmakelaar' && actor.organisationId === organisationId;
}

export function assertMayImportInto(actor: Actor, organisationId: string): void {
  if (!mayImportInto(actor, organisationId))
    throw Problems.forbidden(
      'U mag alleen in uw eigen organisatie importeren (beheerders in elke organisatie).',
    );
}

/** Jobs of other organisations are simply not there for the caller. */
export function assertMaySeeJob(actor: Actor, job: { organisationId: string }): void {
  if (!mayImportInto(actor, job.organisationId)) throw Problems.notFound('Import job');
}

export function mayHandleProtected(
  actor: Actor,
  organisationId: string,
  purpose: string | null | undefined,
): boolean {
  return (
    actor.role === 'werkmakelaar' && actor.organisationId === organisationId && !!purpose?.trim()
  );
}

export function assertMayExport(actor: Actor, kind: ImportKind, organisationId: string): void {
  if (kind === 'candidates') {
    if (actor.role !== 'werkmakelaar' || actor.organisationId !== organisationId)
      throw Problems.forbidden(
        'Kandidaten exporteert alleen een werkmakelaar van de organisatie zelf.',
      );
    return;
  }
  assertMayImportInto(actor, organisationId);
}
