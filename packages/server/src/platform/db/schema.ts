/**
 * The database's table types. Each module adds its own tables by declaration merging:
 *   declare module '../../platform/db/schema.js' { interface DB { teams: TeamsTable } }
 * so a module owns its tables while Kysely still sees one schema.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by modules through declaration merging.
export interface DB {}
