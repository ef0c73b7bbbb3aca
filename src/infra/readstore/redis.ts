// Read models in Redis. Every key of one read model carries the same hash tag
// ({users}, {products}, ...), so one model's writes and its checkpoint can be
// applied by one Lua script, also on Redis Cluster. Keys:
//   <prefix>{model}:current           the generation queries read
//   <prefix>{model}:last              the newest generation handed out
//   <prefix>{model}:<gen>:@checkpoint position of the last event applied
//   <prefix>{model}:<gen>:<key>       the model's own keys
// On a Redis Cluster every script touches keys of one model only, all declared
// in KEYS, so each runs on the one master that holds that model's slot.
import { Cluster, type Redis } from 'ioredis';
import type { RedisClusterNode, RedisTarget } from '../../config.js';
import { createRedisClient, describeTarget, keyHolders } from '../redis-connection.js';
import { partitionModels, slotOf } from './partitioned.js';
import { keptByPair } from '../kept.js';

/**
 * On a cluster the users model (every request's session check) is spread over
 * this many partitions (partitioned.ts); 12 divides evenly over 2, 3, 4 or 6
 * masters. The other models stay whole: their reads are pages over one sorted
 * set, which must sit in one slot.
 */
export const CLUSTER_PARTITIONS: Record<string, number> = { users: 12 };
import {
  ReadStoreUnavailableError,
  type ApplyOutcome,
  type ApplyRequest,
  type ReadModelStore,
  type WriteOp,
  type ZPage,
} from './types.js';

// Compares the stored checkpoint inside the script, so two runners (or two
// instances) can never apply one event twice, and checks key types before the
// first write because Redis does not roll a failed script back.
const APPLY = `
if ARGV[4] == '1' then
  local g = redis.call('GET', KEYS[1]) or '1'
  if g ~= ARGV[1] then return {'moved', g} end
end
local cur = redis.call('GET', KEYS[2]) or ''
if cur >= ARGV[3] then return {'skipped', cur} end
if cur ~= ARGV[2] then return {'conflict', cur} end
local wants = {hset='hash', hsetfield='hash', hdel='hash', hincrby='hash', zadd='zset', zrem='zset', delmembers='index'}
local i = 5
while i <= #ARGV do
  local want = wants[ARGV[i]]
  if want then
    local t = redis.call('TYPE', KEYS[tonumber(ARGV[i + 1])]).ok
    local fits = t == 'none' or t == want or (want == 'index' and (t == 'hash' or t == 'zset'))
    if not fits then return redis.error_reply('WRONGTYPE ' .. KEYS[tonumber(ARGV[i + 1])]) end
  end
  i = i + 3 + tonumber(ARGV[i + 2])
end
i = 5
while i <= #ARGV do
  local op, k, n = ARGV[i], KEYS[tonumber(ARGV[i + 1])], tonumber(ARGV[i + 2])
  if op == 'set' then redis.call('SET', k, ARGV[i + 3])
  elseif op == 'del' then redis.call('UNLINK', k)
  elseif op == 'hset' then redis.call('HSET', k, unpack(ARGV, i + 3, i + 2 + n))
  elseif op == 'hdel' then redis.call('HDEL', k, unpack(ARGV, i + 3, i + 2 + n))
  elseif op == 'hsetfield' then redis.call('HSET', k, ARGV[i + 3], ARGV[i + 4])
  elseif op == 'hincrby' then redis.call('HINCRBY', k, ARGV[i + 3], ARGV[i + 4])
  elseif op == 'zadd' then redis.call('ZADD', k, ARGV[i + 3], ARGV[i + 4])
  elseif op == 'zrem' then redis.call('ZREM', k, ARGV[i + 3])
  elseif op == 'delmembers' then
    -- The members' keys share the index's hash tag (one model), so one slot.
    local members = redis.call('TYPE', k).ok == 'hash' and redis.call('HKEYS', k) or redis.call('ZRANGE', k, 0, -1)
    for _, m in ipairs(members) do redis.call('DEL', ARGV[i + 3] .. m) end
    redis.call('DEL', k)
  end
  i = i + 3 + n
end
redis.call('SET', KEYS[2], ARGV[3])
return {'applied', ARGV[3]}
`;

