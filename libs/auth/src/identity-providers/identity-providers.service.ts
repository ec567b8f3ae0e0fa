import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { SECRET_BOX, type SecretBox } from '@werkbrug/config';
import { queryRows } from '@werkbrug/database';
import { assertVersion, expectedVersion, ProblemException, Problems } from '@werkbrug/http';
import { AuthEvents } from '../auth-events';
import { hashPassword } from '../password-hasher';
import type { Actor, Role } from '../role';
import type { IdentityProviderView, SaveIdentityProviderDto } from './identity-provider.dto';
import {
  OidcClient,
  OidcRefused,
  type IdTokenClaims,
  type ProviderClientSettings,
} from './oidc-client';
import { decideAccount, domainOf, emailFromClaims, mfaReported } from './oidc-rules';

interface ProviderRow {
  organisation_id: string;
  issuer: string;
  client_id: string;
  client_secret_sealed: string;
  email_claim: string;
  password_allowed: boolean;
  create_accounts: boolean;
  mfa_acr_values: string[];
  version: number;
  updated_at: Date;
  domains: string[] | null;
}

/** Roles that sign in through their organisation's provider; employers and candidates keep passwords. */
export const STAFF_ROLES: readonly Role[] = ['admin', 'werkmakelaar'];

/**
 * The one rule for "no password here": staff of an organisation that signs in only through its own
 * provider may not use a password, nor a mailed sign-in link (which stands in for the password).
 * SQL on the users row `u` (the roles are the code's own constants, written in as literals).
 */
export const passwordRefusedSql = (u: string) =>
  `(${u}.role IN (${STAFF_ROLES.map((r) => `'${r}'`).join(', ')}) AND EXISTS (
     SELECT 1 FROM organisation_identity_providers pr
      WHERE pr.organisation_id = ${u}.organisation_id AND NOT pr.password_allowed))`;

/** Where an address signs in: its organisation's provider, with its name for the page. */
export interface ProviderRoute {
  organisationId: string;
  organisationName: string;
  /** Its staff may still sign in with a password instead. */
  passwordAllowed: boolean;
}

/** A person the provider vouched for, found (or made) in Werkbrug. */
export interface OidcSignedIn {
  userId: string;
  role: Role;
  email: string;
  /** The provider reported a second factor (amr/acr): no TOTP is asked. */
  mfa: boolean;
  created: boolean;
}

/** The sealed secret is bound to its organisation: copied to another row it does not open. */
const secretContext = (organisationId: string) => `oidc-client-secret:${organisationId}`;

const SELECT = `SELECT p.*, (SELECT array_agg(d.domain ORDER BY d.domain) FROM identity_provider_domains d
                              WHERE d.organisation_id = p.organisation_id) AS domains
                  FROM organisation_identity_providers p`;

const view = (r: ProviderRow): IdentityProviderView => ({
  organisationId: r.organisation_id,
  issuer: r.issuer,
  clientId: r.client_id,
  clientSecretSet: r.client_secret_sealed !== '',
  emailClaim: r.email_claim,
  domains: r.domains ?? [],
  passwordAllowed: r.password_allowed,
  createAccounts: r.create_accounts,
  mfaAcrValues: r.mfa_acr_values,
  version: r.version,
  updatedAt: new Date(r.updated_at).toISOString(),
});

/**
 * Sign-in through an organisation's own identity provider (OpenID Connect): the settings an
 * administrator keeps (the client secret sealed with the server's key, never read back), which
 * address goes to which provider, and who a checked ID token lets in (oidc-rules.ts).
 */
