/**
 * The rules of a sign-in through an organisation's identity provider, without I/O: which claims
 * count as a second factor, which address the token names, and whether that address and its
 * account may sign in to this organisation. The callers (oidc-sign-in.service.ts, the web flow)
 * do the talking; every refusal has a stable reason for the audit line.
 */

/** Why a sign-in through an identity provider was refused: the audit line's `reason`. */
export const OIDC_REFUSALS = [
  /** The `state` in the callback is not the one this browser's session sent. */
  'wrong_state',
  /** The provider refused the code (already used, expired, or not made for this sign-in). */
  'code_rejected',
  /** The ID token was made for another client (`aud`/`azp`). */
  'wrong_audience',
  /** The ID token has expired or was issued too long ago (beyond the clock-skew tolerance). */
  'token_expired',
  /** Another check on the ID token failed (signature, issuer, nonce, …). */
  'token_invalid',
  /** The provider answered with an error instead of a code (the person cancelled, …). */
  'provider_refused',
  /** The provider (discovery, keys or token endpoint) did not answer. */
  'provider_unreachable',
  /** The token names no usable e-mail address in the configured claim. */
  'no_email',
  /** The address's domain is not one this organisation lists. */
  'domain_not_allowed',
  /** No account with this address, and accounts are not created on first sign-in. */
  'unknown_user',
  /** The account exists but is stopped. */
  'deactivated_user',
  /** The account belongs to another organisation. */
  'other_organisation',
  /** The organisation signs in only through its provider (the password route refuses its users). */
  'password_not_allowed',
] as const;
export type OidcRefusal = (typeof OIDC_REFUSALS)[number];

/** `amr` values (RFC 8176) that mean the provider checked more than one factor. */
export const MFA_AMR_VALUES = ['mfa', 'otp', 'hwk'] as const;

/** Whether the provider says it checked a second factor: an `amr` listed above or a listed `acr`. */
export function mfaReported(
  claims: { amr?: unknown; acr?: unknown },
  mfaAcrValues: readonly string[],
): boolean {
  const amr = Array.isArray(claims.amr) ? claims.amr.filter((v) => typeof v === 'string') : [];
  if (amr.some((v) => (MFA_AMR_VALUES as readonly string[]).includes(v))) return true;
  return typeof claims.acr === 'string' && mfaAcrValues.includes(claims.acr);
}

const EMAIL = /^[^\s@]+@([^\s@]+\.[^\s@]+)$/;

/** The domain of an address, lower case; null when it is not an address. */
export function domainOf(email: string): string | null {
  const m = EMAIL.exec(email.trim().toLowerCase());
  return m ? (m[1] as string) : null;
}

/**
 * The address in the configured claim, lower case; null when the claim is missing, is not an
 * address, or the provider says it did not verify it (`email_verified: false`).
 */
export function emailFromClaims(claims: Record<string, unknown>, claim: string): string | null {
  const value = claims[claim];
  if (typeof value !== 'string' || value.length > 254 || !domainOf(value)) return null;
  if (claim === 'email' && claims.email_verified === false) return null;
  return value.trim().toLowerCase();
}

/** Domains as an administrator types them ("gemeente.nl, @wsw.nl"): lower case, no "@", unique. */
export function parseDomains(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,;]+/)
        .map((d) => d.trim().toLowerCase().replace(/^@/, ''))
        .filter(Boolean),
    ),
  ];
}

export const DOMAIN = /^(?=.{3,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** The account a token's address found (null: none), as the decision needs it. */
export interface AccountFound {
  id: string;
  organisationId: string;
  role: string;
  active: boolean;
  /** Not active yet, with an invitation that still runs: signing in accepts it. */
  invitationOpen: boolean;
}

export type AccountDecision =
  | { kind: 'sign-in'; userId: string; acceptInvitation: boolean }
  | { kind: 'create' }
  | { kind: 'refuse'; reason: OidcRefusal };

/**
 * Whether the address from a valid token may sign in to `organisationId`: only an address in one
 * of its domains, only an account of that organisation that is active (or invited), and a new
 * werkmakelaar account only when the organisation asked for that.
 */
export function decideAccount(input: {
  email: string;
  organisationId: string;
  domains: readonly string[];
  createAccounts: boolean;
  account: AccountFound | null;
}): AccountDecision {
  const domain = domainOf(input.email);
  if (!domain || !input.domains.includes(domain))
    return { kind: 'refuse', reason: 'domain_not_allowed' };
  const account = input.account;
  if (!account)
    return input.createAccounts ? { kind: 'create' } : { kind: 'refuse', reason: 'unknown_user' };
  if (account.organisationId !== input.organisationId)
    return { kind: 'refuse', reason: 'other_organisation' };
  if (account.active) return { kind: 'sign-in', userId: account.id, acceptInvitation: false };
  if (account.invitationOpen)
    return { kind: 'sign-in', userId: account.id, acceptInvitation: true };
  return { kind: 'refuse', reason: 'deactivated_user' };
}
