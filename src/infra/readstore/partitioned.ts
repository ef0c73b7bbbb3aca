// Spreads a hot read model over a fixed number of partitions, each a model of
// its own underneath (its own hash tag, so its own slot on a Redis Cluster,
// its own checkpoint and generation). Every request checks its session in the
// users model: with one hash tag that model lives on one master, which would
// bound sign-in checks by one machine.
//
// A key always lives in the partition its name hashes to, so reads of one key
// are one round trip as before. A batch's writes are split by partition and
// every partition's checkpoint moves with every batch (partitions without
// writes get an empty apply), each partition atomically as the model was
// before; the model's checkpoint is the lowest of them. After a crash between
// partitions some are one batch ahead: the re-applied batch is skipped there
// and applied where it is missing, so every event still lands once per key.
//
// The partition tags are chosen so that partition i's slot falls in the i-th
// 1/P of the slot space: a cluster whose masters hold equal contiguous slot
// ranges (redis-cli --cluster create does this) gets P/M partitions per master.
//
// Limits: sorted-set pages (zpage) read hashes of several keys at one instant,
// so a partitioned model must not use them (the users model does not); and a
// replay switches partitions one after another, not all at one instant.
import type { ApplyOutcome, ApplyRequest, ReadModelStore, WriteOp, ZPage } from './types.js';

const SLOTS = 16384;

/** CRC16/XMODEM, the hash Redis Cluster computes slots with. */
function crc16(text: string): number {
  let crc = 0;
  for (const byte of Buffer.from(text, 'utf8')) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}

/** The slot of a hash tag's content. */
export const slotOf = (tag: string): number => crc16(tag) % SLOTS;

/** Partition names for `model`: `model~i.s`, with s the first suffix whose slot lies in the i-th 1/P of the slots. */
export function partitionNames(model: string, partitions: number): string[] {
  return Array.from({ length: partitions }, (_, i) => {
    const from = Math.floor((i * SLOTS) / partitions);
    const to = Math.floor(((i + 1) * SLOTS) / partitions);
    for (let s = 0; ; s++) {
      const name = `${model}~${i}.${s}`;
      const slot = slotOf(name);
      if (slot >= from && slot < to) return name;
    }
  });
}

/** FNV-1a: a cheap, stable spread of key names over partitions. */
export function partitionOf(key: string, partitions: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % partitions;
}

/** Wraps `store` so that each model in `partitions` (model -> count) is spread as described above. */
export function partitionModels(store: ReadModelStore, partitions: Record<string, number>): ReadModelStore {
  const names = new Map(Object.entries(partitions).map(([model, n]) => [model, partitionNames(model, n)]));
  const parts = (model: string) => names.get(model);
  const home = (model: string, key: string): string => {
    const p = parts(model);
    return p ? p[partitionOf(key, p.length)]! : model;
  };

  async function apply(req: ApplyRequest): Promise<ApplyOutcome> {
    const p = parts(req.model);
    if (!p) return store.apply(req);
    const byPartition = p.map(() => [] as WriteOp[]);
    for (const op of req.ops) byPartition[partitionOf(op.key, p.length)]!.push(op);
    const outcomes = await Promise.all(p.map((name, i) => store.apply({ ...req, model: name, ops: byPartition[i]! })));
    const moved = outcomes.find((o) => o.status === 'moved');
    if (moved) return moved;
    const conflicts = outcomes.flatMap((o) => (o.status === 'conflict' ? [o.checkpoint] : []));
    if (conflicts.length > 0) return { status: 'conflict', checkpoint: conflicts.reduce((a, b) => (b < a ? b : a)) };
    if (outcomes.some((o) => o.status === 'applied')) return { status: 'applied' };
    const skipped = outcomes.map((o) => (o as { checkpoint: string }).checkpoint);
    return { status: 'skipped', checkpoint: skipped.reduce((a, b) => (b < a ? b : a)) };
  }

  const wrapped: ReadModelStore = {
    kind: store.kind,
    currentGeneration: (model) => store.currentGeneration(parts(model)?.[0] ?? model),

    async newGeneration(model) {
      const p = parts(model);
      if (!p) return store.newGeneration(model);
      // Partitions hand out generations together; if one got ahead (a crashed replay), catch the others up.
      const got = await Promise.all(p.map((name) => store.newGeneration(name)));
      const target = Math.max(...got);
      await Promise.all(
        p.map(async (name, i) => {
          let g = got[i]!;
          while (g < target) g = await store.newGeneration(name);
        }),
      );
      return target;
    },

    async switchGeneration(model, from, to) {
      const p = parts(model);
      if (!p) return store.switchGeneration(model, from, to);
      const switched = await Promise.all(p.map((name) => store.switchGeneration(name, from, to)));
      return switched.every(Boolean);
    },

    async dropGeneration(model, generation) {
      const p = parts(model);
      if (!p) return store.dropGeneration(model, generation);
      await Promise.all(p.map((name) => store.dropGeneration(name, generation)));
    },

    async checkpoint(model, generation) {
      const p = parts(model);
      if (!p) return store.checkpoint(model, generation);
      const all = await Promise.all(p.map((name) => store.checkpoint(name, generation)));
      return all.reduce((a, b) => (b < a ? b : a));
    },

    apply,
    get: (model, key) => store.get(home(model, key), key),
    hget: (model, key, field) => store.hget(home(model, key), key, field),
    hgetall: (model, key) => store.hgetall(home(model, key), key),

    async hgetallMany(model, keys) {
      if (!parts(model)) return store.hgetallMany(model, keys);
      const groups = new Map<string, number[]>();
      keys.forEach((key, i) => {
        const name = home(model, key);
        groups.set(name, [...(groups.get(name) ?? []), i]);
      });
      const out: (Record<string, string> | null)[] = new Array(keys.length).fill(null);
      await Promise.all(
        [...groups].map(async ([name, indexes]) => {
          const found = await store.hgetallMany(name, indexes.map((i) => keys[i]!));
          indexes.forEach((index, j) => (out[index] = found[j]!));
        }),
      );
      return out;
    },

    zrange: (model, key, start, stop, order) => store.zrange(home(model, key), key, start, stop, order),
    zcard: (model, key) => store.zcard(home(model, key), key),

    async zpage(model, key, start, stop, hashPrefix): Promise<ZPage> {
      if (parts(model)) throw new Error(`zpage is not available on the partitioned model ${model}`);
      return store.zpage(model, key, start, stop, hashPrefix);
    },

    async dump(model) {
      const p = parts(model);
      if (!p) return store.dump(model);
      return Object.assign({}, ...(await Promise.all(p.map((name) => store.dump(name)))));
    },

    ping: () => store.ping(),
    close: () => store.close(),
  };
  return wrapped;
}
