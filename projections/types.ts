import type { RecordedEvent } from '../src/infra/eventstore/types.js';
import type { WriteOp } from '../src/infra/readstore/types.js';

/**
 * A read model's projection: a pure mapping from one event to read-model
 * writes. The runner applies the writes and the new checkpoint together.
 */
export interface Projection {
  /** The read model's name; also its Redis hash tag. */
  readonly name: string;
  /** Event types this projection maps; every other event only moves its checkpoint. */
  readonly handles: ReadonlySet<string>;
  /**
   * Event types this projection takes with their personal part still sealed:
   * it keeps the sealed part in its read model and a query opens it when asked
   * (so a replay decrypts nothing). No other projection may need them open.
   */
  readonly keepsSealed?: ReadonlySet<string>;
  apply(event: RecordedEvent): WriteOp[];
}
