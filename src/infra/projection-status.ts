// What the HTTP layer (/ready, /metrics) needs to know about the projections
// serving this process. The projection runner implements it; it lives here, in
// infra, so that neither side imports the other.
import type { Position } from './eventstore/types.js';

/** What the metrics need to know about projections in this process. */
export interface ProjectionProgress {
  /** Position up to which the read models show the log (null: nothing applied yet). */
  position(): Promise<Position | null>;
}

/** What /ready needs to know about the projections serving this process. */
export interface ProjectionStatus extends ProjectionProgress {
  /** False until the read models first caught up with the log (at start). */
  readonly isCaughtUp: boolean;
  /** Why the projections are paused, if they are. */
  readonly error: string | null;
}
