import { totpCode, TOTP_PERIOD_SECONDS } from '@werkbrug/auth';
import { DEMO_TOTP_SECRET } from '../demo/seed-demo';

/**
 * `totp [--secret S]`: the current code of a TOTP secret (default: the demo werkmakelaars'), for
 * the demo walkthrough and scripts without a phone at hand.
 */
export function totpCommand(flags: Map<string, string | true>): Promise<void> {
  const given = flags.get('secret');
  const secret = (typeof given === 'string' ? given : DEMO_TOTP_SECRET)
    .replace(/\s+/g, '')
    .toUpperCase();
  const left = TOTP_PERIOD_SECONDS - (Math.floor(Date.now() / 1000) % TOTP_PERIOD_SECONDS);
  console.log(totpCode(secret));
  console.error(`(valid for ${left} more seconds)`);
  return Promise.resolve();
}
