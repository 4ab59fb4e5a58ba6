export * from './deflection.js';
export * from './gaps.js';
export * from './language.js';
export * from './search-quality.js';
export * from './ticket-draft.js';
export * from './what-if.js';
