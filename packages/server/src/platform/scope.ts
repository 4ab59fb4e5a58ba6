import {
  type DeleteQueryBuilder,
  type DeleteResult,
  type InsertQueryBuilder,
  type InsertResult,
  type Kysely,
  type RawBuilder,
  type Selectable,
  type SelectQueryBuilder,
  sql,
  type Transaction,
  type UpdateObject,
  type UpdateQueryBuilder,
  type UpdateResult,
} from 'kysely';
import type { DB } from './db/schema.js';
import { notFound } from './http/problem.js';

// Roles are the one domain vocabulary (core/domain/vocabulary.ts).
export type { Role } from '@shoreline/core';

import type { Role } from '@shoreline/core';

/** Who is calling: the one thing every data access is scoped by. */
export interface Actor {
  /**
   * A person signed in (`user`, the default when absent), or a named part of Shoreline acting on its
   * own (`system`: the CLI, a job, a mail poller), whose `userId` then reads `system:<name>`.
   */
  readonly kind?: 'user' | 'system';
  readonly userId: string;
  readonly organizationId: string;
  /** Set for vendor staff: they see only what belongs to their provider. */
  readonly providerId: string | null;
  readonly role: Role;
}

/**
 * The named system actor (`system:cli`, …) acting for one organization with an administrator's reach:
 * what the operator's commands and background work are attributed to.
 */
export function systemActor(name: string, organizationId: string): Actor {
  return { kind: 'system', userId: `system:${name}`, organizationId, providerId: null, role: 'admin' };
}

export type TableName = keyof DB & string;

/** How a module declares one table's scope (in its ShorelineModule's `scopedTables`). */
export interface ScopeRuleDeclaration {
  /** Column naming the provider a row belongs to; null when the table has none. */
  readonly providerColumn: string | null;
  /** May vendor staff see rows of a table without a provider column? Default: no. */
  readonly vendorVisible?: boolean;
}

/** A module's scoped tables: table name → rule. */
export type ScopedTables = { readonly [T in TableName]?: ScopeRuleDeclaration };

/** A table without a provider column that vendor staff may read (the organization's shared content). */
export const VENDOR_VISIBLE: ScopeRuleDeclaration = { providerColumn: null, vendorVisible: true };

/** One table's scope in short: its provider column (null: none), or the whole rule. */
export type ScopeShorthand = string | null | ScopeRuleDeclaration;

/**
 * A module's scoped tables from the short form, `scopedTables({ tickets: 'provider_id', teams: null })`:
 * the `{ providerColumn: … }` every module's tables.ts restated per table.
 */
export function scopedTables(rules: { readonly [T in TableName]?: ScopeShorthand }): ScopedTables {
  const out: { [table: string]: ScopeRuleDeclaration } = {};
  for (const [table, rule] of Object.entries(rules)) {
    out[table] =
      rule === null || typeof rule === 'string' ? { providerColumn: rule } : (rule as ScopeRuleDeclaration);
  }
  return out;
}

interface ScopeRule {
  providerColumn: string | null;
  vendorVisible: boolean;
}

/**
 * Every table's scope rule, collected from the modules' declarations by the app instance that runs
 * them (no module-level registry: two instances in one process each have their own). A table no
 * module declared is an error, so no route can reach a table without its scope.
 */
export class ScopeRules {
  private readonly rules = new Map<string, ScopeRule>();

  constructor(declarations: Iterable<{ owner: string; tables: ScopedTables }>) {
    const owners = new Map<string, string>();
    for (const { owner, tables } of declarations)
      for (const [table, rule] of Object.entries(tables) as [string, ScopeRuleDeclaration][]) {
        const previous = owners.get(table);
        if (previous !== undefined)
          throw new Error(`table ${table} is declared scoped by both ${previous} and ${owner}`);
        owners.set(table, owner);
        this.rules.set(table, {
          providerColumn: rule.providerColumn,
          vendorVisible: rule.vendorVisible ?? false,
        });
      }
  }

  /** The scoped tables, in declaration order. */
  tables(): string[] {
    return [...this.rules.keys()];
  }

  ruleFor(table: string): ScopeRule {
    const rule = this.rules.get(table);
    if (!rule) throw new Error(`table ${table} has no scope rule: declare it in its module's scopedTables`);
    return rule;
  }
}

// Kysely's builders are typed per table; ScopedDb returns them typed for the caller and
// keeps the untyped plumbing in here.
type AnyDb = Kysely<Record<string, Record<string, unknown>>>;

