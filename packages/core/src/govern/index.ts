// Public surface of core/govern: settlement maths for outsourcing contracts (docs/govern-worked-examples.md).
export * from './bonus.js';
export * from './earn-back.js';
export * from './errors.js';
export * from './forecast-days.js';
export * from './forecast-relief.js';
export * from './governance.js';
export * from './history.js';
export * from './invoice.js';
export * from './kpi-catalogue.js';
export * from './measure.js';
export * from './money.js';
export * from './proration.js';
export * from './scheme-warnings.js';
export * from './settle-period.js';
