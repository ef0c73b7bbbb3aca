// Snapshots of the in-process read models, so that a start replays only the
// log's tail instead of the whole log. A snapshot is one file: a header line
// (format, each projection's version, the body's length and SHA-256) and the
// body (every model's current generation with its checkpoint). It is written
// to a temporary file, synced and renamed over the last one, in the
// background: every interval when the models moved, and when the store
// closes. At start a snapshot that is missing, torn, corrupt or written by
// other projections (another version of their code) is discarded and the
// runner replays the whole log, as it always did; otherwise the models start
// from it and the runner resumes from its checkpoints.
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createMemoryReadStore, type MemoryReadStore, type ModelImage } from './memory.js';

const FORMAT = 1;
const FILE = 'read-models.snapshot';
/** Keys serialised between two yields to the event loop while a snapshot is written. */
const CHUNK = 5000;

/** What a snapshot needs of a projection (structural: infra imports no projection). */
export interface SnapshotProjection {
  readonly name: string;
  readonly handles: ReadonlySet<string>;
  apply(...args: never[]): unknown;
}

/**
 * A projection's version: a digest of what it handles and of its apply
 * function's code, so a snapshot made by other code is never loaded.
 */
export function projectionVersions(projections: SnapshotProjection[]): Record<string, string> {
  return Object.fromEntries(
    projections.map((p) => [
      p.name,
      createHash('sha256').update(`${FORMAT}\n${[...p.handles].sort().join(',')}\n${p.apply.toString()}`).digest('hex').slice(0, 16),
    ]),
  );
}

export interface SnapshottedStore extends MemoryReadStore {
  /** How the store started: from a snapshot (its checkpoints) or empty, and why. */
  readonly loaded: { from: 'snapshot'; checkpoints: Record<string, string> } | { from: 'empty'; reason: string };
  /** Writes a snapshot now (false when nothing changed since the last one, or one is being written). */
  snapshot(): Promise<boolean>;
}

interface Header {
  format: number;
  versions: Record<string, string>;
  length: number;
  sha256: string;
}

async function load(path: string, versions: Record<string, string>): Promise<ModelImage[] | string> {
  let file: Buffer;
  try {
    file = await readFile(path);
  } catch {
    return 'no snapshot';
  }
  const newline = file.indexOf(10);
  if (newline < 0) return 'torn (no header)';
  let header: Header;
  try {
    header = JSON.parse(file.subarray(0, newline).toString('utf8')) as Header;
  } catch {
    return 'torn (header)';
  }
  const body = file.subarray(newline + 1);
  if (header.format !== FORMAT) return `format ${header.format}, not ${FORMAT}`;
  if (body.length !== header.length) return `torn (${body.length} of ${header.length} bytes)`;
  if (createHash('sha256').update(body).digest('hex') !== header.sha256) return 'corrupt (checksum)';
  const names = Object.keys(versions).sort();
  const theirs = Object.keys(header.versions ?? {}).sort();
  if (names.join() !== theirs.join() || names.some((n) => header.versions[n] !== versions[n])) return 'other projection versions';
  try {
    return JSON.parse(body.toString('utf8')) as ModelImage[];
  } catch {
    return 'corrupt (body)';
  }
}

const yieldToLoop = () => new Promise((r) => setImmediate(r));

/** The body as chunks of JSON text, a few thousand keys at a time, yielding to the event loop between them. */
async function serialise(images: ModelImage[]): Promise<string[]> {
  const chunks: string[] = ['['];
  for (let i = 0; i < images.length; i += 1) {
    const image = images[i]!;
    chunks.push(`${i ? ',' : ''}{"model":${JSON.stringify(image.model)},"checkpoint":${JSON.stringify(image.checkpoint)},"keys":[`);
    let first = true;
    for (let k = 0; k < image.keys.length; k += CHUNK) {
      const part = JSON.stringify(image.keys.slice(k, k + CHUNK)).slice(1, -1);
      if (part.length > 0) chunks.push(first ? part : `,${part}`);
      first = false;
      await yieldToLoop();
    }
    chunks.push(']}');
  }
  chunks.push(']');
  return chunks;
}

export async function openSnapshottedMemoryStore(
  dir: string,
  projections: SnapshotProjection[],
  options: { intervalMs?: number } = {},
): Promise<SnapshottedStore> {
  const versions = projectionVersions(projections);
  const path = join(dir, FILE);
  const inner = createMemoryReadStore();
  const images = await load(path, versions);
  let loaded: SnapshottedStore['loaded'];
  if (typeof images === 'string') {
    loaded = { from: 'empty', reason: images };
    if (images !== 'no snapshot') await rm(path, { force: true });
  } else {
    inner.restore(images);
    loaded = { from: 'snapshot', checkpoints: Object.fromEntries(images.map((m) => [m.model, m.checkpoint])) };
  }

  const stamp = (list: ModelImage[]) => list.map((m) => `${m.model}@${m.checkpoint}`).join(' ');
  let lastStamp = typeof images === 'string' ? '' : stamp(images);
  let writing: Promise<boolean> | null = null;

  async function write(): Promise<boolean> {
    const now = inner.images(); // synchronous: one consistent instant
    const current = stamp(now);
    if (current === lastStamp || now.length === 0) return false;
    const chunks = await serialise(now);
    const hash = createHash('sha256');
    let length = 0;
    for (const c of chunks) {
      hash.update(c, 'utf8');
      length += Buffer.byteLength(c, 'utf8');
    }
    const header: Header = { format: FORMAT, versions, length, sha256: hash.digest('hex') };
    mkdirSync(dir, { recursive: true });
    const tmp = `${path}.tmp`;
    const file = await open(tmp, 'w');
    try {
      await file.write(`${JSON.stringify(header)}\n`);
      for (const c of chunks) await file.write(c);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(tmp, path);
    const dirHandle = await open(dir, 'r');
    await dirHandle.sync().finally(() => dirHandle.close());
    lastStamp = current;
    return true;
  }

  const snapshot = (): Promise<boolean> => {
    if (writing) return writing.then(() => false);
    writing = write().finally(() => {
      writing = null;
    });
    return writing;
  };

  // A failed background snapshot only means a longer replay at the next start.
  const timer = setInterval(() => void snapshot().catch(() => {}), options.intervalMs ?? 60_000);
  timer.unref();

  return {
    ...inner,
    loaded,
    snapshot,
    async close() {
      clearInterval(timer);
      await writing?.catch(() => {});
      await snapshot().catch(() => {});
      await inner.close();
    },
  };
}
