import { isIP } from 'node:net';
import path from 'node:path';

/** Outbox worker tuning (OUTBOX_*). */
export interface OutboxConfig {
  batchSize: number;
  /** First retry delay; doubles per attempt up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** After this many attempts a message is parked as dead, visible for an operator. */
  maxAttempts: number;
  /** How long a claimed message stays invisible to other workers (crash recovery). */
  leaseMs: number;
  idlePollMs: number;
  /** How often a started worker writes its heartbeat row. */
  heartbeatMs: number;
  /** A worker whose heartbeat is older than this is gone: its claimed rows are claimable at once. */
  deadAfterMs: number;
  /** How often a topic in back-off asks its peer whether it answers again. */
  probeMs: number;
}

export interface AppConfig {
  env: 'development' | 'test' | 'production';
  port: number;
  /** Interface the API listens on (HOST, default loopback). */
  host: string;
  dataDir: string;
  databaseUrl: string;
  meiliUrl: string;
  meiliKey: string;
  /** Prefix for Meilisearch index uids, so tests and deployments can share one server. */
  meiliIndexPrefix: string;
  smtpUrl: string | null;
  mailFrom: string;
  publicUrl: string;
  tokenTtlHours: number;
  /** How long a resolved bearer token is remembered in the process (TOKEN_CACHE_MS; 0 = off). */
  tokenCacheMs: number;
  /** PostgreSQL connections per process (DATABASE_POOL_SIZE). */
  databasePoolSize: number;
  outbox: OutboxConfig;
  /** PDOK Locatieserver (or compatible) base URL; null = only the embedded postcode table. */
  geocoderUrl: string | null;
  corsOrigins: string[];
  logLevel: string;
  /** LOG_FORMAT: json or pretty; null = pretty on a terminal, JSON otherwise. */
  logFormat: 'json' | 'pretty' | null;
  adminEmail: string | null;
  adminPassword: string | null;
  /** Years after the end of a trajectory before a candidate file is anonymised (AVG storage limit). */
  retentionYears: number;
  /** Ids of erased candidates (no personal data), replayed after a restore of an older backup. */
  erasureLogFile: string;
  /** Key for signed links in e-mail (unsubscribe); without it one is derived from the server secrets. */
  linkSecret: string | null;
  /**
   * WERKBRUG_SECRET_KEY: the key (≥ 32 characters) that seals stored secrets (secret-box.ts); null =
   * the data folder's generated key, else one derived from the server secrets.
   */
  secretKey: string | null;
  /**
   * Proxies whose X-Forwarded-For is believed (Express "trust proxy": addresses, CIDRs, or
   * loopback/linklocal/uniquelocal). Empty (the default): none, the socket address is the client.
   */
  trustProxy: string[];
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

function intFrom(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  problems: string[],
  min = 1,
  max = 65535,
): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
    return fallback;
  }
  return value;
}

/** The OUTBOX_* settings alone (the outbox processor reads them without the rest of the config). */
export function outboxConfigFrom(env: NodeJS.ProcessEnv, problems: string[]): OutboxConfig {
  const maxMs = 24 * 3600_000;
  const config: OutboxConfig = {
    batchSize: intFrom(env, 'OUTBOX_BATCH_SIZE', 200, problems, 1, 10_000),
    baseDelayMs: intFrom(env, 'OUTBOX_RETRY_BASE_MS', 1000, problems, 1, maxMs),
    maxDelayMs: intFrom(env, 'OUTBOX_RETRY_MAX_MS', 60_000, problems, 1, maxMs),
    maxAttempts: intFrom(env, 'OUTBOX_MAX_ATTEMPTS', 50, problems, 1, 10_000),
    leaseMs: intFrom(env, 'OUTBOX_LEASE_MS', 120_000, problems, 1000, maxMs),
    idlePollMs: intFrom(env, 'OUTBOX_POLL_MS', 100, problems, 1, 60_000),
    heartbeatMs: intFrom(env, 'OUTBOX_HEARTBEAT_MS', 2000, problems, 10, 3600_000),
    deadAfterMs: intFrom(env, 'OUTBOX_DEAD_AFTER_MS', 10_000, problems, 20, maxMs),
    probeMs: intFrom(env, 'OUTBOX_PROBE_MS', 500, problems, 10, 3600_000),
  };
  if (config.baseDelayMs > config.maxDelayMs) {
    problems.push('OUTBOX_RETRY_BASE_MS must not exceed OUTBOX_RETRY_MAX_MS');
  }
  // A live worker must write its heartbeat well before it is taken for gone.
  if (config.heartbeatMs * 2 > config.deadAfterMs) {
    problems.push('OUTBOX_DEAD_AFTER_MS must be at least twice OUTBOX_HEARTBEAT_MS');
  }
  return config;
}