@Injectable()
export class IdentityProvidersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(SECRET_BOX) private readonly box: SecretBox,
    private readonly oidc: OidcClient,
    @Optional() private readonly events?: AuthEvents,
  ) {}

  private static adminOnly(actor: Actor) {
    if (actor.role !== 'admin')
      throw Problems.forbidden('Only an administrator sets an identity provider.');
  }

  private async row(em: DataSource | EntityManager, organisationId: string, lock = false) {
    const [row] = await queryRows<ProviderRow>(
      em,
      `${SELECT} WHERE p.organisation_id = $1${lock ? ' FOR UPDATE OF p' : ''}`,
      [organisationId],
    );
    return row ?? null;
  }

  /** The settings (without the secret); null when the organisation has none. */
  async get(actor: Actor, organisationId: string): Promise<IdentityProviderView | null> {
    IdentityProvidersService.adminOnly(actor);
    const row = await this.row(this.db, organisationId);
    return row ? view(row) : null;
  }

  /**
   * Sets the provider of an organisation (created the first time, then changed with the version
   * read). A domain can belong to one organisation only (409 DUPLICATE).
   */
  async save(
    actor: Actor,
    organisationId: string,
    dto: SaveIdentityProviderDto,
    ifMatch?: number,
  ): Promise<IdentityProviderView> {
    IdentityProvidersService.adminOnly(actor);
    const domains = [...new Set(dto.domains.map((d) => d.trim().toLowerCase()))];
    const saved = await this.db.transaction(async (em) => {
      const [org] = await queryRows<{ kind: string }>(
        em,
        `SELECT kind FROM organisations WHERE id = $1 FOR SHARE`,
        [organisationId],
      );
      if (!org) throw Problems.notFound('Organisation');
      if (org.kind === 'werkgever')
        throw Problems.validation(
          [{ field: 'organisationId', message: 'an employer signs in with passwords' }],
          'Employers keep their password sign-in.',
        );
      const current = await this.row(em, organisationId, true);
      if (current) assertVersion(current.version, expectedVersion(ifMatch, dto.version));
      const secret = dto.clientSecret?.trim();
      if (!current && !secret)
        throw Problems.validation([
          { field: 'clientSecret', message: 'is required the first time' },
        ]);
      const clash = await queryRows<{ domain: string }>(
        em,
        `SELECT domain FROM identity_provider_domains WHERE domain = ANY($1::text[]) AND organisation_id <> $2`,
        [domains, organisationId],
      );
      if (clash.length)
        throw new ProblemException(
          409,
          'DUPLICATE',
          'Domain already used',
          `These domains belong to another organisation's provider: ${clash.map((c) => c.domain).join(', ')}.`,
          { domains: clash.map((c) => c.domain) },
        );
      const issuer = dto.issuer.trim().replace(/\/$/, '');
      const passwordAllowed = dto.passwordAllowed ?? current?.password_allowed ?? true;
      const createAccounts = dto.createAccounts ?? current?.create_accounts ?? false;
      const values = [
        organisationId,
        issuer,
        dto.clientId.trim(),
        secret
          ? this.box.seal(secret, secretContext(organisationId))
          : (current?.client_secret_sealed ?? ''),
        dto.emailClaim?.trim() || 'email',
        passwordAllowed,
        createAccounts,
        (dto.mfaAcrValues ?? current?.mfa_acr_values ?? []).map((v) => v.trim()).filter(Boolean),
      ];
      await queryRows(
        em,
        current
          ? `UPDATE organisation_identity_providers SET issuer = $2, client_id = $3, client_secret_sealed = $4,
               email_claim = $5, password_allowed = $6, create_accounts = $7, mfa_acr_values = $8,
               version = version + 1, updated_at = now() WHERE organisation_id = $1`
          : `INSERT INTO organisation_identity_providers (organisation_id, issuer, client_id, client_secret_sealed,
               email_claim, password_allowed, create_accounts, mfa_acr_values)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        values,
      );
      await queryRows(em, `DELETE FROM identity_provider_domains WHERE organisation_id = $1`, [
        organisationId,
      ]);
      await queryRows(
        em,
        `INSERT INTO identity_provider_domains (domain, organisation_id) SELECT unnest($1::text[]), $2`,
        [domains, organisationId],
      );
      await this.events?.record(
        {
          action: 'organisation.identity_provider.save',
          by: actor,
          details: {
            organisationId,
            issuer,
            domains,
            passwordAllowed,
            createAccounts,
            secretChanged: Boolean(secret),
          },
        },
        em,
      );
      return view((await this.row(em, organisationId)) as ProviderRow);
    });
    this.oidc.forget();
    return saved;
  }

  /** Back to passwords only: the provider and its domains are removed. */
  async remove(actor: Actor, organisationId: string): Promise<void> {
    IdentityProvidersService.adminOnly(actor);
    await this.db.transaction(async (em) => {
      const gone = await queryRows<{ organisation_id: string }>(
        em,
        `DELETE FROM organisation_identity_providers WHERE organisation_id = $1 RETURNING organisation_id`,
        [organisationId],
      );
      if (!gone.length) throw Problems.notFound('Identity provider');
      await this.events?.record(
        { action: 'organisation.identity_provider.remove', by: actor, details: { organisationId } },
        em,
      );
    });
    this.oidc.forget();
  }

  /**
   * Where an address signs in: the provider of the organisation whose domain it is, or of the
   * account's own organisation. Null (a password) for employers and candidates, and for everyone
   * whose organisation has no provider.
   */
  async routeFor(email: string): Promise<ProviderRoute | null> {
    const address = email.trim().toLowerCase();
    const [row] = await queryRows<{
      organisation_id: string;
      name: string;
      password_allowed: boolean;
    }>(
      this.db,
      `WITH account AS (SELECT role, organisation_id FROM users WHERE email = $1)
       SELECT o.id AS organisation_id, o.name, p.password_allowed
         FROM organisations o JOIN organisation_identity_providers p ON p.organisation_id = o.id
        WHERE NOT EXISTS (SELECT 1 FROM account WHERE role <> ALL($3::text[]))
          AND (o.id IN (SELECT organisation_id FROM identity_provider_domains WHERE domain = $2)
               OR o.id IN (SELECT a.organisation_id FROM account a
                             JOIN organisation_identity_providers p ON p.organisation_id = a.organisation_id))
        LIMIT 1`,
      [address, domainOf(address) ?? '', STAFF_ROLES],
    );
    return row
      ? {
          organisationId: row.organisation_id,
          organisationName: row.name,
          passwordAllowed: row.password_allowed,
        }
      : null;
  }

  /**
   * Whether this account may sign in with a password: not when it is staff of an organisation that
   * signs in only through its provider (then the provider's route, for the page).
   */
  async passwordRefusedFor(email: string): Promise<ProviderRoute | null> {
    const [row] = await queryRows<{ organisation_id: string; name: string }>(
      this.db,
      `SELECT o.id AS organisation_id, o.name
         FROM users u JOIN organisations o ON o.id = u.organisation_id
        WHERE u.email = $1 AND ${passwordRefusedSql('u')}`,
      [email.trim().toLowerCase()],
    );
    return row
      ? { organisationId: row.organisation_id, organisationName: row.name, passwordAllowed: false }
      : null;
  }

  /** The client's settings with the secret opened, for the flow only; null when none is set. */
  async clientSettings(organisationId: string): Promise<ProviderClientSettings | null> {
    const row = await this.row(this.db, organisationId);
    if (!row) return null;
    return {
      issuer: row.issuer,
      clientId: row.client_id,
      clientSecret: this.box.open(row.client_secret_sealed, secretContext(organisationId)),
    };
  }

  /**
   * Who a checked ID token lets in to `organisationId`: the account with the address from the
   * configured claim, if the rules allow (decideAccount). An invited account is activated (the
   * invitation is used up); a new werkmakelaar is made only when the organisation asked for that.
   * Throws OidcRefused with the reason otherwise; `email` on it for the audit line.
   */
  async signIn(organisationId: string, claims: IdTokenClaims): Promise<OidcSignedIn> {
    return this.db.transaction(async (em) => {
      const settings = await this.row(em, organisationId);
      if (!settings) throw new OidcRefused('provider_unreachable', 'provider removed');
      const email = emailFromClaims(claims, settings.email_claim);
      if (!email) throw new OidcRefused('no_email');
      const [account] = await queryRows<{
        id: string;
        organisation_id: string;
        role: Role;
        active: boolean;
        invitation_open: boolean;
      }>(
        em,
        `SELECT u.id, u.organisation_id, u.role, u.active,
                EXISTS (SELECT 1 FROM auth_links l WHERE l.user_id = u.id AND l.purpose = 'invite'
                           AND l.used_at IS NULL AND l.expires_at > now()) AS invitation_open
           FROM users u WHERE u.email = $1 FOR UPDATE OF u`,
        [email],
      );
      const decision = decideAccount({
        email,
        organisationId,
        domains: settings.domains ?? [],
        createAccounts: settings.create_accounts,
        account: account
          ? {
              id: account.id,
              organisationId: account.organisation_id,
              role: account.role,
              active: account.active,
              invitationOpen: account.invitation_open,
            }
          : null,
      });
      const mfa = mfaReported(claims, settings.mfa_acr_values);
      switch (decision.kind) {
        case 'refuse':
          throw new OidcRefused(decision.reason, email);
        case 'create': {
          const name =
            typeof claims.name === 'string' && claims.name.trim()
              ? claims.name.trim().slice(0, 120)
              : email.split('@')[0];
          const [made] = await queryRows<{ id: string }>(
            em,
            `INSERT INTO users (email, password_hash, role, organisation_id, display_name, active, last_signed_in_at)
             VALUES ($1, $2, 'werkmakelaar', $3, $4, true, NULL) RETURNING id`,
            // A password nobody knows: this account signs in through its provider (or sets one by mail).
            [
              email,
              await hashPassword(randomBytes(32).toString('base64url')),
              organisationId,
              name,
            ],
          );
          return {
            userId: (made as { id: string }).id,
            role: 'werkmakelaar',
            email,
            mfa,
            created: true,
          };
        }
        case 'sign-in': {
          if (decision.acceptInvitation) {
            await queryRows(
              em,
              `UPDATE users SET active = true, version = version + 1 WHERE id = $1`,
              [decision.userId],
            );
            await queryRows(
              em,
              `UPDATE auth_links SET used_at = now() WHERE user_id = $1 AND purpose = 'invite' AND used_at IS NULL`,
              [decision.userId],
            );
          }
          return {
            userId: decision.userId,
            role: (account as { role: Role }).role,
            email,
            mfa,
            created: false,
          };
        }
      }
    });
  }
}
