// Key-value workflows: each decides on the key's own stream and answers after
// the read model shows the change.
import { handle } from '../infra/commands.js';
import type { Services } from '../infra/services.js';
import { keyDecider, type DataCommand } from './decider.js';
import { dataStream } from './events.js';

async function run(svc: Services, command: DataCommand): Promise<void> {
  const { userId, key } = command.data;
  const done = await handle(svc.eventStore, dataStream(svc.names, userId, key), keyDecider, command);
  await svc.settle(done.position);
}

/** Throws DomainError KeyExists. */
export const storeData = (svc: Services, data: { userId: number; key: string; value: unknown }) =>
  run(svc, { type: 'StoreData', data, metadata: { now: svc.now() } });

/** Throws DomainError KeyNotFound. */
export const updateData = (svc: Services, data: { userId: number; key: string; value: unknown }) =>
  run(svc, { type: 'UpdateData', data, metadata: { now: svc.now() } });

/** Throws DomainError KeyNotFound. */
export const deleteData = (svc: Services, data: { userId: number; key: string }) =>
  run(svc, { type: 'DeleteData', data, metadata: { now: svc.now() } });
