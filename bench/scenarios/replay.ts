// Replay of the seeded log (npm run replay, as an operator runs it) into
// Redis and into the in-process store. Parses the tool's own last line.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { ROOT } from '../lib/service.js';
import { round, type Result } from '../lib/results.js';

const run = promisify(execFile);

async function replayTool(env: Record<string, string>): Promise<{ events: number; seconds: number; eventsPerSecond: number; rssMb: number }> {
  // /usr/bin/time is not everywhere: the tool's peak RSS comes from a wrapper reading its own resource usage.
  const { stdout } = await run(
    process.execPath,
    ['--import', './bench/lib/report-rss.mjs', 'dist/src/tools/replay.js'],
    { cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'warn', ...env }, maxBuffer: 1 << 20 },
  );
  const m = /replayed (\d+) events in ([\d.]+) s: (\d+) events\/s/.exec(stdout);
  const rss = /peak rss (\d+) MB/.exec(stdout);
  if (!m) throw new Error(`replay printed no rate: ${stdout}`);
  return { events: Number(m[1]), seconds: Number(m[2]), eventsPerSecond: Number(m[3]), rssMb: Number(rss?.[1] ?? NaN) };
}

export async function replayInto(target: 'redis' | 'in-process', env: Record<string, string>, expectedEvents: number): Promise<Result> {
  const r = await replayTool(target === 'redis' ? env : { DATA_DIR: env.DATA_DIR! });
  if (r.events !== expectedEvents) throw new Error(`replay read ${r.events} events, the log holds ${expectedEvents}`);
  const goal = target === 'redis' ? 50_000 : 200_000;
  return {
    scenario: `replay into ${target}`,
    target: `≥ ${goal.toLocaleString('en')} events/s over 1,000,000 events`,
    pass: r.eventsPerSecond >= goal,
    measured: `${r.eventsPerSecond.toLocaleString('en')} events/s (${r.events.toLocaleString('en')} events in ${round(r.seconds, 1)} s)`,
    configuration: { events: r.events, tool: 'npm run replay', readModels: target },
    eventsPerSecond: r.eventsPerSecond,
    seconds: r.seconds,
    rssMb: r.rssMb,
  };
}
