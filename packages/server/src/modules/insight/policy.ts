import { anyone, type Limits, type Policy } from '../../platform/access.js';
import type { Config } from '../../platform/config.js';
import { notFound } from '../../platform/http/problem.js';
import type { Actor } from '../../platform/scope.js';

// Imports and provider mappings change the organization's data: its admins and supervisors, not
// agents and not vendor staff. KPIs are read by everyone, each within their scope.
const managesData = (a: Actor) => a.providerId === null && a.role !== 'agent';

export const insightPolicy = {
  'import.run': managesData,
  'mapping.write': managesData,
  'kpi.read': anyone,
} as const satisfies Policy;

export type InsightAction = keyof typeof insightPolicy;

/** Refuses (404, like a missing record) an actor the policy does not allow. */
export function authorizeInsight(actor: Actor, action: InsightAction, what: string): void {
  if (!insightPolicy[action](actor)) throw notFound(what);
}

/** Uploads travel inside a JSON body, so the body limit bounds them; bigger files go through the CLI. */
export const insightLimits = (config: Config) =>
  ({ maxUploadBytes: config.maxBodyBytes, ticketsPerPage: 1000 }) as const satisfies Limits;
