import { createHash, createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/**
 * Signed links that work without logging in (the unsubscribe link in an alert). The token names the
 * subscription and carries an HMAC over it and a nonce that changes at every opt-in, so an old link
 * stops working once the candidate subscribes again; nothing in it is personal data.
 */
export class LinkSigner {
  private readonly key: Buffer;

  constructor(secretMaterial: string) {
    // A key of its own for this purpose, even when derived from secrets that exist for other reasons.
    this.key = Buffer.from(
      hkdfSync('sha256', secretMaterial, 'werkbrug', 'werkbrug:link-signing:v1', 32),
    );
  }

  private mac(purpose: string, id: string, nonce: string): string {
    return createHmac('sha256', this.key).update(`${purpose}\n${id}\n${nonce}`).digest('base64url');
  }

  sign(purpose: string, id: string, nonce: string): string {
    return `${id}.${this.mac(purpose, id, nonce)}`;
  }

  /** The id the token names, before its MAC is checked (the nonce is looked up by it). */
  static idOf(token: string): string | null {
    const match = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/.exec(token);
    return match ? match[1]! : null;
  }

  verify(purpose: string, token: string, nonce: string): boolean {
    const id = LinkSigner.idOf(token);
    if (!id) return false;
    const expected = Buffer.from(this.sign(purpose, id, nonce));
    const given = Buffer.from(token);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }
}

/** LINK_SECRET when set; else derived from the database and search credentials every deployment has. */
export const linkSecretMaterial = (config: {
  linkSecret: string | null;
  databaseUrl: string;
  meiliKey: string;
}) =>
  config.linkSecret ??
  createHash('sha256').update(`${config.databaseUrl}\n${config.meiliKey}`).digest('base64');