/** Like outboxConfigFrom, failing with a ConfigError on any problem. */
export function loadOutboxConfig(env: NodeJS.ProcessEnv = process.env): OutboxConfig {
  const problems: string[] = [];
  const config = outboxConfigFrom(env, problems);
  if (problems.length) throw new ConfigError(problems);
  return config;
}

function urlFrom(env: NodeJS.ProcessEnv, name: string, problems: string[], protocols: string[]) {
  const raw = env[name];
  if (!raw) {
    problems.push(`${name} is required (or run through "npm start", which sets it)`);
    return '';
  }
  try {
    const url = new URL(raw);
    if (!protocols.includes(url.protocol)) {
      problems.push(`${name} must use ${protocols.join(' or ')} (got ${url.protocol})`);
    }
  } catch {
    problems.push(`${name} is not a valid URL`);
  }
  return raw;
}

/**
 * Reads and validates the environment once. Fails fast with every problem listed,
 * so a misconfigured deployment never starts half-working.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const problems: string[] = [];
  const nodeEnv =
    env.NODE_ENV === 'production' || env.NODE_ENV === 'test' ? env.NODE_ENV : 'development';
  const config: AppConfig = {
    env: nodeEnv,
    port: intFrom(env, 'PORT', 3000, problems, 0),
    host: env.HOST || '127.0.0.1',
    dataDir: path.resolve(env.WERKBRUG_DATA_DIR ?? '.werkbrug'),
    databaseUrl: urlFrom(env, 'DATABASE_URL', problems, ['postgres:', 'postgresql:']),
    meiliUrl: urlFrom(env, 'MEILI_URL', problems, ['http:', 'https:']),
    meiliKey: env.MEILI_MASTER_KEY ?? env.MEILI_API_KEY ?? '',
    meiliIndexPrefix: env.MEILI_INDEX_PREFIX ?? '',
    smtpUrl: env.SMTP_URL ? urlFrom(env, 'SMTP_URL', problems, ['smtp:', 'smtps:']) : null,
    mailFrom: env.MAIL_FROM ?? 'Werkbrug <noreply@werkbrug.local>',
    publicUrl: env.PUBLIC_URL ?? `http://localhost:${env.PORT ?? 3000}`,
    tokenTtlHours: intFrom(env, 'TOKEN_TTL_HOURS', 12, problems, 1, 24 * 30),
    tokenCacheMs: intFrom(env, 'TOKEN_CACHE_MS', 5000, problems, 0, 3600_000),
    databasePoolSize: intFrom(env, 'DATABASE_POOL_SIZE', 20, problems, 1, 1000),
    outbox: outboxConfigFrom(env, problems),
    geocoderUrl: env.GEOCODER_URL
      ? urlFrom(env, 'GEOCODER_URL', problems, ['http:', 'https:'])
      : null,
    corsOrigins: (env.CORS_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    logLevel: env.LOG_LEVEL ?? (nodeEnv === 'test' ? 'silent' : 'info'),
    logFormat: env.LOG_FORMAT === 'json' || env.LOG_FORMAT === 'pretty' ? env.LOG_FORMAT : null,
    adminEmail: env.WERKBRUG_ADMIN_EMAIL ?? null,
    adminPassword: env.WERKBRUG_ADMIN_PASSWORD ?? null,
    retentionYears: intFrom(env, 'RETENTION_YEARS', 2, problems, 1, 30),
    erasureLogFile: path.resolve(
      env.ERASURE_LOG ?? path.join(env.WERKBRUG_DATA_DIR ?? '.werkbrug', 'erasure-log.ndjson'),
    ),
    trustProxy: (env.TRUST_PROXY ?? '')
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean),
    linkSecret: env.LINK_SECRET || null,
    secretKey: env.WERKBRUG_SECRET_KEY || null,
  };
  if (env.LOG_FORMAT && !config.logFormat) {
    problems.push(`LOG_FORMAT must be json or pretty (got "${env.LOG_FORMAT}")`);
  }
  if (config.linkSecret !== null && config.linkSecret.length < 32) {
    problems.push('LINK_SECRET must be at least 32 characters');
  }
  if (config.secretKey !== null && config.secretKey.length < 32) {
    problems.push('WERKBRUG_SECRET_KEY must be at least 32 characters');
  }
  for (const proxy of config.trustProxy) {
    const [address, bits, ...rest] = proxy.split('/');
    const named = ['loopback', 'linklocal', 'uniquelocal'].includes(proxy);
    const family = isIP(address ?? '');
    const maxBits = family === 6 ? 128 : 32;
    const bitsOk = bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= maxBits);
    if (!named && (!family || !bitsOk || rest.length))
      problems.push(
        `TRUST_PROXY entry "${proxy}" is not an address, a CIDR range or loopback/linklocal/uniquelocal`,
      );
  }
  if (config.meiliIndexPrefix && !/^[a-z0-9_-]{1,40}$/.test(config.meiliIndexPrefix)) {
    problems.push('MEILI_INDEX_PREFIX may hold only a-z, 0-9, _ and - (at most 40)');
  }
  if (!/^[A-Za-z0-9.:[\]-]+$/.test(config.host)) {
    problems.push(`HOST must be a host name or IP address (got "${config.host}")`);
  }
  for (const origin of config.corsOrigins) {
    if (!/^https?:\/\/[^/]+$/.test(origin))
      problems.push(`CORS_ORIGINS entry "${origin}" is not an origin`);
  }
  if (problems.length) throw new ConfigError(problems);
  return config;
}

/** What `npm start` and the CLI need before the app config exists (they start the servers it points at). */
export interface LauncherConfig {
  port: number;
  dataDir: string;
  pgPort: number;
  meiliPort: number;
  /** As root: where the PostgreSQL binaries and a private data folder's cluster go (WERKBRUG_PG_RUNTIME_DIR). */
  pgRuntimeDir: string | null;
  /** A Meilisearch binary for this machine instead of the bundled linux-x64 one (MEILI_BINARY). */
  meiliBinary: string | null;
  /** Meilisearch's indexing memory, e.g. 256MiB (MEILI_MAX_INDEXING_MEMORY). */
  meiliMaxIndexingMemory: string;
  /** Backups older than this many days are removed after a backup (BACKUP_KEEP_DAYS). */
  backupKeepDays: number;
  /**
   * `npm start` replaces a child it started that has not answered for this long
   * (WERKBRUG_WATCHDOG_SECONDS; 0 turns the watchdog off).
   */
  watchdogSeconds: number;
}

