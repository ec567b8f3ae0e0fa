import {
  ConfigError,
  loadConfig,
  loadLauncherConfig,
  loadMetricsConfig,
  loadOutboxConfig,
} from './app-config';

const BASE = {
  DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/w',
  MEILI_URL: 'http://127.0.0.1:7700',
};

function problemsOf(
  env: NodeJS.ProcessEnv,
  load: (env: NodeJS.ProcessEnv) => unknown = loadConfig,
) {
  try {
    load(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe('loadConfig', () => {
  it('has sane defaults', () => {
    const c = loadConfig({ ...BASE });
    expect({
      port: c.port,
      host: c.host,
      tokenCacheMs: c.tokenCacheMs,
      databasePoolSize: c.databasePoolSize,
      outbox: c.outbox,
      geocoderUrl: c.geocoderUrl,
      env: c.env,
    }).toEqual({
      port: 3000,
      host: '127.0.0.1',
      tokenCacheMs: 5000,
      databasePoolSize: 20,
      outbox: {
        batchSize: 200,
        baseDelayMs: 1000,
        maxDelayMs: 60_000,
        maxAttempts: 50,
        leaseMs: 120_000,
        idlePollMs: 100,
        heartbeatMs: 2000,
        deadAfterMs: 10_000,
        probeMs: 500,
      },
      geocoderUrl: null,
      env: 'development',
    });
  });

  it.each<[string, NodeJS.ProcessEnv, (c: ReturnType<typeof loadConfig>) => unknown, unknown]>([
    ['PORT', { PORT: '8080' }, (c) => c.port, 8080],
    ['PORT 0 (any free port)', { PORT: '0' }, (c) => c.port, 0],
    ['HOST', { HOST: '0.0.0.0' }, (c) => c.host, '0.0.0.0'],
    ['HOST IPv6', { HOST: '::1' }, (c) => c.host, '::1'],
    ['TOKEN_CACHE_MS 0 turns it off', { TOKEN_CACHE_MS: '0' }, (c) => c.tokenCacheMs, 0],
    ['DATABASE_POOL_SIZE', { DATABASE_POOL_SIZE: '5' }, (c) => c.databasePoolSize, 5],
    ['OUTBOX_BATCH_SIZE', { OUTBOX_BATCH_SIZE: '50' }, (c) => c.outbox.batchSize, 50],
    ['OUTBOX_LEASE_MS', { OUTBOX_LEASE_MS: '5000' }, (c) => c.outbox.leaseMs, 5000],
    ['OUTBOX_HEARTBEAT_MS', { OUTBOX_HEARTBEAT_MS: '250' }, (c) => c.outbox.heartbeatMs, 250],
    [
      'OUTBOX_DEAD_AFTER_MS',
      { OUTBOX_DEAD_AFTER_MS: '30000' },
      (c) => c.outbox.deadAfterMs,
      30_000,
    ],
    ['OUTBOX_PROBE_MS', { OUTBOX_PROBE_MS: '100' }, (c) => c.outbox.probeMs, 100],
    [
      'GEOCODER_URL',
      { GEOCODER_URL: 'http://127.0.0.1:9/v3_1' },
      (c) => c.geocoderUrl,
      'http://127.0.0.1:9/v3_1',
    ],
    [
      'CORS_ORIGINS list',
      { CORS_ORIGINS: 'https://a.nl, https://b.nl' },
      (c) => c.corsOrigins,
      ['https://a.nl', 'https://b.nl'],
    ],
    ['NODE_ENV unknown is development', { NODE_ENV: 'staging' }, (c) => c.env, 'development'],
    ['LOG_LEVEL silent in tests', { NODE_ENV: 'test' }, (c) => c.logLevel, 'silent'],
  ])('reads %s', (_name, env, read, expected) => {
    expect(read(loadConfig({ ...BASE, ...env }))).toEqual(expected);
  });

  it.each<[NodeJS.ProcessEnv, string]>([
    [{ PORT: 'drie' }, 'PORT must be a whole number from 0 to 65535 (got "drie")'],
    [{ PORT: '3000.5' }, 'PORT must be a whole number from 0 to 65535 (got "3000.5")'],
    [
      { TOKEN_CACHE_MS: 'NaN' },
      'TOKEN_CACHE_MS must be a whole number from 0 to 3600000 (got "NaN")',
    ],
    [
      { TOKEN_CACHE_MS: '-1' },
      'TOKEN_CACHE_MS must be a whole number from 0 to 3600000 (got "-1")',
    ],
    [
      { DATABASE_POOL_SIZE: '1e9' },
      'DATABASE_POOL_SIZE must be a whole number from 1 to 1000 (got "1e9")',
    ],
    [
      { OUTBOX_MAX_ATTEMPTS: '0' },
      'OUTBOX_MAX_ATTEMPTS must be a whole number from 1 to 10000 (got "0")',
    ],
    [
      { OUTBOX_LEASE_MS: '10' },
      'OUTBOX_LEASE_MS must be a whole number from 1000 to 86400000 (got "10")',
    ],
    [
      { OUTBOX_RETRY_BASE_MS: '5000', OUTBOX_RETRY_MAX_MS: '1000' },
      'OUTBOX_RETRY_BASE_MS must not exceed OUTBOX_RETRY_MAX_MS',
    ],
    [
      { OUTBOX_HEARTBEAT_MS: '5000', OUTBOX_DEAD_AFTER_MS: '6000' },
      'OUTBOX_DEAD_AFTER_MS must be at least twice OUTBOX_HEARTBEAT_MS',
    ],
    [
      { OUTBOX_PROBE_MS: 'soon' },
      'OUTBOX_PROBE_MS must be a whole number from 10 to 3600000 (got "soon")',
    ],
    [{ HOST: 'http://x' }, 'HOST must be a host name or IP address (got "http://x")'],
    [{ GEOCODER_URL: 'ftp://pdok' }, 'GEOCODER_URL must use http: or https: (got ftp:)'],
    [{ GEOCODER_URL: 'pdok' }, 'GEOCODER_URL is not a valid URL'],
    [{ DATABASE_URL: '' }, 'DATABASE_URL is required (or run through "npm start", which sets it)'],
    [{ MEILI_URL: 'redis://x' }, 'MEILI_URL must use http: or https: (got redis:)'],
    [{ SMTP_URL: 'http://x' }, 'SMTP_URL must use smtp: or smtps: (got http:)'],
    [
      { MEILI_INDEX_PREFIX: 'Test!' },
      'MEILI_INDEX_PREFIX may hold only a-z, 0-9, _ and - (at most 40)',
    ],
    [{ CORS_ORIGINS: '*' }, 'CORS_ORIGINS entry "*" is not an origin'],
    [{ RETENTION_YEARS: '31' }, 'RETENTION_YEARS must be a whole number from 1 to 30 (got "31")'],
    [{ LOG_FORMAT: 'yaml' }, 'LOG_FORMAT must be json or pretty (got "yaml")'],
  ])('refuses %j', (env, problem) => {
    expect(problemsOf({ ...BASE, ...env })).toEqual([problem]);
  });

  it('lists every problem at once', () => {
    expect(problemsOf({ PORT: 'x', TOKEN_CACHE_MS: 'y' })).toHaveLength(4);
  });
});

describe('loadOutboxConfig, loadLauncherConfig and loadMetricsConfig stand alone', () => {
  it.each<[(env: NodeJS.ProcessEnv) => unknown, NodeJS.ProcessEnv, string[]]>([
    [loadOutboxConfig, {}, []],
    [
      loadOutboxConfig,
      { OUTBOX_POLL_MS: '1,5' },
      ['OUTBOX_POLL_MS must be a whole number from 1 to 60000 (got "1,5")'],
    ],
    [loadLauncherConfig, {}, []],
    [
      loadLauncherConfig,
      { WERKBRUG_MEILI_PORT: '77000' },
      ['WERKBRUG_MEILI_PORT must be a whole number from 1 to 65535 (got "77000")'],
    ],
    [
      loadLauncherConfig,
      { BACKUP_KEEP_DAYS: 'month' },
      ['BACKUP_KEEP_DAYS must be a whole number from 1 to 36500 (got "month")'],
    ],
    [
      loadLauncherConfig,
      { MEILI_MAX_INDEXING_MEMORY: 'lots' },
      ['MEILI_MAX_INDEXING_MEMORY must be a size such as 256MiB or 2GiB (got "lots")'],
    ],
    [loadLauncherConfig, { MEILI_MAX_INDEXING_MEMORY: '2GiB' }, []],
    [loadLauncherConfig, { WERKBRUG_WATCHDOG_SECONDS: '0' }, []],
    [
      loadLauncherConfig,
      { WERKBRUG_WATCHDOG_SECONDS: '1.5' },
      ['WERKBRUG_WATCHDOG_SECONDS must be a whole number from 0 to 3600 (got "1.5")'],
    ],
    [loadLauncherConfig, { MEILI_MAX_INDEXING_MEMORY: '1073741824' }, []],
    [
      loadLauncherConfig,
      { MEILI_BINARY: 'meilisearch', WERKBRUG_PG_RUNTIME_DIR: 'var/pg' },
      [
        'WERKBRUG_PG_RUNTIME_DIR must be an absolute path (got "var/pg")',
        'MEILI_BINARY must be an absolute path (got "meilisearch")',
      ],
    ],
    [(env) => loadMetricsConfig('METRICS_PORT', env), {}, []],
    [
      (env) => loadMetricsConfig('METRICS_PORT', env),
      { METRICS_PORT: '9100x' },
      ['METRICS_PORT must be a whole number from 0 to 65535 (got "9100x")'],
    ],
    [
      (env) => loadMetricsConfig('WORKER_METRICS_PORT', env),
      { WORKER_METRICS_PORT: '9101', METRICS_HOST: 'http://0.0.0.0' },
      ['METRICS_HOST must be a host name or IP address (got "http://0.0.0.0")'],
    ],
  ])('%#', (load, env, problems) => {
    expect(problemsOf(env, load)).toEqual(problems);
  });

  it('resolves the data folder and ports', () => {
    expect(loadLauncherConfig({ WERKBRUG_DATA_DIR: '/tmp/x', WERKBRUG_PG_PORT: '6000' })).toEqual({
      port: 3000,
      dataDir: '/tmp/x',
      pgPort: 6000,
      meiliPort: 7700,
      pgRuntimeDir: null,
      meiliBinary: null,
      meiliMaxIndexingMemory: '256MiB',
      backupKeepDays: 35,
      watchdogSeconds: 15,
    });
    expect(loadMetricsConfig('METRICS_PORT', {})).toBeNull();
    expect(loadMetricsConfig('WORKER_METRICS_PORT', { WORKER_METRICS_PORT: '9101' })).toEqual({
      port: 9101,
      host: '127.0.0.1',
      token: null,
    });
  });
});
