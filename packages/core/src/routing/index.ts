// Public surface of core/routing: explainable, follow-the-sun ticket routing and its replay.
export * from './open-hours.js';
export * from './overflow.js';
export * from './replay.js';
export * from './route.js';
export * from './rules.js';
export * from './weekly-hours.js';
