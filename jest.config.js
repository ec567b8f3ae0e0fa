/** Tests run against real PostgreSQL and Meilisearch started once by test/global-setup.ts. */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];

/**
 * ESM-only packages (openid-client and the two it builds on) are compiled to CommonJS for Jest,
 * whose module system cannot load ESM from node_modules; the compiled app loads them with Node's
 * own require(esm).
 */
const ESM_PACKAGES = ['openid-client', 'oauth4webapi', 'jose'];
const swcJs = [
  '@swc/jest',
  {
    jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' },
    module: { type: 'commonjs' },
  },
];

module.exports = {
  rootDir: '.',
  testEnvironment: 'node',
  testMatch: [
    '<rootDir>/libs/**/*.spec.ts',
    '<rootDir>/apps/**/*.spec.ts',
    '<rootDir>/libs/**/*.e2e-spec.ts',
    '<rootDir>/test/**/*.e2e-spec.ts',
  ],
  transform: { '^.+\\.ts$': swc, [`/node_modules/(${ESM_PACKAGES.join('|')})/.+\\.js$`]: swcJs },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_PACKAGES.join('|')})/)`],
  moduleNameMapper: { '^@werkbrug/([^/]+)$': '<rootDir>/libs/$1/src' },
  setupFiles: ['<rootDir>/test/support/quiet-logs.ts'],
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  // Generous: browser flows on a shared two-core machine have taken over a minute; a slow test
  // still fails on what it asserts, never on the clock alone.
  testTimeout: 180000,
  // A finished run exits even if a library leaves an idle socket or timer behind (seen with the
  // Meilisearch client's keep-alive polling); CI must never wait on that.
  forceExit: true,
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.werkbrug/', '<rootDir>/.test-stack/'],
};
