// Configuration comes from the environment only, validated once at start. A bad
// value stops the start with a message naming the variable (ConfigError).
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isIP } from 'node:net';
import { join, resolve } from 'node:path';

export interface Argon2Params {
  memoryCost: number; // KiB
  timeCost: number;
  parallelism: number;
}

export interface Config {
  port: number;
  host: string;
  eventStoreUrl: string | undefined;
  redisUrl: string | undefined;
  /** REDIS_CLUSTER_NODES: seed nodes of a Redis Cluster (instead of REDIS_URL). */
  redisClusterNodes: RedisClusterNode[] | undefined;
  redisKeyPrefix: string;
  dataDir: string;
  jwtSecret: string;
  otpSecret: string;
  /** Wraps every account's data key and keys the HMACs in stream names (personal data, issue 13). */
  dataKeySecret: string;
  smtpUrl: string | undefined;
  /** 'smtp' sends through SMTP_URL; 'outbox' writes .eml files under DATA_DIR/outbox/. */
  mailTransport: 'smtp' | 'outbox';
  mailFrom: string;
  publicProductReads: boolean;
  authRateLimit: number;
  /** Proxies whose X-Forwarded-For is believed (addresses, CIDRs or proxy-addr's names); empty: none. */
  trustProxy: string[];
  /** Mails one recipient gets per hour, whatever the route; further requests send nothing. */
  mailRecipientHourlyLimit: number;
  nodeEnv: 'development' | 'production' | 'test';
  logLevel: string;
  argon2: Argon2Params;
  /** How long a command waits for the read models to show its write before answering anyway. */
  readYourWritesTimeoutMs: number;
  /** Life cap of a cached read-model read (Redis read models; 0: no cache). */
  readCacheMs: number;
  /** 'inline': this process runs the projections; 'off': another process does (see `npm run projector`). */
  projections: 'inline' | 'off';
  /** How long `npm run replay` keeps the old read-model generation after the switch, for queries still reading it. */
  replayGraceMs: number;
  /** A request not received whole within this is answered 408 and closed (headers and body together). */
  requestTimeoutMs: number;
  /** An idle keep-alive connection is closed after this. */
  keepAliveTimeoutMs: number;
  /** Connections beyond this many open ones are closed as they arrive. */
  maxConnections: number;
  /** Bearer token for GET /metrics (undefined: open in development and test, not served in production). */
  metricsToken: string | undefined;
  /** Bearer token for the operators' /admin/audit routes (undefined: the routes do not exist). */
  adminToken: string | undefined;
  /** Origins allowed to call the API from a browser (empty: CORS off). */
  corsOrigins: string[];
}

export interface RedisClusterNode {
  host: string;
  port: number;
}

/** Where Redis is: one server, or the seed nodes of a cluster. */
export type RedisTarget = { url: string } | { clusterNodes: RedisClusterNode[] };

