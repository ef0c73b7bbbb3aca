// Reads of the key-value read model: a value is found by its key's HMAC and
// opened here with the owner's data key (the read model keeps it sealed), or,
// from a log written before sealing, found by its key in the clear.
import type { Services } from '../infra/services.js';
import type { KeyedHash } from '../infra/secrets.js';
import { keptByPair } from '../infra/kept.js';
import { openSealedPart } from '../infra/keystore/sealed-store.js';
import { DATA, dataKeys, readSealed, sealedEntry } from './read-model.js';
import { dataKeyHash, dataStreamOf } from './events.js';

/**
 * The caller's value under `key`, or undefined when the caller has no such key
 * (or its account is erased). A sealed value's answer is the same frozen
 * object for as long as the value is unchanged (kept opened).
 */
export async function findValue(svc: Pick<Services, 'readStore' | 'names' | 'dataKeys'>, userId: number, key: string): Promise<Readonly<{ value: unknown }> | undefined> {
  const names = keyNames(svc.names, userId, key);
  const stored = await entry(svc.readStore, userId, names.entry, names.values);
  if (stored !== null) {
    const { type, part } = readSealed(stored);
    const fields = await openSealedPart(svc.dataKeys, names.owner, { stream: names.stream, type }, part);
    return (fields as Readonly<{ value: unknown }> | null) ?? undefined;
  }
  const plain = await entry(svc.readStore, userId, key, dataKeys.values(userId, key));
  return plain === null ? undefined : { value: JSON.parse(plain) as unknown };
}

/** What the user's hash `values` holds under `name`, else what a read model of an earlier release holds. */
async function entry(store: Services['readStore'], userId: number, name: string, values: string): Promise<string | null> {
  return (await store.hget(DATA, values, name)) ?? store.get(DATA, dataKeys.former.value(userId, name));
}

/** A key's names in the read model and the log: its sealed entry, the hash holding it, its stream, its owner. */
interface KeyNames {
  entry: string;
  values: string;
  stream: string;
  owner: string;
}

/**
 * Each (user, key)'s names, worked out once: an HMAC, four strings and a hash over one of them
 * otherwise, at every read. Per HMAC secret (apps in one process may differ); at most
 * KEPT_NAMES per secret, all dropped and worked out again when full.
 */
const KEPT_NAMES = 10_000;
const keptNames = new WeakMap<KeyedHash, (userId: number, key: string) => KeyNames>();

function keyNames(names: KeyedHash, userId: number, key: string): KeyNames {
  let kept = keptNames.get(names);
  if (!kept) {
    kept = keptByPair(KEPT_NAMES, (userId: number, key: string): KeyNames => {
      const hash = dataKeyHash(names, userId, key);
      const sealed = sealedEntry(hash);
      return Object.freeze({ entry: sealed, values: dataKeys.values(userId, sealed), stream: dataStreamOf(userId, hash), owner: String(userId) });
    });
    keptNames.set(names, kept);
  }
  return kept(userId, key);
}
