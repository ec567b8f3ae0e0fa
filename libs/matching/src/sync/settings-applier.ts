import type { MeiliSearch, Settings } from 'meilisearch';
import { ensureIndex, succeeded } from './meili-tasks';

/** Stable JSON: object keys sorted, so two equal settings compare equal whatever their key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Order does not matter for these settings; Meilisearch may hand them back sorted. */
const UNORDERED = new Set(['filterableAttributes', 'sortableAttributes', 'stopWords']);

function sameSetting(key: string, current: unknown, desired: unknown): boolean {
  if (UNORDERED.has(key) && Array.isArray(current) && Array.isArray(desired)) {
    return (
      canonical([...(current as unknown[])].sort()) ===
      canonical([...(desired as unknown[])].sort())
    );
  }
  if (key === 'synonyms' && current && desired) {
    const norm = (s: unknown) =>
      Object.fromEntries(
        Object.entries(s as Record<string, string[]>).map(([k, v]) => [k, [...v].sort()]),
      );
    return canonical(norm(current)) === canonical(norm(desired));
  }
  if (
    current &&
    desired &&
    typeof current === 'object' &&
    typeof desired === 'object' &&
    !Array.isArray(desired)
  ) {
    // Compare only the sub-keys we set (Meilisearch adds defaults for the others).
    return Object.entries(desired as Record<string, unknown>).every(([k, v]) =>
      sameSetting(k, (current as Record<string, unknown>)[k], v),
    );
  }
  return canonical(current) === canonical(desired);
}

/**
 * Applies settings idempotently: creates the index if needed, sends only the keys that differ,
 * and waits until Meilisearch reports the settings task as succeeded. Returns the keys it changed.
 */
export async function applySettings(
  client: MeiliSearch,
  uid: string,
  desired: Settings,
): Promise<string[]> {
  await ensureIndex(client, uid);
  const index = client.index(uid);
  const current = (await index.getSettings()) as Record<string, unknown>;
  const changed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(desired)) {
    if (!sameSetting(key, current[key], value)) changed[key] = value;
  }
  const keys = Object.keys(changed);
  if (keys.length) await succeeded(index.updateSettings(changed as Settings), 300_000);
  return keys;
}
