import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in through an organisation's own identity provider (OpenID Connect; libs/auth
 * identity-providers.service.ts). One provider per organisation; each e-mail domain belongs to at
 * most one organisation, so the sign-in page knows where an address goes. The client secret is kept
 * sealed with the server's key (never in clear text, never shown back). The web session keeps the
 * state, nonce and PKCE verifier of a sign-in on its way to the provider (server-side only).
 */
export class OrganisationIdentityProviders1796110000000 implements MigrationInterface {
  name = 'OrganisationIdentityProviders1796110000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE organisation_identity_providers (
      organisation_id uuid PRIMARY KEY REFERENCES organisations(id) ON DELETE CASCADE,
      issuer text NOT NULL,
      client_id text NOT NULL,
      client_secret_sealed text NOT NULL,
      email_claim text NOT NULL DEFAULT 'email',
      password_allowed boolean NOT NULL DEFAULT true,
      create_accounts boolean NOT NULL DEFAULT false,
      mfa_acr_values text[] NOT NULL DEFAULT '{}',
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz(3) NOT NULL DEFAULT now(),
      updated_at timestamptz(3) NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE identity_provider_domains (
      domain text PRIMARY KEY CHECK (domain = lower(domain) AND domain <> ''),
      organisation_id uuid NOT NULL
        REFERENCES organisation_identity_providers(organisation_id) ON DELETE CASCADE
    )`);
    await q.query(
      `CREATE INDEX identity_provider_domains_organisation ON identity_provider_domains (organisation_id)`,
    );
    await q.query(`ALTER TABLE web_sessions ADD COLUMN oidc_pending jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE web_sessions DROP COLUMN oidc_pending`);
    await q.query(`DROP TABLE identity_provider_domains`);
    await q.query(`DROP TABLE organisation_identity_providers`);
  }
}
