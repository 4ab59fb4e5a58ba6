// Public surface of core/desk: macro placeholders and translations, and text-search configurations.
export * from './placeholders.js';
export * from './text-search.js';
