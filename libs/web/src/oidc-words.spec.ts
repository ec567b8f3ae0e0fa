import { OIDC_REFUSALS } from '@werkbrug/auth';
import { OIDC_REFUSAL_WORDS } from './oidc-words';

describe('OIDC_REFUSAL_WORDS', () => {
  it.each(OIDC_REFUSALS.map((r) => [r]))('%s has Dutch words for the person', (reason) => {
    const words = OIDC_REFUSAL_WORDS[reason];
    expect(words.title).toMatch(/^[A-Z]/);
    expect(words.paragraphs.length).toBeGreaterThan(0);
    // The reason's code never reaches the page.
    expect(JSON.stringify(words)).not.toContain(reason);
    expect(JSON.stringify(words)).not.toMatch(/\b(token|state|audience|error)\b/i);
  });

  it('an unreachable provider is a 503, not a 500', () => {
    expect(OIDC_REFUSAL_WORDS.provider_unreachable.status).toBe(503);
  });
});