const SWITCH = `
local g = redis.call('GET', KEYS[1]) or '1'
if g ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[2])
redis.call('PUBLISH', ARGV[3], ARGV[4])
return 1
`;

const NEW_GENERATION = `
local last = tonumber(redis.call('GET', KEYS[2]) or '0')
local cur = tonumber(redis.call('GET', KEYS[1]) or '1')
local g = math.max(last, cur) + 1
redis.call('SET', KEYS[2], g)
return g
`;

// A page of a sorted set with each member's hash, at one instant. The hashes' names are
// only known once the range is read, and a script must declare every key it touches (a
// cluster routes by them), so the caller reads the range first and passes the members'
// hash keys in KEYS; the script re-reads the range and answers 'stale' if it moved in
// between (the caller tries again). The page comes back as one JSON text: decoding a
// hundred small RESP replies costs the client more than everything else a page request does.
const ZPAGE = `
local members = redis.call('ZRANGE', KEYS[1], ARGV[1], ARGV[2])
if #members ~= #ARGV - 2 then return 'stale' end
for i, m in ipairs(members) do
  if m ~= ARGV[i + 2] then return 'stale' end
end
local total = redis.call('ZCARD', KEYS[1])
local items = {}
for i, m in ipairs(members) do
  local flat = redis.call('HGETALL', KEYS[i + 1])
  local h = {}
  for j = 1, #flat, 2 do h[flat[j]] = flat[j + 1] end
  items[i] = {m, h}
end
return cjson.encode({total, items})
`;

/** How long an applied batch waits for a replica on a cluster (see replicated()). */
const REPLICA_WAIT_MS = 500;

/** How often a page is read again because its range moved between the two reads. */
const ZPAGE_ATTEMPTS = 10;
/** Full key names kept per model for reads (see readName). */
const READ_NAMES = 10_000;

export interface RedisReadStoreOptions {
  /** One Redis server (REDIS_URL)... */
  url?: string;
  /** ...or the seed nodes of a Redis Cluster (REDIS_CLUSTER_NODES). */
  clusterNodes?: RedisClusterNode[];
  /** Prefix of every key (and of the generation channel), e.g. "chronicle:". */
  prefix: string;
  /** How long one command may take before it counts as "Redis unavailable". */
  commandTimeoutMs?: number;
  /**
   * Serve `get`, `hgetall` and `zpage` from an in-process cache kept correct by
   * Redis's invalidation messages (CLIENT TRACKING, broadcast mode); entries
   * live at most this long even so (ms; 0 or unset: no cache).
   */
  cacheMs?: number;
  /** Most entries the cache holds (oldest dropped first). */
  cacheEntries?: number;
}

// The commands we use exist on both Redis and Cluster; one interface names them.
interface ScriptClient extends Redis {
  rmApply(numKeys: number, ...args: (string | number)[]): Promise<[string, string]>;
  rmSwitch(numKeys: number, ...args: (string | number)[]): Promise<number>;
  rmNewGeneration(numKeys: number, ...args: (string | number)[]): Promise<number>;
  rmZPage(numKeys: number, ...args: (string | number)[]): Promise<string>;
}

function isReply(error: unknown): boolean {
  return (error as { name?: string })?.name === 'ReplyError';
}

/** Replies a cluster gives while slots move or a master is being replaced: try again later, not a bug. */
const CLUSTER_IN_TRANSITION = /^(CLUSTERDOWN|TRYAGAIN|MOVED|ASK|MASTERDOWN|LOADING|READONLY)\b/;

