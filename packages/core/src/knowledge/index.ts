export * from './deflection.js';
export * from './language.js';
export * from './search-quality.js';
