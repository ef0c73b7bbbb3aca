// The in-process read store (no REDIS_URL): the same semantics as the Redis
// store, held in Maps and rebuilt from the event log at every start.
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

/** One read model's current generation as plain data: what a snapshot holds. */
export interface ModelImage {
  model: string;
  checkpoint: string;
  /** [key, 's', value] | [key, 'h', [field, value][]] | [key, 'z', [member, score][]] */
  keys: [string, 's' | 'h' | 'z', unknown][];
}

/** The in-process store, which can also be copied out and back in whole (snapshots). */
export interface MemoryReadStore extends ReadModelStore {
  /** A consistent copy of every model's current generation, taken synchronously. */
  images(): ModelImage[];
  /** Replaces the models named in `images` by them, as their current generation. */
  restore(images: ModelImage[]): void;
}

type Value = string | Map<string, string> | SortedSet;

interface Generation {
  checkpoint: string;
  keys: Map<string, Value>;
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
      m = { current: 1, last: 1, generations: new Map([[1, { checkpoint: '', keys: new Map() }]]) };
      models.set(name, m);
    }
    return m;
  }

  function generation(name: string, gen: number): Generation {
    const m = model(name);
    let g = m.generations.get(gen);
    if (!g) {
      g = { checkpoint: '', keys: new Map() };
      m.generations.set(gen, g);
    }
    return g;
  }

  const current = (name: string): Map<string, Value> => generation(name, model(name).current).keys;

  function hash(keys: Map<string, Value>, key: string, create: boolean): Map<string, string> | undefined {
    const v = keys.get(key);
    if (v === undefined) {
      if (!create) return undefined;
      const h = new Map<string, string>();
      keys.set(key, h);
      return h;
    }
    if (!(v instanceof Map)) throw wrongType(key);
    return v;
  }

  function zset(keys: Map<string, Value>, key: string, create: boolean): SortedSet | undefined {
    const v = keys.get(key);
    if (v === undefined) {
      if (!create) return undefined;
      const z = new SortedSet();
      keys.set(key, z);
      return z;
    }
    if (!(v instanceof SortedSet)) throw wrongType(key);
    return v;
  }

  function applyOp(keys: Map<string, Value>, op: WriteOp): void {
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
      case 'hdel': {
        const h = hash(keys, op.key, false);
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
        const z = zset(keys, op.key, false);
        if (!z) return;
        z.remove(op.member);
        if (z.size === 0) keys.delete(op.key);
        return;
      }
      case 'delmembers': {
        const z = zset(keys, op.key, false);
        if (!z) return;
        for (const member of z.members()) keys.delete(op.prefix + member);
        keys.delete(op.key);
        return;
      }
    }
  }

  const store: MemoryReadStore = {
    kind: 'memory',

    images() {
      const out: ModelImage[] = [];
      for (const [name, m] of models) {
        const g = m.generations.get(m.current);
        if (!g) continue;
        const keys: ModelImage['keys'] = [];
        for (const [k, v] of g.keys) {
          if (typeof v === 'string') keys.push([k, 's', v]);
          else if (v instanceof Map) keys.push([k, 'h', [...v]]);
          else keys.push([k, 'z', v.entries()]);
        }
        out.push({ model: name, checkpoint: g.checkpoint, keys });
      }
      return out;
    },

    restore(images) {
      for (const image of images) {
        const keys = new Map<string, Value>();
        for (const [k, type, v] of image.keys) {
          if (type === 's') keys.set(k, v as string);
          else if (type === 'h') keys.set(k, new Map(v as [string, string][]));
          else keys.set(k, SortedSet.fromOrdered(v as [string, number][]));
        }
        models.set(image.model, { current: 1, last: 1, generations: new Map([[1, { checkpoint: image.checkpoint, keys }]]) });
      }
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
        const v = g.keys.get(op.key);
        const known = typeOf.has(op.key)
          ? typeOf.get(op.key)
          : v === undefined ? undefined : typeof v === 'string' ? 'string' : v instanceof Map ? 'hash' : 'zset';
        const wants = op.op === 'hset' || op.op === 'hdel' || op.op === 'hincrby' ? 'hash' : op.op === 'zadd' || op.op === 'zrem' || op.op === 'delmembers' ? 'zset' : null;
        if (wants && known !== undefined && known !== wants) throw wrongType(op.key);
        typeOf.set(op.key, op.op === 'del' || op.op === 'delmembers' ? undefined : op.op === 'set' ? 'string' : (wants ?? known));
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
      for (const [k, v] of current(name)) {
        out[k] = typeof v === 'string' ? v : v instanceof Map ? Object.fromEntries(v) : v.entries();
      }
      return out;
    },

    async ping() {},
    async close() {},
  };
  return store;
}