export async function openRedisReadStore(options: RedisReadStoreOptions): Promise<ReadModelStore> {
  const target: RedisTarget = options.clusterNodes ? { clusterNodes: options.clusterNodes } : { url: options.url ?? '' };
  const raw = createRedisClient(target, {
    commandTimeoutMs: options.commandTimeoutMs ?? 5000,
    // Commands issued in the same tick share one socket write (and one syscall): under load that
    // is most of the cost of a read, since every request also checks its session here.
    autoPipelining: true,
    scripts: ['rmApply', 'rmSwitch', 'rmNewGeneration', 'rmZPage'],
  });
  const client = raw as unknown as ScriptClient;
  client.on('error', () => {}); // reconnects on its own; failed commands surface as ReadStoreUnavailableError
  client.defineCommand('rmApply', { lua: APPLY });
  client.defineCommand('rmSwitch', { lua: SWITCH });
  client.defineCommand('rmNewGeneration', { lua: NEW_GENERATION });
  client.defineCommand('rmZPage', { lua: ZPAGE });
  try {
    await client.connect();
  } catch (error) {
    client.disconnect();
    throw new ReadStoreUnavailableError(`cannot connect to Redis at ${describeTarget(target)}: ${String(error)}`, { cause: error });
  }

  const prefix = options.prefix;
  const channel = `${prefix}generation`;
  const tag = (model: string) => `${prefix}{${model}}`;
  const pointerKey = (model: string) => `${tag(model)}:current`;
  const lastKey = (model: string) => `${tag(model)}:last`;
  const keyOf = (model: string, gen: number, key: string) => `${tag(model)}:${gen}:${key}`;
  const checkpointKey = (model: string, gen: number) => keyOf(model, gen, '@checkpoint');

  // Queries read the current generation from this cache; a replay's switch is
  // announced on a channel, and a runner told "moved" drops the entry too.
  const generations = new Map<string, number>();
  // Classic pub/sub, also on a cluster: a switch happens once per replay, so the
  // cluster-wide broadcast costs nothing, and one channel serves every model.
  const subscriber =
    raw instanceof Cluster
      ? raw.duplicate(undefined, { enableOfflineQueue: true, lazyConnect: false })
      : raw.duplicate({ enableOfflineQueue: true, lazyConnect: false });
  subscriber.on('error', () => {});
  subscriber.on('message', (_channel: string, model: string) => generations.delete(model));
  subscriber.on('ready', () => generations.clear()); // after a reconnect we may have missed messages
  await subscriber.subscribe(channel);

  // The cache's invalidations come from CLIENT TRACKING on one connection of its own; a cluster would
  // need one such connection per master and a new one at every failover, so on a cluster reads go to Redis.
  const cache =
    options.cacheMs && !(raw instanceof Cluster)
      ? await openReadCache(client, prefix, options.cacheMs, options.cacheEntries ?? 50_000)
      : null;

  /**
   * On a cluster a batch counts as applied once a replica of its master holds
   * it too (WAIT on the connection that wrote it): a master that dies right
   * after would otherwise take the batch (sessions among it) with it, and its
   * promoted replica would refuse tokens until the runner re-applied the batch.
   * A replica that does not answer within the bound does not stop the write.
   */
  async function replicated(model: string): Promise<void> {
    if (!(raw instanceof Cluster)) return;
    const master = raw.slots[slotOf(model)]?.[0];
    const pool = (raw as unknown as { connectionPool: { getInstanceByKey(key: string): Redis | undefined } }).connectionPool;
    const node = master === undefined ? undefined : pool.getInstanceByKey(master);
    if (node) await node.wait(1, REPLICA_WAIT_MS).catch(() => 0);
  }

  async function run<T>(what: () => Promise<T>): Promise<T> {
    try {
      return await what();
    } catch (error) {
      if (isReply(error) && !CLUSTER_IN_TRANSITION.test((error as Error).message)) throw error;
      throw new ReadStoreUnavailableError(`Redis unavailable: ${(error as Error).message}`, { cause: error });
    }
  }

  /** SCAN pages of matching keys from every master (a cluster's keyspace is split among them). */
  async function* scanKeys(pattern: string): AsyncGenerator<string[]> {
    for (const node of keyHolders(raw)) {
      let cursor = '0';
      do {
        const [next, keys] = await run(() => node.scan(cursor, 'MATCH', pattern, 'COUNT', 1000));
        cursor = next;
        yield keys;
      } while (cursor !== '0');
    }
  }

  async function currentGeneration(model: string): Promise<number> {
    const cached = generations.get(model);
    if (cached !== undefined) return cached;
    const g = Number((await run(() => client.get(pointerKey(model)))) ?? '1');
    generations.set(model, g);
    return g;
  }

  function encodeOps(model: string, gen: number, ops: WriteOp[]): { keys: string[]; args: string[] } {
    const keys = [pointerKey(model), checkpointKey(model, gen)];
    const index = new Map<string, string>();
    const args: string[] = [];
    const slot = (key: string) => {
      let i = index.get(key);
      if (i === undefined) {
        keys.push(keyOf(model, gen, key));
        i = String(keys.length);
        index.set(key, i);
      }
      return i;
    };
    // Each op is its name, its key's slot in KEYS, how many arguments follow, and those.
    // The single-value ops (a replay's millions) are pushed as they are, without an array each.
    for (const op of ops) {
      switch (op.op) {
        case 'set':
          args.push('set', slot(op.key), '1', op.value);
          break;
        case 'del':
          args.push('del', slot(op.key), '0');
          break;
        case 'hsetfield':
          args.push('hsetfield', slot(op.key), '2', op.field, op.value);
          break;
        case 'hset': {
          const rest = Object.entries(op.fields).flat();
          if (rest.length > 0) args.push('hset', slot(op.key), String(rest.length), ...rest);
          break;
        }
        case 'hdel':
          if (op.fields.length > 0) args.push('hdel', slot(op.key), String(op.fields.length), ...op.fields);
          break;
        case 'hincrby':
          args.push('hincrby', slot(op.key), '2', op.field, String(op.by));
          break;
        case 'zadd':
          args.push('zadd', slot(op.key), '2', String(op.score), op.member);
          break;
        case 'zrem':
          args.push('zrem', slot(op.key), '1', op.member);
          break;
        case 'delmembers':
          args.push('delmembers', slot(op.key), '1', keyOf(model, gen, op.prefix));
          break;
      }
    }
    return { keys, args };
  }

  /**
   * A cached answer for the current generation's key, served without a promise chain: most
   * requests read only such answers (their session, then their product), so the lookup is
   * synchronous whenever the generation and the entry are both known. Anything else takes
   * the reads below, which fill the cache.
   */
  function cachedNow(model: string, key: string, field?: string): { value: unknown } | undefined {
    const gen = cache ? generations.get(model) : undefined;
    return gen === undefined ? undefined : cache!.peek(readName(model, gen, key), field);
  }

  /**
   * The full names of the keys read lately, per model, for its current generation: the cache
   * files its entries by full name, and a name built anew at every read is flattened and hashed
   * at every lookup (a third of a cached session check, in a perf profile). A kept name is
   * hashed once. At most READ_NAMES per model, all dropped when full or when the generation moves.
   */
  const readNames = new Map<string, { gen: number; names: Map<string, string> }>();
  function readName(model: string, gen: number, key: string): string {
    let kept = readNames.get(model);
    if (kept?.gen !== gen) readNames.set(model, (kept = { gen, names: new Map() }));
    let name = kept.names.get(key);
    if (name === undefined) {
      if (kept.names.size >= READ_NAMES) kept.names.clear();
      name = keyOf(model, gen, key);
      kept.names.set(key, name);
    }
    return name;
  }

  /** `fetch` of the current generation's `key` (its `field` alone, when given), through the cache when there is one. */
  async function readThrough<T>(model: string, key: string, fetch: (full: string) => Promise<T>, field?: string): Promise<T> {
    const full = readName(model, await currentGeneration(model), key);
    const read = () => fetch(full);
    return cache ? cache.read(full, read, field) : read();
  }

  const readString = (full: string) => run(() => client.get(full));
  const readHash = async (full: string) => {
    const h = await run(() => client.hgetall(full));
    return Object.keys(h).length === 0 ? null : Object.freeze(h);
  };

  const pageId = (model: string, gen: number, key: string, start: number, stop: number, hashPrefix: string) =>
    `${keyOf(model, gen, key)} ${start} ${stop} ${hashPrefix}`;

  async function readPage(model: string, key: string, start: number, stop: number, hashPrefix: string): Promise<ZPage> {
    const gen = await currentGeneration(model);
    const zset = keyOf(model, gen, key);
    const hashHead = keyOf(model, gen, hashPrefix);
    const read = async (): Promise<ZPage> => {
      let text = 'stale';
      for (let attempt = 0; text === 'stale'; attempt++) {
        if (attempt === ZPAGE_ATTEMPTS) throw new ReadStoreUnavailableError(`the page of ${model} kept changing while read`);
        const members = await run(() => client.zrange(zset, String(start), String(stop)));
        text = await run(() =>
          client.rmZPage(1 + members.length, zset, ...members.map((m) => hashHead + m), String(start), String(stop), ...members),
        );
      }
      // cjson writes an empty Lua table as {}: no items, or a hash that is gone.
      const [total, items] = JSON.parse(text) as [number, [string, Record<string, string>][] | Record<string, never>];
      const list = Array.isArray(items) ? items : [];
      return Object.freeze({
        total,
        members: list.map(([member]) => member),
        hashes: list.map(([, h]) => (Object.keys(h).length === 0 ? null : Object.freeze(h))),
      });
    };
    // A page depends on the set and on every member's hash: any change to the model drops the model's pages.
    return cache ? cache.readPage(tag(model), pageId(model, gen, key, start, stop, hashPrefix), read) : read();
  }

  const store: ReadModelStore = {
    kind: 'redis',
    currentGeneration,

    async newGeneration(model) {
      return Number(await run(() => client.rmNewGeneration(2, pointerKey(model), lastKey(model))));
    },

    async switchGeneration(model, from, to) {
      const ok = await run(() => client.rmSwitch(1, pointerKey(model), String(from), String(to), channel, model));
      generations.delete(model);
      return ok === 1;
    },

    async dropGeneration(model, gen) {
      const pattern = `${tag(model)}:${gen}:*`.replace(/[[\]?\\]/g, '\\$&');
      for await (const keys of scanKeys(pattern)) {
        // One model's keys share a hash tag, so one UNLINK is one slot, also on a cluster.
        if (keys.length > 0) await run(() => client.unlink(...keys));
      }
    },

    async checkpoint(model, gen) {
      return (await run(() => client.get(checkpointKey(model, gen)))) ?? '';
    },

    async apply(req: ApplyRequest): Promise<ApplyOutcome> {
      const { keys, args } = encodeOps(req.model, req.generation, req.ops);
      const [status, value] = await run(() =>
        client.rmApply(
          keys.length,
          ...keys,
          String(req.generation),
          req.expected,
          req.next,
          req.requireCurrent ? '1' : '0',
          ...args,
        ),
      );
      // This process's own writes leave its cache at once: its read-your-writes answer must not wait for the message.
      if (status === 'applied' && cache) cache.written(keys.slice(2));
      if (status === 'applied') await replicated(req.model);
      switch (status) {
        case 'applied':
          return { status: 'applied' };
        case 'skipped':
          return { status: 'skipped', checkpoint: value };
        case 'conflict':
          return { status: 'conflict', checkpoint: value };
        default:
          generations.delete(req.model);
          return { status: 'moved', generation: Number(value) };
      }
    },

    get(model, key) {
      const hit = cachedNow(model, key);
      return hit ? Promise.resolve(hit.value as string | null) : readThrough(model, key, readString);
    },

    hget(model, key, field) {
      const hit = cachedNow(model, key, field);
      return hit ? Promise.resolve(hit.value as string | null) : readThrough(model, key, (full) => run(() => client.hget(full, field)), field);
    },

    hgetall(model, key) {
      const hit = cachedNow(model, key);
      return hit ? Promise.resolve(hit.value as Record<string, string> | null) : readThrough(model, key, readHash);
    },

    async hgetallMany(model, keys) {
      if (keys.length === 0) return [];
      const gen = await currentGeneration(model);
      const pipeline = client.pipeline();
      for (const k of keys) pipeline.hgetall(keyOf(model, gen, k));
      const replies = await run(() => pipeline.exec());
      return (replies ?? []).map(([error, h]) => {
        if (error) throw error;
        const record = h as Record<string, string>;
        return Object.keys(record).length === 0 ? null : record;
      });
    },

    async zrange(model, key, start, stop, order = 'asc') {
      const gen = await currentGeneration(model);
      const k = keyOf(model, gen, key);
      return run(() => (order === 'asc' ? client.zrange(k, String(start), String(stop)) : client.zrevrange(k, String(start), String(stop))));
    },

    async zcard(model, key) {
      const gen = await currentGeneration(model);
      return run(() => client.zcard(keyOf(model, gen, key)));
    },

    zpage(model, key, start, stop, hashPrefix) {
      const gen = cache ? generations.get(model) : undefined;
      const hit = gen === undefined ? undefined : cache!.peekPage(tag(model), pageId(model, gen, key, start, stop, hashPrefix));
      return hit ? Promise.resolve(hit.value) : readPage(model, key, start, stop, hashPrefix);
    },

    async dump(model) {
      const gen = await currentGeneration(model);
      const head = `${tag(model)}:${gen}:`;
      const out: Record<string, unknown> = {};
      for await (const keys of scanKeys(`${head}*`.replace(/[[\]?\\]/g, '\\$&'))) {
        for (const full of keys) {
          const key = full.slice(head.length);
          if (key === '@checkpoint') continue;
          const type = await run(() => client.type(full));
          if (type === 'string') out[key] = await run(() => client.get(full));
          else if (type === 'hash') out[key] = await run(() => client.hgetall(full));
          else if (type === 'zset') {
            const flat = await run(() => client.zrange(full, '0', '-1', 'WITHSCORES'));
            const pairs: [string, number][] = [];
            for (let i = 0; i < flat.length; i += 2) pairs.push([flat[i]!, Number(flat[i + 1])]);
            out[key] = pairs;
          }
        }
      }
      return out;
    },

    async ping() {
      await run(() => client.ping());
    },

    async synced() {
      if (cache) await cache.synced();
    },

    async close() {
      cache?.close();
      subscriber.disconnect();
      await client.quit().catch(() => client.disconnect());
    },
  };
  // A single server keeps its layout (switching layouts needs a replay).
  return raw instanceof Cluster ? partitionModels(store, CLUSTER_PARTITIONS) : store;
}

