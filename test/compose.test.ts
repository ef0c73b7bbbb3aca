// docker-compose.yml cannot run here (no Docker engine), so this keeps it
// consistent with the configuration the service actually reads.
import t from 'tap';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { CONFIG_VARIABLES, loadConfig } from '../src/config.js';

const compose = parse(readFileSync(new URL('../docker-compose.yml', import.meta.url), 'utf8'), { merge: true });

/** Resolves ${NAME:-default} and ${NAME:?message} the way compose does, with the given shell variables. */
function interpolate(value: string, shell: Record<string, string>): string {
  return value.replace(/\$\{(\w+)(?::([-?])([^}]*))?\}/g, (_, name: string, kind?: string, arg?: string) => {
    if (shell[name] !== undefined && shell[name] !== '') return shell[name]!;
    if (kind === '?') throw new Error(arg);
    return kind === '-' ? (arg ?? '') : '';
  });
}

t.test('the stack runs EventStoreDB, Redis and the service', async (t) => {
  t.same(Object.keys(compose.services).sort(), ['app', 'app-2', 'eventstore', 'projector', 'redis']);
  t.same(compose.services.projector.command, ['node', 'dist/src/tools/projector.js'], 'the projector command exists');
  t.equal(compose.services['app-2'].environment.PROJECTIONS, 'off');
  t.equal(compose.services.eventstore.environment.EVENTSTORE_INSECURE, 'true');
});

for (const service of ['app', 'projector', 'app-2']) t.test(`${service}: every variable given is one the service reads, and the values load`, async (t) => {
  const env: Record<string, string> = compose.services[service].environment;
  for (const name of Object.keys(env)) t.ok((CONFIG_VARIABLES as readonly string[]).includes(name), `${name} is a config variable`);
  const secrets = { JWT_SECRET: 'j'.repeat(48), OTP_SECRET: 'o'.repeat(48), DATA_KEY_SECRET: 'd'.repeat(48) };
  const resolved = Object.fromEntries(Object.entries(env).map(([k, v]) => [k, interpolate(String(v), secrets)]));
  const config = loadConfig({ ...resolved, DATA_DIR: '/tmp/never-used' });
  t.equal(config.eventStoreUrl, 'esdb://eventstore:2113?tls=false');
  t.equal(config.redisUrl, 'redis://redis:6379');
  t.equal(config.nodeEnv, 'production');
  t.equal(config.host, '0.0.0.0');
  t.equal(config.projections, service === 'app-2' ? 'off' : 'inline');
  t.throws(() => Object.entries(env).map(([k, v]) => [k, interpolate(String(v), {})]), /JWT_SECRET/, 'compose refuses to start without secrets');
});