/**
 * The data-access layer modules get instead of the raw database. Every select, update and delete
 * is filtered by the actor's organization (and provider for vendor staff); every insert is
 * stamped with them. Routes never see the raw handle.
 */
export class ScopedDb {
  /** The database this scope reads, the same object for a scope and its transactions: a key for per-database caches. */
  readonly database: object;

  constructor(
    private readonly db: Kysely<DB> | Transaction<DB>,
    readonly actor: Actor,
    readonly rules: ScopeRules,
    database?: object,
  ) {
    this.database = database ?? db;
  }

  /** Which of a table's rows the actor reaches: none, the organization's, or one provider's within it. */
  private reach(table: string): 'none' | 'organization' | { column: string; providerId: string } {
    const rule = this.rules.ruleFor(table);
    if (this.actor.providerId === null) return 'organization';
    if (rule.providerColumn === null) return rule.vendorVisible ? 'organization' : 'none';
    return { column: rule.providerColumn, providerId: this.actor.providerId };
  }

  /** The SQL condition that keeps a table's rows inside the actor's scope. */
  condition(table: string, alias: string = table): RawBuilder<boolean> {
    const reach = this.reach(table);
    const org = sql`${sql.ref(`${alias}.organization_id`)} = ${this.actor.organizationId}`;
    if (reach === 'none') return sql<boolean>`false`;
    if (reach === 'organization') return sql<boolean>`${org}`;
    return sql<boolean>`${org} and ${sql.ref(`${alias}.${reach.column}`)} = ${reach.providerId}`;
  }

  /**
   * The same condition as SQL text, its values inlined as quoted literals (standard-conforming strings:
   * a quote is doubled), for statements that take no bind parameters, such as COPY.
   */
  conditionText(table: string, alias: string = table): string {
    const reach = this.reach(table);
    const literal = (v: string) => `'${v.replaceAll("'", "''")}'`;
    const org = `${alias}.organization_id = ${literal(this.actor.organizationId)}`;
    if (reach === 'none') return 'false';
    if (reach === 'organization') return org;
    return `${org} and ${alias}.${reach.column} = ${literal(reach.providerId)}`;
  }

  /** All columns of the `table` rows the actor may see, untyped: where the generic reads below start. */
  private visibleRows(table: string) {
    return (this.db as unknown as AnyDb).selectFrom(table).selectAll().where(this.condition(table));
  }

  selectFrom<T extends TableName>(table: T): SelectQueryBuilder<DB, T, object> {
    const qb = (this.db as unknown as AnyDb).selectFrom(table as string).where(this.condition(table));
    return qb as unknown as SelectQueryBuilder<DB, T, object>;
  }

  /**
   * The row of `table` whose `column` (`id` unless named) is `value`, as the actor may see it, or
   * `not_found` naming `what`: a row outside the scope answers exactly like one that does not exist.
   */
  async findOrNotFound<T extends TableName>(
    table: T,
    value: string,
    what: string,
    column: keyof DB[T] & string = 'id' as keyof DB[T] & string,
  ): Promise<Selectable<DB[T]>> {
    const row = await this.visibleRows(table)
      .where(column as string, '=', value)
      .executeTakeFirst();
    if (!row) throw notFound(what);
    return row as Selectable<DB[T]>;
  }

  /**
   * The row of `table` whose columns equal every value of `match` (a natural key such as a post's
   * network and external id), as the actor may see it, or undefined.
   */
  async findMatching<T extends TableName>(
    table: T,
    match: Partial<Record<keyof DB[T] & string, string | number | boolean>>,
  ): Promise<Selectable<DB[T]> | undefined> {
    let query = this.visibleRows(table);
    for (const [column, value] of Object.entries(match)) query = query.where(column, '=', value);
    return (await query.executeTakeFirst()) as Selectable<DB[T]> | undefined;
  }

  /**
   * Every row of `table` whose `column` is `value`, as the actor may see them, in `orderBy` order
   * when named (ascending: oldest first for a timestamp): a record's attachments, translations, ….
   */
  async rowsWhere<T extends TableName>(
    table: T,
    column: keyof DB[T] & string,
    value: string,
    orderBy?: keyof DB[T] & string,
  ): Promise<Selectable<DB[T]>[]> {
    const matching = this.visibleRows(table).where(column as string, '=', value);
    const rows = await (orderBy === undefined ? matching : matching.orderBy(orderBy as string)).execute();
    return rows as Selectable<DB[T]>[];
  }

