import type { Actor, ScopedDb } from '../scope.js';

/** Per-request variables. `scoped` exists only behind `requireActor`. */
export interface AppEnv {
  Variables: {
    actor: Actor;
    scoped: ScopedDb;
    requestId: string;
  };
}
