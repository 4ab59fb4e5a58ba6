// Public surface of core/sla: policy matching, pause-aware deadlines, a ticket's SLA state from its timeline.
export * from './clock.js';
export * from './evaluate.js';
export * from './policy.js';
