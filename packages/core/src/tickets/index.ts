// Public surface of core/tickets: the ticket's field catalogue and its lifecycle.
export * from './fields.js';
export * from './lifecycle.js';