/**
 * Meilisearch sizes its indexing memory from the machine's RAM (2/3 of it) and zeroes it for every
 * batch: on a 24 GiB machine a one-document task took up to 1.9 s and the process held gigabytes
 * (measured with the bench, docs/performance.md). MEILI_MAX_INDEXING_MEMORY overrides this default.
 */
export const DEFAULT_MAX_INDEXING_MEMORY = '256MiB';

function absolutePathFrom(env: NodeJS.ProcessEnv, name: string, problems: string[]): string | null {
  const raw = env[name];
  if (!raw) return null;
  if (!path.isAbsolute(raw)) problems.push(`${name} must be an absolute path (got "${raw}")`);
  return raw;
}

export function loadLauncherConfig(env: NodeJS.ProcessEnv = process.env): LauncherConfig {
  const problems: string[] = [];
  const memory = env.MEILI_MAX_INDEXING_MEMORY || DEFAULT_MAX_INDEXING_MEMORY;
  // Meilisearch's own byte-size syntax: a number and an optional unit.
  if (!/^\d+(\.\d+)?\s*(B|[KMGT]i?B)?$/i.test(memory))
    problems.push(
      `MEILI_MAX_INDEXING_MEMORY must be a size such as 256MiB or 2GiB (got "${memory}")`,
    );
  const config: LauncherConfig = {
    port: intFrom(env, 'PORT', 3000, problems, 0),
    dataDir: path.resolve(env.WERKBRUG_DATA_DIR || '.werkbrug'),
    pgPort: intFrom(env, 'WERKBRUG_PG_PORT', 54329, problems, 1),
    meiliPort: intFrom(env, 'WERKBRUG_MEILI_PORT', 7700, problems, 1),
    pgRuntimeDir: absolutePathFrom(env, 'WERKBRUG_PG_RUNTIME_DIR', problems),
    meiliBinary: absolutePathFrom(env, 'MEILI_BINARY', problems),
    meiliMaxIndexingMemory: memory,
    backupKeepDays: intFrom(env, 'BACKUP_KEEP_DAYS', 35, problems, 1, 36_500),
    watchdogSeconds: intFrom(env, 'WERKBRUG_WATCHDOG_SECONDS', 15, problems, 0, 3600),
  };
  if (problems.length) throw new ConfigError(problems);
  return config;
}

/** A Prometheus /metrics port of its own (METRICS_PORT for the API, WORKER_METRICS_PORT for the worker). */
export interface MetricsConfig {
  port: number;
  /** Loopback unless set: metrics are never public by default (METRICS_HOST). */
  host: string;
  /** When set, a scrape must send `Authorization: Bearer <token>` (METRICS_TOKEN). */
  token: string | null;
}

/** null when the port variable is not set (metrics off). */
export function loadMetricsConfig(
  portVariable: 'METRICS_PORT' | 'WORKER_METRICS_PORT',
  env: NodeJS.ProcessEnv = process.env,
): MetricsConfig | null {
  if (!env[portVariable]) return null;
  const problems: string[] = [];
  const config: MetricsConfig = {
    port: intFrom(env, portVariable, 0, problems, 0, 65535),
    host: env.METRICS_HOST || '127.0.0.1',
    token: env.METRICS_TOKEN || null,
  };
  if (!/^[A-Za-z0-9.:[\]-]+$/.test(config.host))
    problems.push(`METRICS_HOST must be a host name or IP address (got "${config.host}")`);
  if (problems.length) throw new ConfigError(problems);
  return config;
}
