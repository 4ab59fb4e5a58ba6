// Public surface of core/channels: what the phone (and later chat and social) channels compute.
export * from './bank-calls.js';
export * from './phone-call.js';
