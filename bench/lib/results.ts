// One result per scenario: what ran, against which target, what it measured.
import { cpus, totalmem } from 'node:os';
import type { LoadResult } from './load.js';

export interface Result {
  scenario: string;
  /** The target, as the issue states it. */
  target: string;
  /** Whether the measured figures meet it (null: a figure kept for reference, no target). */
  pass: boolean | null;
  /** The measured figures, in a line for the table. */
  measured: string;
  configuration: Record<string, unknown>;
  requestsPerSecond?: number;
  /** requests/s as a share of the bare route's, measured in the same run. */
  ratioToBare?: number;
  latencyMs?: LoadResult['latencyMs'];
  errors?: number;
  wrongAnswers?: number;
  rssMb?: number;
  [more: string]: unknown;
}

export const machine = () => ({
  cpus: cpus().length,
  model: cpus()[0]?.model ?? 'unknown',
  memoryGb: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
});

/** The fields a load run contributes to a result. */
export const fromLoad = (r: LoadResult, bareRps?: number) => ({
  requestsPerSecond: r.requestsPerSecond,
  ...(bareRps ? { bareRequestsPerSecond: bareRps, ratioToBare: round(r.requestsPerSecond / bareRps, 3) } : {}),
  latencyMs: r.latencyMs,
  errors: r.errors + r.timeouts,
  wrongAnswers: r.wrongAnswers,
  requests: r.requests,
});

export const round = (n: number, digits = 0) => Math.round(n * 10 ** digits) / 10 ** digits;
export const pct = (ratio: number) => `${Math.round(ratio * 100)}%`;
/** A load run counts only when every answer was the expected one. */
export const clean = (r: LoadResult) => r.errors + r.timeouts + r.wrongAnswers === 0 && r.requests > 0;
