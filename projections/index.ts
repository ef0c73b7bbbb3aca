// Every read model the service keeps, in one list for the runner and replay.
import type { Projection } from './types.js';
import { usersProjection } from './users.js';

export const allProjections: Projection[] = [usersProjection];
