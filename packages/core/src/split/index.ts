// Splitting forecast volume across the in-house team and vendors by contracted hours and languages.
export * from './split.js';
