/** Only the unit tests (`*.spec.ts` next to the code): no PostgreSQL, no Meilisearch, a few seconds. */
// CommonJS, like jest.config.js, which it extends.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const base = require('./jest.config.js');

module.exports = {
  ...base,
  testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts'],
  globalSetup: undefined,
  globalTeardown: undefined,
};
