import type { Config } from './config.js';
import { notFound } from './http/problem.js';
import type { Actor, ScopedDb } from './scope.js';

/** Whether an actor may take an action. Pure: decided by role and provider alone. */
export type Rule = (actor: Actor) => boolean;

/** A module's policy: each action it guards ('team.write', 'import.run', …) and who may take it. */
export type Policy = Readonly<Record<string, Rule>>;

/** Bounds a module enforces on input that a client should know before sending (bytes, rows, …). */
export type Limits = Readonly<Record<string, number>>;

/** What the platform knows about access across modules: the one answer `/api/me` gives the web app. */
export interface Access {
  /** Every action of every module the actor may take, sorted. */
  abilitiesOf(actor: Actor): string[];
  /** Every module's input bounds under the running configuration. */
  readonly limits: Limits;
}

/**
 * Collects the modules' policies and limits. The policies are the same objects the services
 * authorize with, so what `/api/me` reports can never differ from what the API enforces.
 * @throws Error when two modules claim the same action or limit name.
 */
export function collectAccess(
  modules: readonly { name: string; policy?: Policy; limits?: (config: Config) => Limits }[],
  config: Config,
): Access {
  const rules = new Map<string, Rule>();
  // The platform's own bound: every request body, whatever module it reaches.
  const limits: Record<string, number> = { maxBodyBytes: config.maxBodyBytes };
  for (const m of modules) {
    for (const [action, rule] of Object.entries(m.policy ?? {})) {
      if (rules.has(action)) throw new Error(`module ${m.name}: action ${action} is declared twice`);
      rules.set(action, rule);
    }
    for (const [name, value] of Object.entries(m.limits?.(config) ?? {})) {
      if (name in limits) throw new Error(`module ${m.name}: limit ${name} is declared twice`);
      limits[name] = value;
    }
  }
  const actions = [...rules.keys()].sort();
  return {
    abilitiesOf: (actor) => actions.filter((a) => rules.get(a)?.(actor)),
    limits: Object.freeze(limits),
  };
}

/** Every signed-in user (sign-in itself is the platform's job). */
export const anyone: Rule = () => true;

/** The organization's own admins (a vendor's admins manage nothing of the organization's). */
export const organizationAdmin: Rule = (actor) => actor.role === 'admin' && actor.providerId === null;

/** The organization's own admins and supervisors. */
export const organizationLead: Rule = (actor) => actor.providerId === null && actor.role !== 'agent';

/** Admins and supervisors, the organization's or a vendor's (their scope keeps them to their provider). */
export const adminOrSupervisor: Rule = (actor) => actor.role === 'admin' || actor.role === 'supervisor';

/**
 * A module's `authorize(actor, action)`: nothing when the policy lets the actor take the action,
 * else the module's 404 naming `what` (a 404, not a 403: what the actor may not touch stays unseen).
 */
export function authorizer<P extends Policy>(policy: P, what: string) {
  return (actor: Actor, action: keyof P & string): void => {
    if (!policy[action]?.(actor)) throw notFound(what);
  };
}

/**
 * A policy's `can(actor, action)` and an `authorize(actor, action, what)` that names the refused
 * record at each call (the article, the category, …), for modules whose 404 names differ by call.
 */
export function policyGuard<P extends Policy>(policy: P) {
  const can = (actor: Actor, action: keyof P & string): boolean => policy[action]?.(actor) ?? false;
  const authorize = (actor: Actor, action: keyof P & string, what: string): void => {
    if (!can(actor, action)) throw notFound(what);
  };
  return { can, authorize };
}

/**
 * A module's use cases under its policy: `useCase(action, run)` is `run` with the
 * `authorize(s.actor, action)` that opened every service function done first. A refusal still
 * rejects the returned promise, as it did from the async function, and nothing of `run` happens.
 */
export function useCasesOf<A extends string>(authorize: (actor: Actor, action: A) => void) {
  return <Args extends unknown[], R>(action: A, run: (s: ScopedDb, ...args: Args) => Promise<R>) =>
    async (s: ScopedDb, ...args: Args): Promise<R> => {
      authorize(s.actor, action);
      return run(s, ...args);
    };
}
