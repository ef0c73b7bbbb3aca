// Every read model the service keeps, in one list for the runner and replay.
import type { Projection } from './types.js';
import { usersProjection } from './users.js';
import { productsProjection } from './products.js';
import { ordersProjection } from './orders.js';
import { dataProjection } from './data.js';

export const allProjections: Projection[] = [usersProjection, productsProjection, ordersProjection, dataProjection];
