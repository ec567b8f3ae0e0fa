import { findOverlap } from '@werkbrug/domain';
import { SEED_RULE_VERSIONS } from './instruments.seed';

describe('the seeded instrument rule versions', () => {
  const byRule = new Map<string, typeof SEED_RULE_VERSIONS>();
  for (const v of SEED_RULE_VERSIONS) {
    const key = `${v.instrumentCode} ${v.scope} ${v.scopeRef ?? ''}`;
    byRule.set(key, [...(byRule.get(key) ?? []), v]);
  }

  it.each([...byRule.keys()])('%s: versions follow each other without overlap', (key) => {
    expect(findOverlap(byRule.get(key) ?? [])).toBeNull();
  });
});