/** The Redis target the configuration selects, or undefined for in-process read models. */
export function redisTarget(config: { redisUrl: string | undefined; redisClusterNodes?: RedisClusterNode[] | undefined }): RedisTarget | undefined {
  if (config.redisClusterNodes && config.redisClusterNodes.length > 0) return { clusterNodes: config.redisClusterNodes };
  return config.redisUrl ? { url: config.redisUrl } : undefined;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/** Every variable the service reads (the README's configuration table). */
export const CONFIG_VARIABLES = [
  'PORT',
  'HOST',
  'EVENTSTORE_URL',
  'REDIS_URL',
  'REDIS_CLUSTER_NODES',
  'REDIS_KEY_PREFIX',
  'DATA_DIR',
  'JWT_SECRET',
  'OTP_SECRET',
  'DATA_KEY_SECRET',
  'SMTP_URL',
  'MAIL_FROM',
  'PUBLIC_PRODUCT_READS',
  'AUTH_RATE_LIMIT',
  'TRUST_PROXY',
  'MAIL_RECIPIENT_HOURLY_LIMIT',
  'NODE_ENV',
  'LOG_LEVEL',
  'ARGON2_MEMORY_KIB',
  'ARGON2_TIME_COST',
  'ARGON2_PARALLELISM',
  'READ_YOUR_WRITES_TIMEOUT_MS',
  'READ_CACHE_MS',
  'PROJECTIONS',
  'MAIL_TRANSPORT',
  'REPLAY_GRACE_MS',
  'REQUEST_TIMEOUT_MS',
  'KEEP_ALIVE_TIMEOUT_MS',
  'MAX_CONNECTIONS',
  'METRICS_TOKEN',
  'CORS_ORIGINS',
  'ADMIN_TOKEN',
] as const;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function str(env: Env, name: string): string | undefined {
  const v = env[name];
  return v === undefined || v.trim() === '' ? undefined : v.trim();
}

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = str(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const n = Number(raw);
  if (n < min || n > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${n}`);
  return n;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = str(env, name);
  if (raw === undefined) return fallback;
  if (/^(true|1|yes)$/i.test(raw)) return true;
  if (/^(false|0|no)$/i.test(raw)) return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
}

function url(env: Env, name: string, protocols: string[]): string | undefined {
  const raw = str(env, name);
  if (raw === undefined) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, `is not a valid URL: "${raw}"`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `must use ${protocols.join(' or ')}, got "${parsed.protocol}"`);
  }
  return raw;
}

/**
 * EVENTSTORE_URL is checked with the client's own connection-string parser, so
 * whatever the client would refuse at start is a config error here instead.
 * Loaded only when the variable is set: the embedded default never loads gRPC.
 */
function eventStoreUrl(env: Env): string | undefined {
  const raw = str(env, 'EVENTSTORE_URL');
  if (raw === undefined) return undefined;
  if (!/^esdb(\+discover)?:\/\//.test(raw)) {
    throw new ConfigError('EVENTSTORE_URL', `must start with esdb:// or esdb+discover:// (the connection strings @eventstore/db-client accepts), got "${raw}"`);
  }
  const require = createRequire(import.meta.url);
  const { parseConnectionString } = require('@eventstore/db-client/dist/Client/parseConnectionString.js') as {
    parseConnectionString(s: string): unknown;
  };
  try {
    parseConnectionString(raw);
  } catch (error) {
    throw new ConfigError('EVENTSTORE_URL', `is not a valid connection string: ${(error as Error).message}`);
  }
  return raw;
}

/** REDIS_CLUSTER_NODES=host:port,host:port: a Redis Cluster's seed nodes; REDIS_URL is the single-node setting. */
function redisClusterNodes(env: Env): RedisClusterNode[] | undefined {
  const raw = str(env, 'REDIS_CLUSTER_NODES');
  if (raw === undefined) return undefined;
  if (str(env, 'REDIS_URL') !== undefined) {
    throw new ConfigError('REDIS_CLUSTER_NODES', 'and REDIS_URL are both set: use REDIS_URL for one Redis server or REDIS_CLUSTER_NODES for a cluster, not both');
  }
  const prefix = str(env, 'REDIS_KEY_PREFIX') ?? '';
  // A brace in the prefix would become every key's hash tag: all read models on one slot.
  if (/[{}]/.test(prefix)) throw new ConfigError('REDIS_KEY_PREFIX', 'must not contain { or } on a Redis Cluster (it would be every key\'s hash tag)');
  const nodes = list(raw)
    .filter((entry) => entry !== '')
    .map((entry) => {
      const match = /^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/.exec(entry);
      const port = match ? Number(match[2]) : NaN;
      if (!match || port < 1 || port > 65535) {
        throw new ConfigError('REDIS_CLUSTER_NODES', `expects host:port entries separated by commas, got "${entry}"`);
      }
      return { host: match[1]!.replace(/^\[|\]$/g, ''), port };
    });
  if (nodes.length === 0) throw new ConfigError('REDIS_CLUSTER_NODES', 'lists no node');
  return nodes;
}

/** The trimmed entries of a comma-separated value (none when unset). */
function list(raw: string | undefined): string[] {
  return raw === undefined ? [] : raw.split(',').map((entry) => entry.trim());
}

function oneOf<T extends string>(env: Env, name: string, values: readonly T[], fallback: T): T {
  const raw = str(env, name);
  if (raw === undefined) return fallback;
  if (!(values as readonly string[]).includes(raw)) {
    throw new ConfigError(name, `must be one of ${values.join(', ')}, got "${raw}"`);
  }
  return raw as T;
}

/** Comma-separated origins (scheme://host[:port]), each exactly as a browser sends it in `Origin`. */
function origins(env: Env, name: string): string[] {
  return list(str(env, name)).map((value) => {
    let origin: string | undefined;
    try {
      origin = new URL(value).origin;
    } catch {
      origin = undefined;
    }
    if (origin !== value || !/^https?:$/.test(new URL(value).protocol)) {
      throw new ConfigError(name, `"${value}" is not an origin like https://app.example.com (scheme, host, optional port; no path)`);
    }
    return value;
  });
}

/**
 * Mail is never dropped by default: production needs SMTP_URL unless files
 * are chosen explicitly (MAIL_TRANSPORT=outbox); development falls back to
 * the outbox, where a person reads the codes.
 */
function mailTransport(chosen: 'smtp' | 'outbox' | 'auto', smtpUrl: string | undefined, production: boolean): 'smtp' | 'outbox' {
  if (chosen === 'outbox') return 'outbox';
  if (smtpUrl) return 'smtp';
  if (chosen === 'smtp') throw new ConfigError('SMTP_URL', 'is required with MAIL_TRANSPORT=smtp');
  if (production) {
    throw new ConfigError(
      'SMTP_URL',
      'is required in production, or mail would only be written to DATA_DIR/outbox/ (set MAIL_TRANSPORT=outbox to choose that)',
    );
  }
  return 'outbox';
}

/** proxy-addr's names for address ranges, accepted beside addresses and CIDRs. */
const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

function proxies(env: Env, name: string): string[] {
  return list(str(env, name)).map((value) => {
    const [address, prefix, ...rest] = value.split('/');
    const family = isIP(address ?? '');
    const prefixOk = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 6 ? 128 : 32));
    if (PROXY_NAMES.includes(value) || (family !== 0 && prefixOk && rest.length === 0)) return value;
    throw new ConfigError(name, `must be a comma-separated list of addresses or CIDRs (or ${PROXY_NAMES.join(', ')}), got "${value}"`);
  });
}

