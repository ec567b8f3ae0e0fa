import { Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import {
  assertVersion,
  expectedVersion,
  Page,
  paginate,
  ProblemException,
  Problems,
} from '@werkbrug/http';
import { AuthEvents } from '../auth-events';
import { AuthLinksService } from '../auth-links.service';
import { LoginThrottle } from '../login-throttle';
import { hashPassword, verifyPassword } from '../password-hasher';
import { passwordProblem } from '../password-policy';
import type { Actor, Role } from '../role';
import { User } from '../user.entity';
import {
  CreateUserDto,
  InviteUserDto,
  toUserView,
  UpdateUserDto,
  UserListQuery,
  UserView,
} from './user.dto';
import type { OrganisationKind } from '@werkbrug/domain';
import {
  mayManageUsersOf,
  type OrganisationManager,
  roleChangeRefusal,
} from '../organisation-access';
import { SessionsService, type SessionRef } from '../sessions/sessions.service';
import { queryRows } from '@werkbrug/database';

/** Where an account stands, as the administration pages show it. */
export type AccountState = 'actief' | 'uitgenodigd' | 'uitnodiging_verlopen' | 'gedeactiveerd';

/** One user of an organisation on its administration page. */
export interface OrganisationUserView {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  organisationAdmin: boolean;
  state: AccountState;
  lastSignedInAt: string | null;
  version: number;
  /** An authenticator app is set up (werkmakelaars and administrators sign in with one). */
  secondFactor: boolean;
}

/** The words of a role in an invitation mail ("als werkmakelaar bij Ferm Werk"). */
const ROLE_IN_MAIL: Record<Exclude<Role, 'kandidaat'>, string> = {
  admin: 'beheerder van Werkbrug',
  werkmakelaar: 'werkmakelaar',
  werkgever: 'medewerker',
};

/**
 * A manager who may not manage an organisation's users: its own organisation is no secret (403),
 * another one is not found (404), as for every record outside the caller's scope.
 */
const refusedFor = (manager: OrganisationManager, organisationId: string) =>
  manager.organisationId === organisationId
    ? Problems.forbidden(
        'Only an organisation administrator manages the users of this organisation.',
      )
    : Problems.notFound('Organisation');

const SORTABLE = {
  createdAt: { column: 'u.createdAt', read: (u: User) => u.createdAt },
  email: { column: 'u.email', read: (u: User) => u.email },
};

/** The fields of an account change the audit line names (UpdateUserDto, without its version). */
const UPDATE_FIELDS = ['displayName', 'email', 'password', 'active', 'organisationAdmin'] as const;

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sessions: SessionsService,
    private readonly links: AuthLinksService,
    private readonly throttle: LoginThrottle,
    @Optional() private readonly events?: AuthEvents,
  ) {}

  /** Admins see everyone; werkmakelaars their organisation; others only themselves. */
  private scoped(actor: Actor, manager: EntityManager = this.db.manager) {
    const qb = manager.getRepository(User).createQueryBuilder('u');
    if (actor.role === 'werkmakelaar')
      qb.andWhere('u.organisationId = :org', { org: actor.organisationId });
    else if (actor.role !== 'admin') qb.andWhere('u.id = :self', { self: actor.userId });
    return qb;
  }

  list(actor: Actor, query: UserListQuery): Promise<Page<UserView>> {
    const qb = this.scoped(actor);
    if (query.role) qb.andWhere('u.role = :role', { role: query.role });
    if (query.organisationId)
      qb.andWhere('u.organisationId = :orgFilter', { orgFilter: query.organisationId });
    return paginate(qb, query, SORTABLE, 'createdAt', toUserView);
  }

  async findVisible(actor: Actor, id: string): Promise<UserView | null> {
    const user = await this.scoped(actor).andWhere('u.id = :id', { id }).getOne();
    return user ? toUserView(user) : null;
  }

  async get(actor: Actor, id: string): Promise<UserView> {
    const user = await this.findVisible(actor, id);
    if (!user) throw Problems.notFound('User');
    return user;
  }

  async create(actor: Actor, dto: CreateUserDto): Promise<UserView> {
    const problem = passwordProblem(dto.password);
    if (problem) throw Problems.validation([{ field: 'password', message: `password ${problem}` }]);
    const email = dto.email.trim().toLowerCase();
    return this.db.transaction(async (em) => {
      const organisationId = await this.resolveOrganisation(em, dto);
      const existing = await queryRows<unknown>(em, `SELECT 1 FROM users WHERE email = $1`, [
        email,
      ]);
      if (existing.length)
        throw Problems.duplicate('A user with this e-mail address already exists.');
      const user = em.getRepository(User).create({
        email,
        passwordHash: await hashPassword(dto.password),
        role: dto.role,
        displayName: dto.displayName.trim(),
        organisationId,
        employerId: dto.role === 'werkgever' ? (dto.employerId ?? null) : null,
        candidateId: dto.role === 'kandidaat' ? (dto.candidateId ?? null) : null,
        active: true,
      });
      const saved = await em.getRepository(User).save(user);
      await this.events?.record(
        { action: 'user.create', userId: saved.id, by: actor, details: { role: saved.role } },
        em,
      );
      return toUserView(saved);
    });
  }

  /** Role decides where the organisation comes from, so links are always consistent. */
  private async resolveOrganisation(em: EntityManager, dto: CreateUserDto): Promise<string> {
    const field = (f: string, message: string) => Problems.validation([{ field: f, message }]);
    if (dto.role === 'werkgever') {
      if (!dto.employerId) throw field('employerId', 'employerId is required for werkgever users');
      const rows = await queryRows<{ organisation_id: string }>(
        em,
        `SELECT organisation_id FROM employers WHERE id = $1`,
        [dto.employerId],
      );
      if (!rows.length) throw field('employerId', 'employer does not exist');
      return rows[0].organisation_id;
    }
    if (dto.role === 'kandidaat') {
      if (!dto.candidateId)
        throw field('candidateId', 'candidateId is required for kandidaat users');
      const rows = await queryRows<{ organisation_id: string }>(
        em,
        `SELECT organisation_id FROM candidates WHERE id = $1 AND erased_at IS NULL`,
        [dto.candidateId],
      );
      if (!rows.length) throw field('candidateId', 'candidate does not exist');
      return rows[0].organisation_id;
    }
    if (dto.employerId || dto.candidateId) {
      throw field('role', 'employerId and candidateId are only for werkgever and kandidaat users');
    }
    if (!dto.organisationId)
      throw field('organisationId', 'organisationId is required for this role');
    const rows = await queryRows<{ kind: string }>(
      em,
      `SELECT kind FROM organisations WHERE id = $1`,
      [dto.organisationId],
    );
    if (!rows.length) throw field('organisationId', 'organisation does not exist');
    if (dto.role === 'werkmakelaar' && rows[0].kind === 'werkgever') {
      throw field(
        'organisationId',
        'a werkmakelaar belongs to a gemeente, werkbedrijf or re-integratiebedrijf',
      );
    }
    return dto.organisationId;
  }

  /**
   * `keep`: the session the change came from, which stays open after a new password (a web page);
   * without it every session and token ends (the API: a new password means signing in again).
   */
  async update(
    actor: Actor,
    id: string,
    dto: UpdateUserDto,
    ifMatch?: number,
    keep?: SessionRef,
  ): Promise<UserView> {
    const expected = expectedVersion(ifMatch, dto.version);
    // Changing one's own login (password or address) needs the current password: a stolen token
    // alone must not take the account over. Administrators resetting someone else's do not know it.
    const changesLogin = dto.password !== undefined || dto.email !== undefined;
    if (changesLogin && actor.userId === id && dto.currentPassword === undefined)
      throw Problems.validation([
        {
          field: 'currentPassword',
          message: 'give your current password to change your password or e-mail address',
        },
      ]);
    const administers = dto.active !== undefined || dto.organisationAdmin !== undefined;
    if (dto.organisationAdmin !== undefined && actor.userId === id)
      throw Problems.forbidden('You cannot change your own role.');
    // Someone else's account: an administrator, or an organisation administrator for the accounts of
    // their own organisation (checked against the account below), and then not its login.
    const manager = actor.role === 'admin' ? null : await this.managerOf(actor);
    const organisationAdmin = manager?.organisationAdmin === true;
    if (actor.role !== 'admin' && actor.userId !== id && !organisationAdmin)
      throw Problems.notFound('User');
    if (actor.role !== 'admin' && actor.userId !== id && changesLogin)
      throw Problems.forbidden('Only an administrator sets another user’s password or address.');
    if (actor.role !== 'admin' && administers && !organisationAdmin)
      throw Problems.forbidden('Only an administrator can (de)activate users.');
    if (dto.password !== undefined) {
      const problem = passwordProblem(dto.password);
      if (problem)
        throw Problems.validation([{ field: 'password', message: `password ${problem}` }]);
    }
    return this.db.transaction(async (em) => {
      const repo = em.getRepository(User);
      const user = await this.scoped(actor, em)
        .andWhere('u.id = :id', { id })
        .setLock('pessimistic_write')
        .getOne();
      if (!user) throw Problems.notFound('User');
      if (manager && actor.userId !== id && !mayManageUsersOf(manager, user.organisationId))
        throw Problems.notFound('User');
      assertVersion(user.version, expected);
      if (dto.organisationAdmin !== undefined && dto.organisationAdmin !== user.organisationAdmin) {
        const refusal = roleChangeRefusal(
          manager ?? {
            role: 'admin',
            organisationId: actor.organisationId,
            organisationAdmin: false,
          },
          await this.organisationOf(em, user.organisationId),
          { role: user.role, organisationAdmin: user.organisationAdmin },
          { role: user.role, organisationAdmin: dto.organisationAdmin },
        );
        if (refusal) throw Problems.forbidden(refusal);
        user.organisationAdmin = dto.organisationAdmin;
      }
      if (changesLogin && actor.userId === id) {
        // Guessing the current password with a stolen token is throttled like a login.
        const where = `account-change:${id}`;
        this.throttle.checkBefore(user.email, where);
        const [row] = await queryRows<{ password_hash: string }>(
          em,
          `SELECT password_hash FROM users WHERE id = $1`,
          [id],
        );
        if (!(await verifyPassword(row.password_hash, dto.currentPassword ?? ''))) {
          this.throttle.recordFailure(user.email, where);
          throw Problems.validation([
            { field: 'currentPassword', message: 'is not your current password' },
          ]);
        }
      }
      if (dto.displayName !== undefined) user.displayName = dto.displayName.trim();
      if (dto.active !== undefined) user.active = dto.active;
      if (dto.password !== undefined) {
        user.passwordHash = await hashPassword(dto.password);
      }
      const saved = await repo.save(user);
      // Someone else's account, or one's own login: who changed what (never the new values of the
      // password or the address).
      const changed = UPDATE_FIELDS.filter((field) => dto[field] !== undefined);
      if (changed.length && (actor.userId !== id || changesLogin))
        await this.events?.record(
          {
            action: 'user.update',
            userId: id,
            by: actor,
            details: {
              changed,
              ...(dto.active !== undefined ? { active: dto.active } : {}),
              ...(dto.organisationAdmin !== undefined
                ? { organisationAdmin: dto.organisationAdmin }
                : {}),
            },
          },
          em,
        );
      // A new password or deactivation ends every open session of that user (web and API).
      if (dto.active === false)
        await this.sessions.endAllFor(id, { reason: 'deactivated', by: actor }, em);
      else if (dto.password !== undefined)
        await this.sessions.endAllFor(
          id,
          { reason: 'password', by: actor, except: actor.userId === id ? keep : null },
          em,
        );
      // A new address becomes the login only once its mailbox confirms (a mailed link). A taken
      // address is answered exactly like a free one: the caller learns nothing about other accounts.
      const email = dto.email?.trim().toLowerCase();
      if (email !== undefined && email !== saved.email && saved.active)
        await this.links.requestEmailChange(em, saved, email);
      return toUserView(saved);
    });
  }

  /**
   * An employer's colleague, invited by one of its users: an inactive werkgever account with a
   * password nobody knows, until the invitation link sets one. 'duplicate' when the address has an
   * account already (any role, any organisation), and then nothing is written.
   */
  async createInvitedColleague(
    em: EntityManager,
    inviter: Actor,
    displayName: string,
    email: string,
  ): Promise<{ id: string } | 'duplicate'> {
    if (inviter.role !== 'werkgever' || !inviter.employerId)
      throw new Error('only an employer user invites a colleague');
    const address = email.trim().toLowerCase();
    const clash = await queryRows<unknown>(em, `SELECT 1 FROM users WHERE email = $1`, [address]);
    if (clash.length) return 'duplicate';
    const placeholder = await hashPassword(randomBytes(32).toString('base64url'));
    const [user] = await queryRows<{ id: string }>(
      em,
      `INSERT INTO users (email, password_hash, role, organisation_id, employer_id, display_name, active)
       VALUES ($1, $2, 'werkgever', $3, $4, $5, false) RETURNING id`,
      [address, placeholder, inviter.organisationId, inviter.employerId, displayName.trim()],
    );
    await this.events?.record(
      {
        action: 'user.invite',
        userId: user!.id,
        by: inviter,
        details: { role: 'werkgever', organisationAdmin: false },
      },
      em,
    );
    return { id: user!.id };
  }

  /** The id of the account with this login address, for an administrator's search; null if none. */
  async idOfEmail(actor: Actor, email: string): Promise<string | null> {
    if (actor.role !== 'admin') return null;
    const [row] = await queryRows<{ id: string }>(
      this.db,
      `SELECT id FROM users WHERE email = $1`,
      [email.trim().toLowerCase()],
    );
    return row?.id ?? null;
  }

  /**
   * A user the actor manages (administrators: anyone; organisation administrators: their own
   * organisation's users): 404 when unknown, 403 when not theirs to manage.
   */
  async managedUser(actor: Actor, id: string): Promise<{ id: string; role: Role }> {
    const [user] = await queryRows<{ id: string; role: Role; organisation_id: string }>(
      this.db,
      `SELECT id, role, organisation_id FROM users WHERE id = $1`,
      [id],
    );
    if (!user) throw Problems.notFound('User');
    const manager = await this.managerOf(actor);
    if (!mayManageUsersOf(manager, user.organisation_id))
      throw refusedFor(manager, user.organisation_id);
    return { id: user.id, role: user.role };
  }

  /** The actor as a manager of organisations: their organisation-admin flag, read fresh. */
  async managerOf(actor: Actor): Promise<OrganisationManager> {
    const [row] = await queryRows<{ organisation_admin: boolean }>(
      this.db,
      `SELECT organisation_admin FROM users WHERE id = $1 AND active`,
      [actor.userId],
    );
    return {
      role: actor.role,
      organisationId: actor.organisationId,
      organisationAdmin: row?.organisation_admin === true,
    };
  }

  private async organisationOf(em: EntityManager, id: string) {
    const [org] = await queryRows<{ id: string; kind: OrganisationKind; name: string }>(
      em,
      `SELECT id, kind, name FROM organisations WHERE id = $1`,
      [id],
    );
    return org ?? null;
  }

  /**
   * The users of one organisation for its administration page, with where each account stands and
   * when it last signed in; null when the actor may not manage that organisation's users.
   */
  async organisationUsers(
    actor: Actor,
    organisationId: string,
  ): Promise<OrganisationUserView[] | null> {
    if (!mayManageUsersOf(await this.managerOf(actor), organisationId)) return null;
    const rows = await queryRows<{
      id: string;
      email: string;
      display_name: string;
      role: Role;
      organisation_admin: boolean;
      active: boolean;
      invite_until: Date | null;
      last_signed_in_at: Date | null;
      version: number;
      second_factor: boolean;
    }>(
      this.db,
      `SELECT u.id, u.email, u.display_name, u.role, u.organisation_admin, u.active,
              u.last_signed_in_at, u.version,
              EXISTS (SELECT 1 FROM second_factors f
                       WHERE f.user_id = u.id AND f.enrolled_at IS NOT NULL) AS second_factor,
              (SELECT max(l.expires_at) FROM auth_links l
                WHERE l.user_id = u.id AND l.purpose = 'invite' AND l.used_at IS NULL) AS invite_until
         FROM users u
        WHERE u.organisation_id = $1 AND u.role <> 'kandidaat'
        ORDER BY u.active DESC, lower(u.display_name), u.email`,
      [organisationId],
    );
    return rows.map((r) => ({
      id: r.id,
      email: r.email,
      displayName: r.display_name,
      role: r.role,
      organisationAdmin: r.organisation_admin,
      state: r.active
        ? 'actief'
        : r.invite_until === null
          ? 'gedeactiveerd'
          : new Date(r.invite_until).getTime() > Date.now()
            ? 'uitgenodigd'
            : 'uitnodiging_verlopen',
      lastSignedInAt: r.last_signed_in_at ? new Date(r.last_signed_in_at).toISOString() : null,
      version: r.version,
      secondFactor: r.second_factor,
    }));
  }

  /**
   * Invites someone into an organisation: an inactive account with a password nobody knows, and a
   * mail with the link that sets one (and activates the account). Administrators invite into every
   * organisation, organisation administrators into their own (roleChangeRefusal). An address that
   * has an account already is refused (409), and then nothing is written.
   */
  async invite(actor: Actor, dto: InviteUserDto): Promise<UserView> {
    const manager = await this.managerOf(actor);
    if (!mayManageUsersOf(manager, dto.organisationId))
      throw refusedFor(manager, dto.organisationId);
    const address = dto.email.trim().toLowerCase();
    const organisationAdmin = dto.organisationAdmin === true;
    return this.db.transaction(async (em) => {
      const org = await this.organisationOf(em, dto.organisationId);
      if (!org) throw Problems.notFound('Organisation');
      const refusal = roleChangeRefusal(manager, org, null, { role: dto.role, organisationAdmin });
      if (refusal) throw Problems.validation([{ field: 'role', message: refusal }]);
      let employerId: string | null = null;
      if (dto.role === 'werkgever') {
        const [employer] = await queryRows<{ id: string }>(
          em,
          `SELECT id FROM employers WHERE organisation_id = $1 ORDER BY created_at LIMIT 1`,
          [org.id],
        );
        if (!employer)
          throw Problems.validation([{ field: 'organisationId', message: 'has no employer' }]);
        employerId = employer.id;
      }
      const clash = await queryRows<unknown>(em, `SELECT 1 FROM users WHERE email = $1`, [address]);
      if (clash.length) throw Problems.duplicate('A user with this e-mail address already exists.');
      const placeholder = await hashPassword(randomBytes(32).toString('base64url'));
      const user = await em.getRepository(User).save(
        em.getRepository(User).create({
          email: address,
          passwordHash: placeholder,
          role: dto.role,
          organisationId: org.id,
          employerId,
          candidateId: null,
          displayName: dto.displayName.trim(),
          active: false,
          organisationAdmin,
        }),
      );
      await this.links.mailInvitation(em, user, await this.invitationWords(em, actor, org, user));
      await this.events?.record(
        {
          action: 'user.invite',
          userId: user.id,
          by: actor,
          details: { role: user.role, organisationAdmin },
        },
        em,
      );
      return toUserView(user);
    });
  }

  private async invitationWords(
    em: EntityManager,
    actor: Actor,
    org: { name: string },
    user: { role: Role },
  ) {
    const [inviter] = await queryRows<{ display_name: string }>(
      em,
      `SELECT display_name FROM users WHERE id = $1`,
      [actor.userId],
    );
    return {
      inviterName: inviter?.display_name ?? 'De beheerder van Werkbrug',
      organisationName: org.name,
      roleText: user.role === 'kandidaat' ? 'kandidaat' : ROLE_IN_MAIL[user.role],
    };
  }

  /**
   * Sends an invitation again, with a new link (the old one stops working): only for an account that
   * was invited and has not chosen a password yet (409 otherwise).
   */
  async resendInvitation(actor: Actor, id: string): Promise<{ id: string; expiresAt: string }> {
    const manager = await this.managerOf(actor);
    return this.db.transaction(async (em) => {
      const user = await em
        .getRepository(User)
        .createQueryBuilder('u')
        .where('u.id = :id', { id })
        .setLock('pessimistic_write')
        .getOne();
      if (!user) throw Problems.notFound('User');
      if (!mayManageUsersOf(manager, user.organisationId))
        throw refusedFor(manager, user.organisationId);
      const [invited] = await queryRows<unknown>(
        em,
        `SELECT 1 FROM auth_links WHERE user_id = $1 AND purpose = 'invite' AND used_at IS NULL`,
        [id],
      );
      if (user.active || !invited)
        throw Problems.conflict(
          'CONFLICT',
          'Not waiting for an invitation',
          'Only an account that was invited and has not chosen a password yet gets a new invitation.',
        );
      const org = await this.organisationOf(em, user.organisationId);
      if (!org) throw Problems.notFound('Organisation');
      const expiresAt = await this.links.mailInvitation(
        em,
        user,
        await this.invitationWords(em, actor, org, user),
      );
      await this.events?.record({ action: 'user.invite_resend', userId: id, by: actor }, em);
      return { id, expiresAt: expiresAt.toISOString() };
    });
  }

  /**
   * Ends every session and token of a user: administrators for everyone, organisation administrators
   * for the users of their own organisation (mayManageUsersOf), nobody else (404, as out of scope).
   */
  async endSessionsOf(actor: Actor, id: string) {
    const manager = actor.role === 'admin' ? null : await this.managerOf(actor);
    const [user] = await queryRows<{ organisation_id: string }>(
      this.db,
      `SELECT organisation_id FROM users WHERE id = $1`,
      [id],
    );
    if (!user) throw Problems.notFound('User');
    if (manager && !mayManageUsersOf(manager, user.organisation_id))
      throw refusedFor(manager, user.organisation_id);
    return this.sessions.endAllFor(id, { reason: 'admin', by: actor });
  }

  assertNotSelf(actor: Actor, id: string) {
    if (actor.userId === id) {
      throw new ProblemException(409, 'CANNOT_DEACTIVATE_SELF', 'You cannot deactivate yourself');
    }
  }
}
