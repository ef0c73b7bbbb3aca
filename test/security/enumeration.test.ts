// A's /reset and C's /auth/forgot tell nobody which accounts exist: the same
// answer and, within noise, the same time for known and unknown accounts,
// with mail through SMTP (as in production) and to the outbox. The statistic
// and its bound are explained below, with the scenario.
import t from 'tap';
import type { Test } from 'tap';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { join } from 'node:path';
import { build } from '../support/app.js';
import { buildWithMail, poster } from '../support/accounts.js';

// ---------------------------------------------------------------- statistics

interface Sample {
  median: number;
  q1: number;
  q3: number;
  iqr: number;
  n: number;
}

function quantile(sorted: number[], q: number): number {
  const i = (sorted.length - 1) * q;
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (i - lo);
}

function summarise(values: number[]): Sample {
  const sorted = [...values].sort((a, b) => a - b);
  const q1 = quantile(sorted, 0.25);
  const q3 = quantile(sorted, 0.75);
  return { median: quantile(sorted, 0.5), q1, q3, iqr: q3 - q1, n: values.length };
}

/** P(a random `a` is slower than a random `b`) (ties count half): 0.5 when neither is systematically slower. */
function superiority(a: number[], b: number[]): number {
  let wins = 0;
  for (const x of a) for (const y of b) wins += x > y ? 1 : x === y ? 0.5 : 0;
  return wins / (a.length * b.length);
}

// ---------------------------------------------------------------- enumeration

interface TimingResult {
  route: string;
  mail: 'smtp' | 'outbox';
  known: Sample;
  unknown: Sample;
  /** |median(known) - median(unknown)|, ms. */
  differenceMs: number;
  /** What the difference must stay under, ms (see enumerationTiming). */
  boundMs: number;
  /** P(a known-account answer is slower than an unknown one's). */
  superiority: number;
}

/** What a response tells a client: status, body, and which headers it carries (the date aside). */
function visible(res: LightMyRequestResponse, email: string): string {
  const headers = Object.keys(res.headers)
    .filter((h) => !['date', 'connection', 'keep-alive', 'x-request-id'].includes(h))
    .sort();
  return JSON.stringify({ status: res.statusCode, body: res.body.split(email).join('<email>'), headers, length: res.body.length - email.length });
}

/**
 * A's `/reset` and C's `/auth/forgot` must not tell whether an account
 * exists: the same status, body and headers for a known and an unknown
 * account (A: also for a known username with another email), and the same
 * time. `samples` requests per route alternate known and unknown (so drift
 * in machine load hits both alike), after a warm-up.
 *
 * The timing statistic: the difference of the two medians, bounded by the
 * larger of 2 ms and the mean interquartile range of the two groups. Medians
 * and IQRs ignore the outliers a loaded CI machine produces (GC pauses, other
 * test files on the second core); the IQR term scales the bound with the
 * noise actually measured, and the 2 ms term keeps a quiet machine, where the
 * IQR shrinks to a fraction of a millisecond, from failing on timer jitter.
 * A second, rank-based check: P(a known answer is slower than an unknown
 * one) must lie within 0.1-0.9; it is 0.5 when neither is systematically
 * slower, with a standard error of ~0.09 for 20 + 20 samples, so the band is
 * over four standard errors wide, yet a shift smaller than the noise but
 * consistent (most pairs one way) falls outside it.
 * Before answers took the same time, known accounts were 2-8 ms slower with
 * the outbox (an fsync'd append and a file; P = 0.96-1.00) and unknown ones
 * ~95 ms slower with SMTP (a fresh connection to probe the server, against a
 * pooled send; P = 0.00).
 */
