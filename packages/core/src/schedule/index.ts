// Shift scheduling: rules, candidate shifts, the covering integer program, a greedy fallback.

export * from './agent-rules.js';
export * from './assign.js';
export * from './export.js';
export * from './fairness.js';
export * from './greedy.js';
export * from './local-search.js';
export * from './max-flow.js';
export * from './model.js';
export * from './rotation-model.js';
export * from './rounding.js';
export * from './rules.js';
export * from './shifts.js';
export * from './tour-search.js';
export * from './tours.js';
