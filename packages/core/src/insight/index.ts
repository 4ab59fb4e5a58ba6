// Public surface of core/insight: the canonical ticket model, importers as pure record → ticket
// mappers, event-log and thread rebuilding, data-quality checks, quantiles, CSAT
// and contact reasons. Each export cites its definition in its own file.
export * from './csat.js';
export * from './data-quality.js';
export * from './date-parse.js';
export * from './event-log.js';
export * from './finalise.js';
export * from './importers/canonical.js';
export * from './importers/chatwoot.js';
export * from './importers/freshdesk.js';
export { isObject, type JsonObject } from './importers/json-fields.js';
export * from './importers/zammad.js';
export * from './importers/zendesk.js';
export * from './kpi-aggregate.js';
export * from './local-time-columns.js';
export * from './mapping.js';
export * from './order-statistics.js';
export * from './quantile.js';
export * from './threads.js';
export * from './ticket.js';
export * from './ticket-columns.js';
export * from './topics.js';
