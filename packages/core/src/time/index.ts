// Public surface of core/time: wall clocks in IANA zones, and business-hours arithmetic (SLA
// deadlines, business-time KPIs).
export * from './business-hours.js';
export * from './calendar-day.js';
export * from './civil-date.js';
export * from './local-day.js';
export * from './zone-transitions.js';
export * from './zoned-time.js';