/**
 * Secrets: required (at least 32 bytes) in production; in development a random
 * one is generated once and kept under DATA_DIR, so tokens survive restarts.
 */
function secret(env: Env, name: string, production: boolean, dataDir: string): string {
  const raw = env[name];
  if (raw !== undefined && raw !== '') {
    if (Buffer.byteLength(raw) < 32) throw new ConfigError(name, 'must be at least 32 bytes long');
    return raw;
  }
  if (production) throw new ConfigError(name, 'is required in production (at least 32 bytes)');
  const file = join(dataDir, 'secrets', `${name.toLowerCase()}`);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(join(dataDir, 'secrets'), { recursive: true, mode: 0o700 });
  const value = randomBytes(48).toString('base64url');
  try {
    writeFileSync(file, value, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // Another process created it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(file, 'utf8').trim();
    throw new ConfigError(name, `cannot keep a generated secret under DATA_DIR (${String(error)})`);
  }
  return value;
}

export function loadConfig(env: Env = process.env): Config {
  const nodeEnv = oneOf(env, 'NODE_ENV', ['development', 'production', 'test'] as const, 'development');
  const production = nodeEnv === 'production';
  const dataDir = resolve(str(env, 'DATA_DIR') ?? './data');
  const logLevel = oneOf(env, 'LOG_LEVEL', LOG_LEVELS, 'info');
  const config: Config = {
    port: int(env, 'PORT', 3000, 0, 65535),
    host: str(env, 'HOST') ?? '127.0.0.1',
    eventStoreUrl: eventStoreUrl(env),
    redisUrl: url(env, 'REDIS_URL', ['redis:', 'rediss:']),
    redisClusterNodes: redisClusterNodes(env),
    redisKeyPrefix: str(env, 'REDIS_KEY_PREFIX') ?? 'chronicle:',
    dataDir,
    jwtSecret: '',
    otpSecret: '',
    dataKeySecret: '',
    smtpUrl: url(env, 'SMTP_URL', ['smtp:', 'smtps:']),
    mailTransport: 'outbox',
    mailFrom: str(env, 'MAIL_FROM') ?? 'Chronicle <no-reply@chronicle.local>',
    publicProductReads: bool(env, 'PUBLIC_PRODUCT_READS', false),
    authRateLimit: int(env, 'AUTH_RATE_LIMIT', 10, 0, 1_000_000),
    trustProxy: proxies(env, 'TRUST_PROXY'),
    mailRecipientHourlyLimit: int(env, 'MAIL_RECIPIENT_HOURLY_LIMIT', 5, 1, 1000),
    nodeEnv,
    logLevel,
    argon2: {
      // OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane.
      memoryCost: int(env, 'ARGON2_MEMORY_KIB', 19456, 1024, 4 * 1024 * 1024),
      timeCost: int(env, 'ARGON2_TIME_COST', 2, 1, 100),
      parallelism: int(env, 'ARGON2_PARALLELISM', 1, 1, 64),
    },
    readYourWritesTimeoutMs: int(env, 'READ_YOUR_WRITES_TIMEOUT_MS', 5000, 0, 600_000),
    readCacheMs: int(env, 'READ_CACHE_MS', 1000, 0, 60_000),
    projections: oneOf(env, 'PROJECTIONS', ['inline', 'off'] as const, 'inline'),
    replayGraceMs: int(env, 'REPLAY_GRACE_MS', 5000, 0, 600_000),
    requestTimeoutMs: int(env, 'REQUEST_TIMEOUT_MS', 30_000, 100, 600_000),
    keepAliveTimeoutMs: int(env, 'KEEP_ALIVE_TIMEOUT_MS', 10_000, 100, 600_000),
    maxConnections: int(env, 'MAX_CONNECTIONS', 1024, 1, 1_000_000),
    metricsToken: str(env, 'METRICS_TOKEN'),
    adminToken: str(env, 'ADMIN_TOKEN'),
    corsOrigins: origins(env, 'CORS_ORIGINS'),
  };
  if (config.metricsToken !== undefined && Buffer.byteLength(config.metricsToken) < 32) {
    throw new ConfigError('METRICS_TOKEN', 'must be at least 32 bytes long');
  }
  if (config.adminToken !== undefined && Buffer.byteLength(config.adminToken) < 32) {
    throw new ConfigError('ADMIN_TOKEN', 'must be at least 32 bytes long');
  }
  const chosenTransport = oneOf(env, 'MAIL_TRANSPORT', ['smtp', 'outbox', 'auto'] as const, 'auto');
  if (config.projections === 'off' && !redisTarget(config)) {
    throw new ConfigError('PROJECTIONS', '"off" needs REDIS_URL (or REDIS_CLUSTER_NODES): in-process read models are only filled by this process');
  }
  if (production && config.argon2.memoryCost < 19456) {
    throw new ConfigError('ARGON2_MEMORY_KIB', 'must be at least 19456 in production');
  }
  // Development: before the secrets, so a bad mail setting leaves no generated file behind.
  if (!production) config.mailTransport = mailTransport(chosenTransport, config.smtpUrl, production);
  // Secrets last: a bad value elsewhere must not leave a generated file behind.
  config.jwtSecret = secret(env, 'JWT_SECRET', production, dataDir);
  config.otpSecret = secret(env, 'OTP_SECRET', production, dataDir);
  config.dataKeySecret = secret(env, 'DATA_KEY_SECRET', production, dataDir);
  // Production: after the secrets, so a start without them says so first (nothing is generated there).
  if (production) config.mailTransport = mailTransport(chosenTransport, config.smtpUrl, production);
  return config;
}