  /**
   * The row of `table` whose `column` is `value`, locked for the rest of the transaction (`FOR
   * UPDATE`), or undefined when the actor sees none: the read-then-decide of a concurrent write.
   */
  async lockWhere<T extends TableName>(
    table: T,
    column: keyof DB[T] & string,
    value: string,
  ): Promise<Selectable<DB[T]> | undefined> {
    const row = await this.visibleRows(table)
      .where(column as string, '=', value)
      .forUpdate()
      .executeTakeFirst();
    return row as Selectable<DB[T]> | undefined;
  }

  /**
   * The newest `limit` rows of `table` the actor may see, newest first by `column` (a timestamp or
   * a version): the list screens' "recent …" read.
   */
  async latest<T extends TableName>(
    table: T,
    column: keyof DB[T] & string,
    limit: number,
  ): Promise<Selectable<DB[T]>[]> {
    const rows = await this.visibleRows(table)
      .orderBy(column as string, 'desc')
      .limit(limit)
      .execute();
    return rows as Selectable<DB[T]>[];
  }

  /**
   * Sets `changes` on the row of `table` whose `id` is `id`, as the actor may reach it, and answers
   * the row as it now is, or `not_found` naming `what` when there is no such row in the scope.
   */
  async updateOrNotFound<T extends TableName>(
    table: T,
    id: string,
    what: string,
    changes: UpdateObject<DB, T, T>,
  ): Promise<Selectable<DB[T]>> {
    const row = await (this.db as unknown as AnyDb)
      .updateTable(table as string)
      .set(changes as Record<string, unknown>)
      .where(this.condition(table))
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw notFound(what);
    return row as Selectable<DB[T]>;
  }

  updateTable<T extends TableName>(table: T): UpdateQueryBuilder<DB, T, T, UpdateResult> {
    const qb = (this.db as unknown as AnyDb).updateTable(table as string).where(this.condition(table));
    return qb as unknown as UpdateQueryBuilder<DB, T, T, UpdateResult>;
  }

  deleteFrom<T extends TableName>(table: T): DeleteQueryBuilder<DB, T, DeleteResult> {
    const qb = (this.db as unknown as AnyDb).deleteFrom(table as string).where(this.condition(table));
    return qb as unknown as DeleteQueryBuilder<DB, T, DeleteResult>;
  }

  /**
   * Inserts rows stamped with the actor's organization. For vendor staff a row's provider must be
   * their own; anything else answers "not found", as if the provider did not exist.
   */
  insertInto<T extends TableName>(
    table: T,
    rows: Record<string, unknown> | Record<string, unknown>[],
  ): InsertQueryBuilder<DB, T, InsertResult> {
    const rule = this.rules.ruleFor(table);
    const list = (Array.isArray(rows) ? rows : [rows]).map((row) => {
      if (this.actor.providerId !== null) {
        if (rule.providerColumn === null) throw notFound(table);
        if (row[rule.providerColumn] !== this.actor.providerId) throw notFound('provider');
      }
      return { ...row, organization_id: this.actor.organizationId };
    });
    const qb = (this.db as unknown as AnyDb).insertInto(table as string).values(list);
    return qb as unknown as InsertQueryBuilder<DB, T, InsertResult>;
  }

  /** Inserts one row as `insertInto` does and answers it as stored (defaults and all). */
  async insertRow<T extends TableName>(table: T, row: Record<string, unknown>): Promise<Selectable<DB[T]>> {
    const stored = await this.insertInto(table, row).returningAll().executeTakeFirstOrThrow();
    return stored as Selectable<DB[T]>;
  }

  /**
   * The connection or transaction this scope runs on, for the platform's writers that must join the
   * caller's transaction and write no tenant rows of their own: the event outbox (`recordEvent`)
   * and counters such as the tickets' data version. Modules read and write their tables through the
   * scoped builders above, never through this.
   */
  get executor(): Kysely<DB> | Transaction<DB> {
    return this.db;
  }

  /** Runs `fn` in one transaction, with the same scope. */
  async transaction<R>(fn: (scoped: ScopedDb) => Promise<R>): Promise<R> {
    if (this.db.isTransaction) return fn(this);
    return (this.db as Kysely<DB>)
      .transaction()
      .execute((tx) => fn(new ScopedDb(tx, this.actor, this.rules, this.database)));
  }
}
