import { describeRouteShare } from './routes.js';
import { useIsolationWorld } from './world.js';

// Tenancy for every API route and every role, share 3 of the routes (routes.ts, routes-1.test.ts).
const world = useIsolationWorld();
describeRouteShare(world, 3);
