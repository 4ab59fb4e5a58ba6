// @shoreline/core: pure computation. No I/O, no clock, no unseeded randomness, no runtime dependencies.

export * from './channels/index.js';
export * from './demo/index.js';
export * from './desk/index.js';
export * from './domain/index.js';
export * from './forecast/index.js';
export * from './govern/index.js';
export * from './insight/index.js';
export * from './knowledge/index.js';
export * from './routing/index.js';
export * from './sales/index.js';
export * from './schedule/index.js';
export * from './simulation/index.js';
export * from './sla/index.js';
export * from './source/index.js';
export * from './split/index.js';
export * from './staffing/index.js';
export * from './tickets/index.js';
export * from './time/index.js';
