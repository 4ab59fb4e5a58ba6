import type { Actor, ScopedDb } from './scope.js';

/** A module's `authorize(actor, action)` (platform/access.ts `authorizer`): throws when not allowed. */
type Authorize<P extends string> = (actor: Actor, action: P) => void;

/**
 * The one prologue of a module's service functions: `useCase(action, run)` is `run` behind the
 * action of the module's policy. The actor is checked before `run` reads or writes anything, so no
 * function can forget the check or move it below a query; `run` keeps its own parameters after the
 * scope (`(scoped, clock, id, input)`), and callers call the result exactly as they called `run`.
 *
 * @example
 * const sourceUseCase = authorizedUseCases(authorizeSource);
 * export const getScenario = sourceUseCase('source.read', async (scoped, id: string) => …);
 */
export function authorizedUseCases<P extends string>(authorize: Authorize<P>) {
  return <A extends unknown[], R>(action: P, run: (scoped: ScopedDb, ...args: A) => Promise<R>) =>
    async (scoped: ScopedDb, ...args: A): Promise<R> => {
      authorize(scoped.actor, action);
      return run(scoped, ...args);
    };
}
