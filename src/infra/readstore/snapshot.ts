// Snapshots of the in-process read models, so that a start replays only the
// log's tail instead of the whole log, and does not parse the models either.
// A snapshot is one file: a header line (format, each projection's version,
// each model's checkpoint and segment sizes, the body's length and CRC-32) and
// the body (one ./image.ts segment per model: its keys in byte order, read in
// place). Opening one is a read of the file, a checksum and two offset tables
// per model; keys are decoded when read, changes live in Maps above them
// (./memory.ts). It is written to a temporary file, synced and renamed over
// the last one, in the background: every interval when the models moved, and
// when the store closes; the written file then becomes the layer reads start
// from. At start a snapshot that is missing, torn, corrupt, of another format
// or written by other projections (another version of their code) is
// discarded and the runner replays the whole log, as it always did; otherwise
// the models start from it and the runner resumes from its checkpoints.
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, read } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { crc32 } from 'node:zlib';
import { FrozenKeys, segmentLength, type SegmentInfo } from './image.js';
import { createMemoryReadStore, type MemoryReadStore } from './memory.js';

const FORMAT = 2;
const FILE = 'read-models.snapshot';

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

interface ModelEntry extends SegmentInfo {
  model: string;
  checkpoint: string;
}

interface Header {
  format: number;
  versions: Record<string, string>;
  models: ModelEntry[];
  length: number;
  /** CRC-32 of the body, seeded with the CRC-32 of the models' JSON (so a checkpoint cannot change unseen). */
  crc: number;
}

const checksum = (models: ModelEntry[], body: Buffer | Buffer[]) => {
  let crc = crc32(JSON.stringify(models));
  for (const part of Array.isArray(body) ? body : [body]) crc = crc32(part, crc);
  return crc;
};

type Loaded = { model: string; checkpoint: string; keys: FrozenKeys }[];

const readAt = promisify(read);

/**
 * The whole file in one read on libuv's pool, opened synchronously: at start the event loop is
 * busy loading the service's modules, and each asynchronous step (open, stat, and `readFile`'s
 * half-megabyte pieces) would wait for it.
 */
async function readWhole(path: string): Promise<Buffer> {
  const fd = openSync(path, 'r');
  try {
    const { size } = fstatSync(fd);
    const buffer = Buffer.allocUnsafe(size);
    let at = 0;
    while (at < size) {
      const { bytesRead } = await readAt(fd, buffer, at, size - at, at);
      if (bytesRead === 0) break;
      at += bytesRead;
    }
    return buffer.subarray(0, at);
  } finally {
    closeSync(fd);
  }
}

async function load(path: string, versions: Record<string, string>): Promise<Loaded | string> {
  let file: Buffer;
  try {
    file = await readWhole(path);
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
  if (!Array.isArray(header.models) || checksum(header.models, body) !== header.crc) return 'corrupt (checksum)';
  const names = Object.keys(versions).sort();
  const theirs = Object.keys(header.versions ?? {}).sort();
  if (names.join() !== theirs.join() || names.some((n) => header.versions[n] !== versions[n])) return 'other projection versions';
  try {
    const out: Loaded = [];
    let at = 0;
    for (const m of header.models) {
      const length = segmentLength(m);
      out.push({ model: m.model, checkpoint: m.checkpoint, keys: new FrozenKeys(body.subarray(at, at + length), m) });
      at += length;
    }
    if (at !== body.length) return 'corrupt (segments)';
    return out;
  } catch {
    return 'corrupt (segments)';
  }
}

export async function openSnapshottedMemoryStore(
  dir: string,
  projections: SnapshotProjection[],
  options: { intervalMs?: number } = {},
): Promise<SnapshottedStore> {
  const versions = projectionVersions(projections);
  const path = join(dir, FILE);
  const inner = createMemoryReadStore();
  const models = await load(path, versions);
  let loaded: SnapshottedStore['loaded'];
  if (typeof models === 'string') {
    loaded = { from: 'empty', reason: models };
    if (models !== 'no snapshot') await rm(path, { force: true });
  } else {
    inner.restore(models);
    loaded = { from: 'snapshot', checkpoints: Object.fromEntries(models.map((m) => [m.model, m.checkpoint])) };
  }

  const stamp = (checkpoints: Record<string, string>) =>
    Object.entries(checkpoints)
      .map(([m, c]) => `${m}@${c}`)
      .join(' ');
  let lastStamp = typeof models === 'string' ? '' : stamp(inner.checkpoints());
  let writing: Promise<boolean> | null = null;

  async function write(): Promise<boolean> {
    const current = stamp(inner.checkpoints());
    if (current === lastStamp || current === '') return false;
    const frozen = inner.freeze(); // synchronous: one consistent instant
    if (!frozen) return false;
    try {
      const entries: ModelEntry[] = [];
      const segments: Buffer[] = [];
      for await (const s of frozen.segments()) {
        entries.push({ model: s.model, checkpoint: s.checkpoint, ...s.info });
        segments.push(s.bytes);
      }
      const length = segments.reduce((n, b) => n + b.length, 0);
      const header: Header = { format: FORMAT, versions, models: entries, length, crc: checksum(entries, segments) };
      mkdirSync(dir, { recursive: true });
      const tmp = `${path}.tmp`;
      const file = await open(tmp, 'w');
      try {
        await file.writev([Buffer.from(`${JSON.stringify(header)}\n`), ...segments]);
        await file.sync();
      } finally {
        await file.close();
      }
      await rename(tmp, path);
      const dirHandle = await open(dir, 'r');
      await dirHandle.sync().finally(() => dirHandle.close());
      // From now on reads start from what was written (the segments in memory are the file's bytes).
      frozen.done(new Map(entries.map((e, i) => [e.model, new FrozenKeys(segments[i]!, e)])));
      lastStamp = stamp(Object.fromEntries(entries.map((e) => [e.model, e.checkpoint])));
      return true;
    } catch (error) {
      frozen.failed();
      throw error;
    }
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
