import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
// ESM-only; Node ≥ 20.19 loads it with require() (the compiled CommonJS), Jest compiles it
// (jest.config.js, ESM_PACKAGES).
import * as client from 'openid-client';
import type { OidcRefusal } from './oidc-rules';

/** What the provider told us about the person, once openid-client has checked the ID token. */
export type IdTokenClaims = Record<string, unknown>;

/** A provider's settings as the client needs them (the secret opened). */
export interface ProviderClientSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
}

/** The values a sign-in keeps server-side while the browser is at the provider. */
export interface PendingOidc {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** A refusal the flow words for the person and writes to the audit trail. */
export class OidcRefused extends Error {
  constructor(
    readonly reason: OidcRefusal,
    readonly detail?: string,
  ) {
    super(
      `sign-in through the identity provider refused: ${reason}${detail ? ` (${detail})` : ''}`,
    );
  }
}

/** Clock difference between Werkbrug and the provider that an ID token may show (seconds). */
export const CLOCK_TOLERANCE_S = 60;
/** How long a provider's discovery document is reused before it is fetched again. */
const DISCOVERY_TTL_MS = 10 * 60_000;
/** How long one request to a provider may take. */
const REQUEST_TIMEOUT_S = 10;

const isLoopback = (url: URL) =>
  url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';

/** What went wrong, from openid-client's (oauth4webapi's) errors. */
export function refusalOf(error: unknown): OidcRefusal {
  if (error instanceof OidcRefused) return error.reason;
  if (error instanceof client.AuthorizationResponseError) return 'provider_refused';
  if (error instanceof client.ResponseBodyError)
    return error.error === 'invalid_grant' ? 'code_rejected' : 'provider_unreachable';
  const e = error as {
    code?: unknown;
    cause?: { claim?: unknown; cause?: { claim?: unknown } };
    name?: unknown;
  };
  // openid-client wraps oauth4webapi's error (ClientError, same code); the claim is on the cause.
  const claim = e.cause?.claim ?? e.cause?.cause?.claim;
  if (e.code === 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED')
    return claim === 'exp' || claim === 'iat' ? 'token_expired' : 'token_invalid';
  if (e.code === 'OAUTH_JWT_CLAIM_COMPARISON_FAILED')
    return claim === 'aud' || claim === 'azp' ? 'wrong_audience' : 'token_invalid';
  if (
    e.name === 'TimeoutError' ||
    e.name === 'AbortError' ||
    (error instanceof TypeError && /fetch failed/i.test(error.message)) ||
    e.code === 'OAUTH_RESPONSE_IS_NOT_JSON' ||
    e.code === 'OAUTH_RESPONSE_IS_NOT_CONFORM'
  )
    return 'provider_unreachable';
  return 'token_invalid';
}

/**
 * The OpenID Connect relying party, on openid-client (certified): discovery, the authorization
 * code flow with PKCE (S256), `state` and `nonce`, and the ID token's checks (signature, issuer,
 * audience, expiry with CLOCK_TOLERANCE_S, nonce). Nothing of the flow is written by hand here.
 * Plain http is accepted only for a provider on this machine (the tests' provider).
 */
@Injectable()
export class OidcClient {
  private readonly configs = new Map<
    string,
    { at: number; config: Promise<client.Configuration> }
  >();

  private configuration(settings: ProviderClientSettings): Promise<client.Configuration> {
    const key = createHash('sha256')
      .update(`${settings.issuer}\n${settings.clientId}\n${settings.clientSecret}`)
      .digest('base64');
    const cached = this.configs.get(key);
    if (cached && Date.now() - cached.at < DISCOVERY_TTL_MS) return cached.config;
    const issuer = new URL(settings.issuer);
    const config = client.discovery(
      issuer,
      settings.clientId,
      { [client.clockTolerance]: CLOCK_TOLERANCE_S },
      client.ClientSecretBasic(settings.clientSecret),
      {
        timeout: REQUEST_TIMEOUT_S,
        ...(issuer.protocol === 'http:' && isLoopback(issuer)
          ? { execute: [client.allowInsecureRequests] }
          : {}),
      },
    );
    this.configs.set(key, { at: Date.now(), config });
    // A failed discovery is not kept: the next sign-in asks again.
    config.catch(() => this.configs.delete(key));
    return config;
  }

  /** Forgets a provider's discovery (its settings changed). */
  forget(): void {
    this.configs.clear();
  }

  /** The provider's authorization URL for a new sign-in, and what to keep until the callback. */
  async start(
    settings: ProviderClientSettings,
    redirectUri: string,
    loginHint: string | null,
  ): Promise<{ url: string; pending: PendingOidc }> {
    let config: client.Configuration;
    try {
      config = await this.configuration(settings);
    } catch (error) {
      throw new OidcRefused('provider_unreachable', String((error as Error).message ?? error));
    }
    const pending: PendingOidc = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      codeVerifier: client.randomPKCECodeVerifier(),
    };
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: 'openid email',
      response_type: 'code',
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(pending.codeVerifier),
      code_challenge_method: 'S256',
      ...(loginHint ? { login_hint: loginHint } : {}),
    });
    return { url: url.href, pending };
  }

  /**
   * The callback: exchanges the code (with the PKCE verifier) and checks the ID token; returns its
   * claims, or throws OidcRefused with the reason.
   */
  async finish(
    settings: ProviderClientSettings,
    callbackUrl: URL,
    pending: PendingOidc,
  ): Promise<IdTokenClaims> {
    try {
      const config = await this.configuration(settings);
      const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims) throw new OidcRefused('token_invalid', 'no ID token');
      return { ...claims };
    } catch (error) {
      if (error instanceof OidcRefused) throw error;
      throw new OidcRefused(refusalOf(error), String((error as Error)?.message ?? error));
    }
  }
}
