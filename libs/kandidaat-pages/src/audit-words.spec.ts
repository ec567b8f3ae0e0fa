import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { AUDIT_ACTION_WORDS } from './plain-words';

const LIBS = path.join(__dirname, '..', '..');

/** Actions written about something other than a candidate: they never show on a candidate's page. */
const NOT_ABOUT_A_CANDIDATE = new Set([
  'instrument.rule_version.create',
  // A werksoort merge moves wishes of many candidates; its line names no candidate.
  'werksoort.merge',
  // An import read the organisation's files to compare with its file (one line per import job).
  'import.compare',
  // Sessions of an account that ended (libs/web session-ends.ts): about the account, not a file.
  'session.end',
  // Sign-in through the organisation's identity provider, and its settings (no candidate).
  'organisation.identity_provider.save',
  'organisation.identity_provider.remove',
  'sign_in.oidc',
  'sign_in.oidc_refused',
  // Signing in (libs/auth second factor): about an account, never a candidate's file.
  'auth.sign_in',
  'auth.second_factor_failed',
  'auth.recovery_code_used',
  'auth.second_factor_enrolled',
  'auth.second_factor_reset',
  // Who made, invited or changed whose account (libs/auth users): about an account.
  'user.create',
  'user.invite',
  'user.invite_resend',
  'user.update',
]);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return name === 'node_modules' ? [] : sources(file);
    return /\.ts$/.test(name) && !/\.(e2e-)?spec\.ts$/.test(name) ? [file] : [];
  });
}

describe('the candidate’s audit trail in words', () => {
  it('has B1 words for every action the code writes to the audit log', () => {
    const actions = new Set<string>();
    for (const file of sources(LIBS))
      for (const [, action] of readFileSync(file, 'utf8').matchAll(/action: '([a-z_.]+)'/g))
        actions.add(action);
    expect(actions.size).toBeGreaterThan(10);
    const missing = [...actions].filter(
      (a) => !NOT_ABOUT_A_CANDIDATE.has(a) && !(a in AUDIT_ACTION_WORDS),
    );
    expect(missing).toEqual([]);
  });
});
