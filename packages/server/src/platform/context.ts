import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { Database } from './db/connect.js';
import { EventRuntime } from './events/runtime.js';
import type { InstanceSlot, ModuleContext, ShorelineModule } from './module.js';
import { ScopedDb, ScopeRules } from './scope.js';

/** Collects the modules' scoped-table declarations into one instance's rules. */
export function scopeRulesOf(modules: readonly ShorelineModule[]): ScopeRules {
  return new ScopeRules(modules.map((m) => ({ owner: m.name, tables: m.scopedTables ?? {} })));
}

/** One app instance's context: its database, configuration, clock, scope rules and slot values. */
export function createModuleContext(options: {
  database: Database;
  config: Config;
  clock: Clock;
  modules: readonly ShorelineModule[];
}): ModuleContext {
  const { database, config, clock } = options;
  const scopeRules = scopeRulesOf(options.modules);
  const values = new Map<InstanceSlot<unknown>, unknown>();
  const events = new EventRuntime({
    database,
    config,
    clock,
    listeners: options.modules.flatMap((m) => m.listeners ?? []),
    readers: new Map(options.modules.flatMap((m) => Object.entries(m.pushSubjects ?? {}))),
  });
  const ctx: ModuleContext = {
    database,
    db: database.db,
    config,
    clock,
    scopeRules,
    scope: (actor) => new ScopedDb(database.db, actor, scopeRules),
    events,
    instance<T>(slot: InstanceSlot<T>): T {
      if (!values.has(slot)) values.set(slot, slot.create(ctx));
      return values.get(slot) as T;
    },
  };
  return ctx;
}
