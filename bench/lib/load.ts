// autocannon from this process (the service runs in another one), reduced to
// the figures the results keep. A run whose answers were not all the expected
// ones is marked incorrect: a fast wrong answer never counts.
import autocannon from 'autocannon';

export interface LoadOptions {
  url: string;
  connections?: number;
  /** Seconds. */
  duration?: number;
  method?: 'GET' | 'POST' | 'PUT';
  headers?: Record<string, string>;
  body?: string;
  /** Every answer's body must equal this. */
  expectBody?: string;
  /** Stop after this many requests (the duration still bounds the run). */
  amount?: number;
  /** Requests per second over all connections (unlimited when unset). */
  overallRate?: number;
  /** Builds each request (unique bodies); see autocannon's `requests`. */
  setupRequest?: (request: Record<string, unknown>, context: Record<string, unknown>) => Record<string, unknown>;
  onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
  /** A short run first, not counted, so the measured one starts warm. */
  warmupSeconds?: number;
  /** The status every answer must have (200 unless told). */
  expectStatus?: number;
}

export interface LoadResult {
  requestsPerSecond: number;
  requests: number;
  latencyMs: { p50: number; p97_5: number; p99: number; max: number };
  errors: number;
  timeouts: number;
  /** Answers with another status than expected, or another body. */
  wrongAnswers: number;
  connections: number;
  durationSeconds: number;
}

export async function load(options: LoadOptions): Promise<LoadResult> {
  const connections = options.connections ?? 50;
  const duration = options.duration ?? 10;
  const expectStatus = options.expectStatus ?? 200;
  if (options.warmupSeconds) await run({ ...options, onResponse: undefined }, connections, options.warmupSeconds, expectStatus);
  return run(options, connections, duration, expectStatus);
}

async function run(options: LoadOptions, connections: number, duration: number, expectStatus: number): Promise<LoadResult> {
  let wrongStatus = 0;
  const common = {
    url: options.url,
    connections,
    duration,
    amount: options.amount,
    overallRate: options.overallRate,
    method: options.method ?? 'GET',
    headers: options.headers,
    body: options.body,
  };
  // autocannon checks a fixed body itself but only without per-request hooks; with hooks, the status is checked here.
  const result = options.expectBody !== undefined
    ? await autocannon({ ...common, expectBody: options.expectBody } as autocannon.Options)
    : await autocannon({
        ...common,
        requests: [
          {
            method: common.method,
            headers: options.headers,
            body: options.body,
            ...(options.setupRequest ? { setupRequest: options.setupRequest } : {}),
            onResponse: (status: number, body: string, context: Record<string, unknown>) => {
              if (status !== expectStatus) wrongStatus += 1;
              options.onResponse?.(status, body, context);
            },
          },
        ],
      } as autocannon.Options);
  const statusOff = options.expectBody !== undefined ? result.non2xx + (expectStatus === 200 ? 0 : result['2xx']) : wrongStatus;
  return summarise(result, statusOff + (result.mismatches ?? 0), connections, duration);
}

/** The figures the results keep from one autocannon run. */
function summarise(result: autocannon.Result, wrongAnswers: number, connections: number, duration: number): LoadResult {
  return {
    requestsPerSecond: Math.round(result.requests.average),
    requests: result.requests.total,
    latencyMs: {
      p50: result.latency.p50,
      p97_5: result.latency.p97_5,
      p99: result.latency.p99,
      max: result.latency.max,
    },
    errors: result.errors,
    timeouts: result.timeouts,
    wrongAnswers,
    connections,
    durationSeconds: duration,
  };
}

/**
 * A steady probe (GET, fixed rate, one connection) from its own process, so
 * its timing does not share an event loop with the load it runs beside.
 */
export async function probe(url: string, options: { rate: number; seconds: number }): Promise<LoadResult> {
  const { execFile } = await import('node:child_process');
  const { createRequire } = await import('node:module');
  const cli = createRequire(import.meta.url).resolve('autocannon/autocannon.js');
  const args = [cli, '--json', '-c', '1', '-R', String(options.rate), '-d', String(options.seconds), url];
  const stdout = await new Promise<string>((resolve, reject) =>
    execFile(process.execPath, args, { maxBuffer: 1 << 22 }, (error, out) => (error ? reject(error) : resolve(out))),
  );
  const r = JSON.parse(stdout) as autocannon.Result;
  return summarise(r, r.non2xx, 1, options.seconds);
}
