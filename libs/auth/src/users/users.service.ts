import { Injectable } from '@nestjs/common';
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
import { AuthLinksService } from '../auth-links.service';
import { LoginThrottle } from '../login-throttle';
import { hashPassword, verifyPassword } from '../password-hasher';
import { passwordProblem } from '../password-policy';
import type { Actor } from '../role';
import { User } from '../user.entity';
import { CreateUserDto, toUserView, UpdateUserDto, UserListQuery, UserView } from './user.dto';
import { TokenService } from '../token.service';
import { queryRows } from '@werkbrug/database';

const SORTABLE = {
  createdAt: { column: 'u.createdAt', read: (u: User) => u.createdAt },
  email: { column: 'u.email', read: (u: User) => u.email },
};

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tokens: TokenService,
    private readonly links: AuthLinksService,
    private readonly throttle: LoginThrottle,
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

  async create(dto: CreateUserDto): Promise<UserView> {
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
      return toUserView(await em.getRepository(User).save(user));
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

  async update(actor: Actor, id: string, dto: UpdateUserDto, ifMatch?: number): Promise<UserView> {
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
    if (actor.role !== 'admin' && actor.userId !== id) throw Problems.notFound('User');
    if (actor.role !== 'admin' && dto.active !== undefined)
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
      assertVersion(user.version, expected);
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
      // A new password or deactivation ends every open session of that user.
      if (dto.password !== undefined || dto.active === false)
        await this.tokens.revokeAllFor(id, em);
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
    return { id: user!.id };
  }

  assertNotSelf(actor: Actor, id: string) {
    if (actor.userId === id) {
      throw new ProblemException(409, 'CANNOT_DEACTIVATE_SELF', 'You cannot deactivate yourself');
    }
  }
}