interface ReadCache {
  /** What `fetch` reads of `key` (of its `field` alone, when given: dropped with the key). */
  read<T>(key: string, fetch: () => Promise<T>, field?: string): Promise<T>;
  /** The entry `read` would answer from now without fetching, if any. */
  peek(key: string, field?: string): { value: unknown } | undefined;
  /** The page `readPage` would answer from now without fetching, if any. */
  peekPage(model: string, id: string): { value: ZPage } | undefined;
  /** A page of `model` (its key tag), cached under `id`: dropped on any change to the model. */
  readPage(model: string, id: string, fetch: () => Promise<ZPage>): Promise<ZPage>;
  /** Keys this process just wrote (full names). */
  written(keys: string[]): void;
  /** Resolves once every invalidation Redis sent before now has been applied here. */
  synced(): Promise<void>;
  close(): void;
}

/**
 * An in-process cache of read-model reads, kept correct by Redis itself. A
 * connection of its own enables CLIENT TRACKING in broadcast mode for every
 * key under the prefix and subscribes to the invalidation channel (RESP2, so
 * the messages arrive as pub/sub messages; the connection redirects them to
 * itself). Redis sends a key's invalidation as it executes the write, so an
 * entry is dropped within one message's delivery of the write, whichever
 * instance (or tool) wrote it; `cacheMs` caps an entry's life in case a
 * message is lost without the connection noticing. While that connection is
 * down nothing is cached or served from cache, and every (re)connect starts
 * empty. A read answered after an invalidation of its key that arrived while
 * it was in flight is not stored (each key's reads in flight share an epoch
 * that an invalidation moves). One field of a hash is an entry of its own,
 * named by the key and the field, and goes with the key's invalidation
 * (Redis names only the key).
 */