async function enumerationTiming(t: Test, options: { samples: number; mail: 'smtp' | 'outbox' }): Promise<TimingResult[]> {
  const env = { AUTH_RATE_LIMIT: '0' };
  const app: FastifyInstance =
    options.mail === 'smtp' ? (await buildWithMail(t, { env })).app : (await build(t, { env })).app;
  const post = poster(app);
  const tag = randomUUID().slice(0, 8);
  const known = { username: `timing_${tag}`, email: `timing.${tag}@example.com`, password: 'timing-password-1' };
  if ((await post('/register', known)).statusCode !== 201) throw new Error('cannot register the known account');
  // A first mail opens the SMTP connection (~250 ms), outside what is measured.
  await post('/users/register', { username: `warm_${tag}`, email: `warm.${tag}@example.com`, password: 'timing-password-1' });
  const cases: { route: string; known: () => Promise<LightMyRequestResponse>; unknown: () => Promise<LightMyRequestResponse>; others: (() => Promise<LightMyRequestResponse>)[]; email: (which: 'known' | 'unknown') => string }[] = [
    {
      route: 'POST /reset',
      known: () => post('/reset', { username: known.username, email: known.email }),
      unknown: () => post('/reset', { username: `nobody_${tag}`, email: `nobody.${tag}@example.com` }),
      others: [
        () => post('/reset', { username: known.username, email: `other.${tag}@example.com` }),
        () => post('/reset', { username: `nobody_${tag}`, email: known.email }),
      ],
      email: () => '\u0000',
    },
    {
      route: 'POST /auth/forgot',
      known: () => post('/auth/forgot', { email: known.email }),
      unknown: () => post('/auth/forgot', { email: `nobody.${tag}@example.com` }),
      others: [],
      email: (which) => (which === 'known' ? known.email : `nobody.${tag}@example.com`),
    },
  ];
  const results: TimingResult[] = [];
  for (const c of cases) {
    // The same answer, whichever account.
    const k = await c.known();
    const u = await c.unknown();
    t.equal(k.statusCode, 200, `${c.route}: 200 for a known account`);
    t.equal(visible(u, c.email('unknown')), visible(k, c.email('known')), `${c.route}: status, body and headers the same for an unknown account`);
    for (const other of c.others) t.equal(visible(await other(), '\u0000'), visible(k, '\u0000'), `${c.route}: and for a username with another email`);

    for (let i = 0; i < 2; i++) {
      await c.known();
      await c.unknown();
    }
    const times = { known: [] as number[], unknown: [] as number[] };
    const timed = async (which: 'known' | 'unknown') => {
      const started = process.hrtime.bigint();
      const res = await c[which]();
      times[which].push(Number(process.hrtime.bigint() - started) / 1e6);
      if (res.statusCode !== 200) throw new Error(`${c.route} (${which}) answered ${res.statusCode} ${res.body}`);
    };
    for (let i = 0; i < options.samples / 2; i++) {
      // ABBA: neither kind always goes first.
      if (i % 2 === 0) {
        await timed('known');
        await timed('unknown');
      } else {
        await timed('unknown');
        await timed('known');
      }
    }
    const ks = summarise(times.known);
    const us = summarise(times.unknown);
    const differenceMs = Math.abs(ks.median - us.median);
    const boundMs = Math.max(2, (ks.iqr + us.iqr) / 2);
    const result = { route: c.route, mail: options.mail, known: ks, unknown: us, differenceMs, boundMs, superiority: superiority(times.known, times.unknown) };
    results.push(result);
    const ms = (s: Sample) => `median ${s.median.toFixed(2)} ms (IQR ${s.q1.toFixed(2)}-${s.q3.toFixed(2)})`;
    t.ok(result.superiority >= 0.1 && result.superiority <= 0.9, `${c.route} (${options.mail}): P(known slower) ${result.superiority.toFixed(2)} within 0.1-0.9`);
    t.ok(
      differenceMs <= boundMs,
      `${c.route} (${options.mail}): known ${ms(ks)}, unknown ${ms(us)}; medians differ by ${differenceMs.toFixed(2)} ms, bound ${boundMs.toFixed(2)} ms; P(known slower) ${result.superiority.toFixed(2)}`,
    );
  }
  return results;
}


for (const mail of ['smtp', 'outbox'] as const) {
  t.test(`known and unknown accounts answer alike (${mail})`, async (t) => {
    const results = await enumerationTiming(t, { samples: 40, mail });
    t.equal(results.length, 2, 'both routes measured');
    for (const r of results) t.equal(r.known.n + r.unknown.n, 40, `${r.route}: 40 timed requests`);
  });
}
