// The in-process read store (no REDIS_URL): the same semantics as the Redis
// store, held in Maps and rebuilt from the event log at every start, or laid
// over a snapshot's keys read in place (./image.ts, ./snapshot.ts).
import { FrozenKeys, HASH, STRING, SegmentWriter, ZSET, type SegmentInfo } from './image.js';
import type { ApplyOutcome, ApplyRequest, ReadModelStore, WriteOp } from './types.js';

/** A sorted set ordered like Redis: by score, then by member. */
class SortedSet {
  /** Above this size an insert into the middle no longer splices: the order is rebuilt when next read. */
  private static readonly SPLICE_LIMIT = 1024;
  private readonly scores = new Map<string, number>();
  /** In order unless `stale`. */
  private order: { score: number; member: string }[] = [];
  /**
   * Set by an insert into the middle of a large set (a user's D keys arrive in
   * HMAC order, at random places): the order is rebuilt once, by one sort,
   * when something reads it, instead of moving half the array per insert.
   * Ids that only grow (products, orders) append and never go stale.
   */
  private stale = false;

  get size(): number {
    return this.scores.size;
  }

  private static before(a: { score: number; member: string }, score: number, member: string): boolean {
    return a.score < score || (a.score === score && a.member < member);
  }

  private indexOf(score: number, member: string): number {
    let lo = 0;
    let hi = this.order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (SortedSet.before(this.order[mid]!, score, member)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  add(score: number, member: string): void {
    // Already there with this score: nothing moves (as in Redis).
    const had = this.scores.get(member);
    if (had === score) return;
    this.scores.set(member, score);
    if (this.stale) return;
    if (had !== undefined) this.order.splice(this.indexOf(had, member), 1);
    const last = this.order[this.order.length - 1];
    if (!last || SortedSet.before(last, score, member)) this.order.push({ score, member });
    else if (this.order.length < SortedSet.SPLICE_LIMIT) this.order.splice(this.indexOf(score, member), 0, { score, member });
    else this.stale = true;
  }

  remove(member: string): void {
    const score = this.scores.get(member);
    if (score === undefined) return;
    this.scores.delete(member);
    if (!this.stale) this.order.splice(this.indexOf(score, member), 1);
  }

  private ordered(): { score: number; member: string }[] {
    if (this.stale) {
      this.order = [...this.scores].map(([member, score]) => ({ score, member }));
      this.order.sort((a, b) => a.score - b.score || (a.member < b.member ? -1 : a.member > b.member ? 1 : 0));
      this.stale = false;
    }
    return this.order;
  }

  /** The members in no particular order (what a deletion by prefix needs: no sort). */
  members(): IterableIterator<string> {
    return this.scores.keys();
  }

  /** Redis ZRANGE rank semantics, including negative indexes. */
  range(start: number, stop: number, order: 'asc' | 'desc'): string[] {
    const all = this.ordered();
    const n = all.length;
    let from = start < 0 ? Math.max(n + start, 0) : start;
    let to = stop < 0 ? n + stop : Math.min(stop, n - 1);
    if (from > to || from >= n) return [];
    if (order === 'desc') [from, to] = [n - 1 - to, n - 1 - from];
    const slice = all.slice(from, to + 1).map((e) => e.member);
    return order === 'desc' ? slice.reverse() : slice;
  }

  entries(): [string, number][] {
    return this.ordered().map((e) => [e.member, e.score]);
  }

  clone(): SortedSet {
    const z = new SortedSet();
    for (const [member, score] of this.scores) z.scores.set(member, score);
    // Not push(...): a spread of a few hundred thousand entries overflows the call stack.
    z.order = this.order.map((e) => ({ ...e }));
    z.stale = this.stale;
    return z;
  }

  /** From entries already in order (a snapshot's), without a search per member. */
  static fromOrdered(entries: [string, number][]): SortedSet {
    const z = new SortedSet();
    for (const [member, score] of entries) {
      z.scores.set(member, score);
      z.order.push({ score, member });
    }
    return z;
  }
}

/** One model's keys written out: its checkpoint and one segment of ./image.ts. */
export interface ModelSegment {
  model: string;
  checkpoint: string;
  info: SegmentInfo;
  bytes: Buffer;
}

/** A snapshot being written: the models' segments, then `done` (written: read from them from now on) or `failed`. */
export interface Freeze {
  segments(): AsyncGenerator<ModelSegment>;
  done(written: Map<string, FrozenKeys>): void;
  failed(): void;
}

/** The in-process store, which can also be written out and started from a snapshot. */
export interface MemoryReadStore extends ReadModelStore {
  /** The current generation of every model that has one, frozen at this instant (null while a freeze is open). */
  freeze(): Freeze | null;
  /** Sets the models named to start from these keys, as their current generation. */
  restore(models: { model: string; checkpoint: string; keys: FrozenKeys }[]): void;
  /** Every model's checkpoint in its current generation. */
  checkpoints(): Record<string, string>;
}

type Value = string | Map<string, string> | SortedSet;
const GONE = Symbol('deleted');
type Slot = Value | typeof GONE;

/** Entries encoded between two yields to the event loop while a snapshot is written. */
const CHUNK = 5000;
const yieldToLoop = () => new Promise((r) => setImmediate(r));

function encode(v: Value): [number, Buffer] {
  if (typeof v === 'string') return [STRING, Buffer.from(v, 'utf8')];
  if (v instanceof Map) return [HASH, Buffer.from(JSON.stringify(Object.fromEntries(v)), 'utf8')];
  return [ZSET, Buffer.from(JSON.stringify(v.entries()), 'utf8')];
}

/** Hashes with more fields than this stay decoded after their first read from a snapshot. */
const DECODED_ONCE = 64;

/**
 * One generation's keys in up to three layers: what changed since the last
 * freeze (`live`), what changed before it and is being written (`frozen`),
 * and the last snapshot read in place (`base`). A deletion over a lower layer
 * is a GONE mark. Reads look top-down; a write first copies the value up.
 */
class Keys {
  base: FrozenKeys | null = null;
  frozen: Map<string, Slot> | null = null;
  live = new Map<string, Slot>();

  private decode(i: number): Value {
    const bytes = this.base!.valueAt(i);
    const kind = this.base!.kindAt(i);
    if (kind === STRING) return bytes.toString('utf8');
    const parsed = JSON.parse(bytes.toString('utf8')) as unknown;
    if (kind === HASH) return new Map(Object.entries(parsed as Record<string, string>));
    return SortedSet.fromOrdered(parsed as [string, number][]);
  }

  /** For reading only: never change what it returns. */
  get(key: string): Value | undefined {
    let slot = this.live.get(key);
    if (slot === undefined && this.frozen) slot = this.frozen.get(key);
    if (slot !== undefined) return slot === GONE ? undefined : slot;
    if (!this.base) return undefined;
    const i = this.base.indexOf(Buffer.from(key, 'utf8'));
    if (i < 0) return undefined;
    const v = this.decode(i);
    // A set, or a hash of many fields (D's buckets), can be large: decoded once, not per read.
    if (v instanceof SortedSet || (v instanceof Map && v.size > DECODED_ONCE)) this.live.set(key, v);
    return v;
  }

  /** For writing: the value in the top layer, copied up from below the first time. */
  own(key: string): Value | undefined {
    const slot = this.live.get(key);
    if (slot !== undefined) return slot === GONE ? undefined : slot;
    const below = this.get(key);
    if (below === undefined || typeof below === 'string') return below;
    if (this.live.get(key) === below) return below;
    const copy = below instanceof Map ? new Map(below) : below.clone();
    this.live.set(key, copy);
    return copy;
  }

  set(key: string, value: Value): void {
    this.live.set(key, value);
  }

  delete(key: string): void {
    if (this.base || this.frozen) this.live.set(key, GONE);
    else this.live.delete(key);
  }

  *entries(): Generator<[string, Value]> {
    for (const [k, v] of this.live) if (v !== GONE) yield [k, v];
    if (this.frozen) for (const [k, v] of this.frozen) if (v !== GONE && !this.live.has(k)) yield [k, v];
    if (this.base) {
      for (let i = 0; i < this.base.size; i += 1) {
        const k = this.base.keyAt(i).toString('utf8');
        if (!this.live.has(k) && !this.frozen?.has(k)) yield [k, this.decode(i)];
      }
    }
  }

  freeze(): void {
    this.frozen = this.live;
    this.live = new Map();
  }

  /** The frozen layer over the base as one segment, in key order (the base's bytes copied as they are). */
  async segment(): Promise<{ info: SegmentInfo; bytes: Buffer }> {
    const changed = [...this.frozen!].map(([k, v]) => [Buffer.from(k, 'utf8'), v] as const);
    changed.sort((a, b) => Buffer.compare(a[0], b[0]));
    const out = new SegmentWriter();
    const base = this.base;
    const n = base?.size ?? 0;
    let i = 0;
    let j = 0;
    let step = 0;
    while (i < n || j < changed.length) {
      if (++step % CHUNK === 0) await yieldToLoop();
      const c = i >= n ? -1 : j >= changed.length ? 1 : Buffer.compare(changed[j]![0], base!.keyAt(i));
      if (c <= 0) {
        const [k, v] = changed[j++]!;
        if (c === 0) i += 1;
        if (v !== GONE) {
          const [kind, bytes] = encode(v);
          out.add(k, kind, bytes);
        }
      } else {
        out.add(base!.keyAt(i), base!.kindAt(i), base!.valueAt(i));
        i += 1;
      }
    }
    return out.finish();
  }

  /** The snapshot is written: read from it instead of the frozen layer and the old base. */
  rebase(written: FrozenKeys): void {
    this.base = written;
    this.frozen = null;
  }

  /** The snapshot failed: fold the frozen layer back under the live one. */
  unfreeze(): void {
    const frozen = this.frozen;
    this.frozen = null;
    if (!frozen) return;
    for (const [k, v] of frozen) if (!this.live.has(k)) this.live.set(k, v);
  }
}

interface Generation {
  checkpoint: string;
  keys: Keys;
}

interface Model {
  current: number;
  last: number;
  generations: Map<number, Generation>;
}

function wrongType(key: string): Error {
  return new Error(`WRONGTYPE Operation against a key holding the wrong kind of value: ${key}`);
}

export function createMemoryReadStore(): MemoryReadStore {
  const models = new Map<string, Model>();

  function model(name: string): Model {
    let m = models.get(name);
    if (!m) {
      m = { current: 1, last: 1, generations: new Map([[1, { checkpoint: '', keys: new Keys() }]]) };
      models.set(name, m);
    }
    return m;
  }

  function generation(name: string, gen: number): Generation {
    const m = model(name);
    let g = m.generations.get(gen);
    if (!g) {
      g = { checkpoint: '', keys: new Keys() };
      m.generations.set(gen, g);
    }
    return g;
  }

  const current = (name: string): Keys => generation(name, model(name).current).keys;

  // `write`: the value is about to change (it is copied into the top layer first).
  function hash(keys: Keys, key: string, create: boolean, write = create): Map<string, string> | undefined {
    const v = write ? keys.own(key) : keys.get(key);
    if (v === undefined) {
      if (!create) return undefined;
      const h = new Map<string, string>();
      keys.set(key, h);
      return h;
    }
    if (!(v instanceof Map)) throw wrongType(key);
    return v;
  }

  function zset(keys: Keys, key: string, create: boolean, write = create): SortedSet | undefined {
    const v = write ? keys.own(key) : keys.get(key);
    if (v === undefined) {
      if (!create) return undefined;
      const z = new SortedSet();
      keys.set(key, z);
      return z;
    }
    if (!(v instanceof SortedSet)) throw wrongType(key);
    return v;
  }

  function applyOp(keys: Keys, op: WriteOp): void {
    switch (op.op) {
      case 'set':
        keys.set(op.key, op.value);
        return;
      case 'del':
        keys.delete(op.key);
        return;
      case 'hset': {
        const h = hash(keys, op.key, true)!;
        for (const [f, v] of Object.entries(op.fields)) h.set(f, v);
        return;
      }
      case 'hsetfield':
        hash(keys, op.key, true)!.set(op.field, op.value);
        return;
      case 'hdel': {
        const h = hash(keys, op.key, false, true);
        if (!h) return;
        for (const f of op.fields) h.delete(f);
        if (h.size === 0) keys.delete(op.key); // Redis drops empty hashes
        return;
      }
      case 'hincrby': {
        const h = hash(keys, op.key, true)!;
        h.set(op.field, String(Number(h.get(op.field) ?? '0') + op.by));
        return;
      }
      case 'zadd':
        zset(keys, op.key, true)!.add(op.score, op.member);
        return;
      case 'zrem': {
        const z = zset(keys, op.key, false, true);
        if (!z) return;
        z.remove(op.member);
        if (z.size === 0) keys.delete(op.key);
        return;
      }
      case 'delmembers': {
        const index = keys.get(op.key);
        if (index === undefined || typeof index === 'string') return; // a string was refused before the first write
        for (const member of index instanceof Map ? index.keys() : index.members()) keys.delete(op.prefix + member);
        keys.delete(op.key);
        return;
      }
    }
  }

  const store: MemoryReadStore = {
    kind: 'memory',

    freeze() {
      const frozen: { model: string; checkpoint: string; keys: Keys }[] = [];
      for (const [name, m] of models) {
        const g = m.generations.get(m.current);
        if (!g) continue;
        if (g.keys.frozen) return null;
        frozen.push({ model: name, checkpoint: g.checkpoint, keys: g.keys });
      }
      for (const f of frozen) f.keys.freeze();
      return {
        async *segments() {
          for (const f of frozen) yield { model: f.model, checkpoint: f.checkpoint, ...(await f.keys.segment()) };
        },
        done(written) {
          for (const f of frozen) {
            const keys = written.get(f.model);
            if (keys) f.keys.rebase(keys);
            else f.keys.unfreeze();
          }
        },
        failed() {
          for (const f of frozen) f.keys.unfreeze();
        },
      };
    },

    restore(list) {
      for (const { model: name, checkpoint, keys: base } of list) {
        const keys = new Keys();
        keys.base = base;
        models.set(name, { current: 1, last: 1, generations: new Map([[1, { checkpoint, keys }]]) });
      }
    },

    checkpoints() {
      const out: Record<string, string> = {};
      for (const [name, m] of models) {
        const g = m.generations.get(m.current);
        if (g) out[name] = g.checkpoint;
      }
      return out;
    },

    async currentGeneration(name) {
      return model(name).current;
    },

    async newGeneration(name) {
      const m = model(name);
      m.last += 1;
      generation(name, m.last);
      return m.last;
    },

    async switchGeneration(name, from, to) {
      const m = model(name);
      if (m.current !== from) return false;
      m.current = to;
      return true;
    },

    async dropGeneration(name, gen) {
      model(name).generations.delete(gen);
    },

    async checkpoint(name, gen) {
      return generation(name, gen).checkpoint;
    },

    async apply(req: ApplyRequest): Promise<ApplyOutcome> {
      const m = model(req.model);
      const g = generation(req.model, req.generation);
      if (req.requireCurrent && m.current !== req.generation) return { status: 'moved', generation: m.current };
      if (g.checkpoint >= req.next) return { status: 'skipped', checkpoint: g.checkpoint };
      if (g.checkpoint !== req.expected) return { status: 'conflict', checkpoint: g.checkpoint };
      // Check every op's key type before the first write, so a failing batch changes nothing.
      const typeOf = new Map<string, 'string' | 'hash' | 'zset' | undefined>();
      for (const op of req.ops) {
        const wants = op.op === 'hset' || op.op === 'hsetfield' || op.op === 'hdel' || op.op === 'hincrby' ? 'hash' : op.op === 'zadd' || op.op === 'zrem' ? 'zset' : op.op === 'delmembers' ? 'index' : null;
        // set and del take a key of any type: only what they leave matters (most of a replay's ops; no lookup).
        if (wants === null) {
          typeOf.set(op.key, op.op === 'set' ? 'string' : undefined);
          continue;
        }
        let known = typeOf.get(op.key);
        if (known === undefined && !typeOf.has(op.key)) {
          const v = g.keys.get(op.key);
          known = v === undefined ? undefined : typeof v === 'string' ? 'string' : v instanceof Map ? 'hash' : 'zset';
        }
        if (known !== undefined && known !== wants && !(wants === 'index' && known !== 'string')) throw wrongType(op.key);
        typeOf.set(op.key, wants === 'index' ? undefined : wants);
      }
      for (const op of req.ops) applyOp(g.keys, op);
      g.checkpoint = req.next;
      return { status: 'applied' };
    },

    async get(name, key) {
      const v = current(name).get(key);
      if (v === undefined) return null;
      if (typeof v !== 'string') throw wrongType(key);
      return v;
    },

    async hget(name, key, field) {
      return hash(current(name), key, false)?.get(field) ?? null;
    },

    async hgetall(name, key) {
      const h = hash(current(name), key, false);
      return h ? Object.fromEntries(h) : null;
    },

    async hgetallMany(name, keys) {
      const all = current(name);
      return keys.map((k) => {
        const h = hash(all, k, false);
        return h ? Object.fromEntries(h) : null;
      });
    },

    async zrange(name, key, start, stop, order = 'asc') {
      return zset(current(name), key, false)?.range(start, stop, order) ?? [];
    },

    async zcard(name, key) {
      return zset(current(name), key, false)?.size ?? 0;
    },

    async zpage(name, key, start, stop, hashPrefix) {
      const all = current(name);
      const set = zset(all, key, false);
      const members = set?.range(start, stop, 'asc') ?? [];
      const hashes = members.map((m) => {
        const h = hash(all, hashPrefix + m, false);
        return h ? Object.fromEntries(h) : null;
      });
      return { total: set?.size ?? 0, members, hashes };
    },

    async dump(name) {
      const out: Record<string, unknown> = {};
      for (const [k, v] of current(name).entries()) {
        out[k] = typeof v === 'string' ? v : v instanceof Map ? Object.fromEntries(v) : v.entries();
      }
      return out;
    },

    async ping() {},
    async close() {},
  };
  return store;
}
