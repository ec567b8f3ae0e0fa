import type { OrganisationKind } from '@werkbrug/domain';
import type { Role } from './role';

/**
 * Who is asking to manage an organisation: the actor's role and organisation, and whether they are
 * an organisation administrator (users.organisation_admin, only ever set on a werkmakelaar).
 */
export interface OrganisationManager {
  role: Role;
  organisationId: string;
  organisationAdmin: boolean;
}

/**
 * What a manager may do with one organisation — the one rule for the API and the /beheer pages:
 *
 * - administrators: everything, for every organisation (`all`: its details and its users)
 * - organisation administrators: the users of their own organisation (`users`), nothing elsewhere
 * - everyone else: nothing (`none`)
 */
export type OrganisationAccess = 'all' | 'users' | 'none';

export function organisationAccess(
  manager: OrganisationManager,
  organisationId: string,
): OrganisationAccess {
  if (manager.role === 'admin') return 'all';
  if (
    manager.role === 'werkmakelaar' &&
    manager.organisationAdmin &&
    manager.organisationId === organisationId
  )
    return 'users';
  return 'none';
}

export const mayManageUsersOf = (manager: OrganisationManager, organisationId: string) =>
  organisationAccess(manager, organisationId) !== 'none';

/** The role and flag an account has, or gets: what "changing someone's role" changes. */
export interface AccountRole {
  role: Role;
  organisationAdmin: boolean;
}

/**
 * The roles an account of an organisation of this kind can have through administration: brokers'
 * organisations have werkmakelaars (some of them organisation administrators), the administrators'
 * organisation has administrators, an employer's organisation its own users. Candidates' accounts
 * follow their candidate file and are never made or changed here.
 */
export function rolesFor(kind: OrganisationKind): Role[] {
  if (kind === 'beheer') return ['admin'];
  if (kind === 'werkgever') return ['werkgever'];
  return ['werkmakelaar'];
}

/**
 * Why a manager may not give an account (currently `from`, or a new one when null) the role `to`
 * in an organisation of this kind, or null when they may. Administrators only are made by
 * administrators; an organisation administrator appoints werkmakelaars and other organisation
 * administrators of their own organisation.
 */
export function roleChangeRefusal(
  manager: OrganisationManager,
  organisation: { id: string; kind: OrganisationKind },
  from: AccountRole | null,
  to: AccountRole,
): string | null {
  const access = organisationAccess(manager, organisation.id);
  if (access === 'none') return 'You may not manage the users of this organisation.';
  if (!rolesFor(organisation.kind).includes(to.role))
    return `An organisation of kind ${organisation.kind} has no ${to.role} accounts.`;
  if (from && from.role !== to.role)
    return 'An account keeps its role; only the organisation administrator flag changes.';
  if (to.organisationAdmin && to.role !== 'werkmakelaar')
    return 'Only a werkmakelaar can be an organisation administrator.';
  if (access !== 'all' && (to.role === 'admin' || from?.role === 'admin'))
    return 'Only an administrator manages administrators.';
  return null;
}
