// Builds the real app for a test: a fresh DATA_DIR, cheap argon2 parameters,
// the embedded event store, and in-process or Redis read models. Everything is
// closed and removed in the test's teardown.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppOptions } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import { deletePrefix } from './redis-cleanup.js';

export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

interface Teardown {
  teardown(fn: () => unknown): void;
}

export function tempDir(t: Teardown, name = 'chronicle'): string {
  const dir = mkdtempSync(join(tmpdir(), `${name}-`));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Configuration for tests: env-style overrides on top of cheap, isolated defaults. */
export function testConfig(dataDir: string, env: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    AUTH_RATE_LIMIT: '0',
    // Tests mail one address many times an hour; the cap's own tests set it back to 5.
    MAIL_RECIPIENT_HOURLY_LIMIT: '1000',
    ARGON2_MEMORY_KIB: '1024',
    ARGON2_TIME_COST: '1',
    REDIS_KEY_PREFIX: `test:${randomUUID()}:`,
    ...env,
  });
}

/** Every log line the app wrote, for tests that inspect logs (and the secret scan). */
export class LogCapture extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _enc: string, done: () => void): void {
    this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    done();
  }
}

export interface TestApp {
  app: FastifyInstance;
  config: Config;
  logs: LogCapture;
  dataDir: string;
}

export type ReadModels = 'memory' | 'redis';

export async function build(
  t: Teardown,
  options: { env?: Record<string, string>; readModels?: ReadModels; dataDir?: string } & Partial<AppOptions> = {},
): Promise<TestApp> {
  const dataDir = options.dataDir ?? tempDir(t);
  const env = { ...(options.readModels === 'redis' ? { REDIS_URL } : {}), ...options.env };
  const config = options.config ?? testConfig(dataDir, env);
  const logs = new LogCapture();
  const app = await buildApp({ ...options, config, logStream: logs });
  t.teardown(async () => {
    await app.close();
    if (config.redisUrl) await deletePrefix(config.redisUrl, config.redisKeyPrefix);
  });
  return { app, config, logs, dataDir };
}

/** Both read-model stores, for suites that must behave the same on each. */
export const READ_MODELS: ReadModels[] = ['memory', 'redis'];
