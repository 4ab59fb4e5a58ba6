// Public surface of core/domain: the closed sets of words the whole product shares.

export * from './input-error.js';
export * from './vocabulary.js';
