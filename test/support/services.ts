// The services the workflows run on, without the HTTP layer: the embedded event
// store (sealed per account, as the app seals it), in-process read models kept
// by a real projection runner, real argon2 and HMACs, in-process limits, and
// mail over SMTP to a local sink. For workflow-level tests ("given these
// events, when this request, then this outcome and these new events").
import pino from 'pino';
import type { FastifyBaseLogger } from 'fastify';
import { join } from 'node:path';
import { openEmbeddedEventStore } from '../../src/infra/eventstore/embedded.js';
import type { RecordedEvent } from '../../src/infra/eventstore/types.js';
import { createMemoryReadStore } from '../../src/infra/readstore/memory.js';
import { createPasswords } from '../../src/infra/passwords.js';
import { createKeyedHash } from '../../src/infra/secrets.js';
import { createMailer } from '../../src/infra/mail.js';
import { openLimits } from '../../src/infra/ratelimit.js';
import type { Services } from '../../src/infra/services.js';
import { openPersonalData } from '../../src/personal.js';
import { ProjectionRunner } from '../../projections/runner.js';
import { allProjections } from '../../projections/index.js';
import { tempDir, testConfig } from './app.js';
import { smtpSink, type SmtpSink } from './smtp-sink.js';

interface Teardown {
  teardown(fn: () => unknown): void;
}

export interface WorkflowWorld {
  svc: Services;
  sink: SmtpSink;
  /** Every event of one stream, opened (personal fields in the clear, as the workflows see them). */
  events(stream: string): Promise<RecordedEvent[]>;
}

export async function openServices(t: Teardown, options: { now?: () => Date; env?: Record<string, string> } = {}): Promise<WorkflowWorld> {
  const dataDir = tempDir(t, 'workflow');
  const sink = await smtpSink(t);
  const config = testConfig(dataDir, { SMTP_URL: sink.url, ...options.env });
  const now = options.now ?? (() => new Date());
  const log = pino({ level: 'silent' }) as unknown as FastifyBaseLogger;
  const raw = await openEmbeddedEventStore({ dir: join(dataDir, 'events') });
  const personal = await openPersonalData(config, raw);
  const readStore = createMemoryReadStore();
  const runner = new ProjectionRunner({ eventStore: personal.eventStore, readStore, projections: allProjections, log });
  const limits = await openLimits(config, now);
  const svc: Services = {
    config,
    eventStore: personal.eventStore,
    readStore,
    passwords: createPasswords(config.argon2),
    keyedHash: createKeyedHash(config.otpSecret),
    names: personal.names,
    dataKeys: personal.dataKeys,
    mailer: createMailer(config, log),
    limits,
    log,
    now,
    async settle(position) {
      if (position && !(await runner.waitFor(position, config.readYourWritesTimeoutMs))) throw new Error('read models did not catch up');
    },
  };
  await runner.start();
  t.teardown(async () => {
    await runner.stop();
    svc.mailer.close();
    await limits.close();
    await readStore.close();
    await personal.dataKeys.close();
    await raw.close();
  });
  return { svc, sink, events: (stream) => personal.eventStore.readStream(stream) };
}
