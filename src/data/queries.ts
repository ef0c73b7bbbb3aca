// Reads of the key-value read model: a value is found by its key's HMAC and
// opened here with the owner's data key (the read model keeps it sealed), or,
// from a log written before sealing, found by its key in the clear.
import type { Services } from '../infra/services.js';
import { openSealedPart } from '../infra/keystore/sealed-store.js';
import { DATA, dataKeys, readSealed, sealedEntry } from './read-model.js';
import { dataKeyHash, dataStreamOf } from './events.js';

/**
 * The caller's value under `key`, or undefined when the caller has no such key
 * (or its account is erased). A sealed value's answer is the same frozen
 * object for as long as the value is unchanged (kept opened).
 */
export async function findValue(svc: Pick<Services, 'readStore' | 'names' | 'dataKeys'>, userId: number, key: string): Promise<Readonly<{ value: unknown }> | undefined> {
  const hash = dataKeyHash(svc.names, userId, key);
  const stored = await entry(svc.readStore, userId, sealedEntry(hash));
  if (stored !== null) {
    const { type, part } = readSealed(stored);
    const fields = await openSealedPart(svc.dataKeys, String(userId), { stream: dataStreamOf(userId, hash), type }, part);
    return (fields as Readonly<{ value: unknown }> | null) ?? undefined;
  }
  const plain = await entry(svc.readStore, userId, key);
  return plain === null ? undefined : { value: JSON.parse(plain) as unknown };
}

/** What the user's hash holds under `name`, else what a read model of an earlier release holds. */
async function entry(store: Services['readStore'], userId: number, name: string): Promise<string | null> {
  return (await store.hget(DATA, dataKeys.values(userId, name), name)) ?? store.get(DATA, dataKeys.former.value(userId, name));
}
