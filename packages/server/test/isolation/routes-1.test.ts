import { describePush } from './push.js';
import { describeRouteShare } from './routes.js';
import { useIsolationWorld } from './world.js';

// Tenancy for every API route and every role, in shares (routes.ts); this file also runs the push
// suite, first, in the same world.
const world = useIsolationWorld();
describePush(world);
describeRouteShare(world, 1);