async function openReadCache(main: Redis, prefix: string, ttlMs: number, maxEntries: number): Promise<ReadCache> {
  const entries = new Map<string, { value: unknown; until: number }>();
  /** A hash's cached fields (their entries' names), dropped with the hash. */
  const fieldsOf = new Map<string, Set<string>>();
  const pending = new Map<string, { epoch: number; readers: number }>();
  const pages = new Map<string, Map<string, { value: ZPage; until: number }>>();
  const pageEpochs = new Map<string, number>();
  let live = false;

  // Key names are ours and hold no NUL, so the first one ends the key. The names of fields read
  // lately are kept (as the store keeps its keys' names), so a lookup hashes a name once.
  const fieldEntry = keptByPair(maxEntries, (key: string, field: string) => `${key}\0${field}`);

  const forgetAll = () => {
    entries.clear();
    fieldsOf.clear();
    pending.clear();
    pages.clear();
    for (const model of pageEpochs.keys()) pageEpochs.set(model, (pageEpochs.get(model) ?? 0) + 1);
  };
  const modelOf = (key: string) => {
    const close = key.indexOf('}', prefix.length);
    return close < 0 ? null : key.slice(0, close + 1);
  };
  const forget = (key: string) => {
    entries.delete(key);
    const flight = pending.get(key);
    if (flight) flight.epoch++;
    const fields = fieldsOf.get(key);
    if (fields) {
      for (const name of fields) entries.delete(name);
      fieldsOf.delete(key);
    }
    if (key.endsWith(':@checkpoint')) return;
    const model = modelOf(key);
    if (model && pages.has(model)) pages.delete(model);
    if (model) pageEpochs.set(model, (pageEpochs.get(model) ?? 0) + 1);
  };

  const tracker = main.duplicate({ protocol: 2, autoResubscribe: false, enableOfflineQueue: true, lazyConnect: true });
  tracker.on('error', () => {});
  tracker.on('messageBuffer', (_channel: Buffer, keys: Buffer[] | Buffer | null) => {
    if (keys === null) return forgetAll(); // FLUSHDB / FLUSHALL
    for (const k of Array.isArray(keys) ? keys : [keys]) forget(k.toString());
  });
  const down = () => {
    live = false;
    forgetAll();
  };
  tracker.on('close', down);
  tracker.on('reconnecting', down);
  let tracking: Promise<void> = Promise.resolve();
  tracker.on('ready', () => {
    tracking = (async () => {
      try {
        const id = await tracker.client('ID');
        await tracker.client('TRACKING', 'ON', 'REDIRECT', String(id), 'BCAST', 'PREFIX', prefix);
        await tracker.subscribe('__redis__:invalidate');
        forgetAll();
        live = true;
      } catch {
        tracker.disconnect(true); // try again from a fresh connection
      }
    })();
  });
  await tracker.connect().catch(() => {});
  // The store opens with its cache live: until tracking is on, reads go to Redis uncached.
  await tracking;

  const store = <V>(map: Map<string, { value: V; until: number }>, key: string, value: V) => {
    if (map.size >= maxEntries) {
      const oldest = map.keys().next().value!;
      map.delete(oldest);
      const nul = oldest.indexOf('\0');
      if (nul >= 0) {
        const key = oldest.slice(0, nul);
        const fields = fieldsOf.get(key);
        if (fields?.delete(oldest) && fields.size === 0) fieldsOf.delete(key);
      }
    }
    map.set(key, { value, until: Date.now() + ttlMs });
  };

  const peek = (key: string, field?: string) => {
    if (!live) return undefined;
    const hit = entries.get(field === undefined ? key : fieldEntry(key, field));
    return hit && hit.until > Date.now() ? hit : undefined;
  };

  const peekPage = (model: string, id: string) => {
    if (!live) return undefined;
    const hit = pages.get(model)?.get(id);
    return hit && hit.until > Date.now() ? hit : undefined;
  };

  return {
    peek,
    peekPage,

    async read<T>(key: string, fetch: () => Promise<T>, field?: string): Promise<T> {
      if (!live) return fetch();
      const hit = peek(key, field);
      if (hit) return hit.value as T;
      let flight = pending.get(key);
      if (!flight) pending.set(key, (flight = { epoch: 0, readers: 0 }));
      const epoch = flight.epoch;
      flight.readers++;
      try {
        const value = await fetch();
        // Not after an invalidation of the key, nor across a reconnect (which drops `pending`).
        if (live && pending.get(key) === flight && flight.epoch === epoch) {
          if (field === undefined) store(entries, key, value);
          else {
            const name = fieldEntry(key, field);
            store(entries, name, value);
            let fields = fieldsOf.get(key);
            if (!fields) fieldsOf.set(key, (fields = new Set()));
            fields.add(name);
          }
        }
        return value;
      } finally {
        if (--flight.readers === 0 && pending.get(key) === flight) pending.delete(key);
      }
    },

    async readPage(model, id, fetch) {
      if (!live) return fetch();
      const hit = peekPage(model, id);
      if (hit) return hit.value;
      const epoch = pageEpochs.get(model) ?? 0;
      const value = await fetch();
      if (live && (pageEpochs.get(model) ?? 0) === epoch) {
        let forModel = pages.get(model);
        if (!forModel) pages.set(model, (forModel = new Map()));
        store(forModel, id, value);
      }
      return value;
    },

    written(keys) {
      for (const k of keys) forget(k);
    },

    async synced() {
      // Replies come in order on one connection: once PING answers, every message sent before it was handled.
      if (live) await tracker.ping().catch(() => down());
    },

    close() {
      live = false;
      tracker.disconnect();
    },
  };
}
