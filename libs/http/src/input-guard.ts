import type { FieldError } from './problem';

export const MAX_INPUT_DEPTH = 12;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Rules for all input, before any DTO sees it: no NUL bytes or broken UTF-16 (PostgreSQL and validators
 * choke on them), no null (omit a field instead), no prototype keys, and a bounded nesting depth.
 * Returns the first problem found, or null.
 */
export function inspectInput(value: unknown, path = '', depth = 0): FieldError | null {
  const field = path || 'body';
  if (depth > MAX_INPUT_DEPTH)
    return { field, message: `nested more than ${MAX_INPUT_DEPTH} levels deep` };
  if (value === null) return { field, message: 'null is not allowed; leave the field out instead' };
  if (typeof value === 'string') {
    if (value.includes('\u0000')) return { field, message: 'must not contain NUL characters' };
    if (LONE_SURROGATE.test(value)) return { field, message: 'is not valid Unicode text' };
    return null;
  }
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const problem = inspectInput(item, `${path}.${i}`.replace(/^\./, ''), depth + 1);
      if (problem) return problem;
    }
    return null;
  }
  if (typeof value === 'object') {
    for (const key of Object.keys(value as object)) {
      const child = path ? `${path}.${key}` : key;
      if (FORBIDDEN_KEYS.has(key)) return { field: child, message: `unknown field "${key}"` };
      const keyProblem = inspectInput(key, child, depth + 1);
      if (keyProblem) return { field: child, message: `field name ${keyProblem.message}` };
      const problem = inspectInput((value as Record<string, unknown>)[key], child, depth + 1);
      if (problem) return problem;
    }
  }
  return null;
}
