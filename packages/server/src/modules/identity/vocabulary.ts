// Identity's closed sets (roles and channels are core's domain vocabulary). No imports: the web app
// loads this file through `@shoreline/server/contract`.

export const LOCALES = ['en', 'tr', 'he', 'hu', 'lv'] as const;
export const PROVIDER_KINDS = ['in_house', 'vendor'] as const;
export const SHORES = ['onshore', 'nearshore', 'offshore'] as const;
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const USER_STATUSES = ['active', 'invited', 'deactivated'] as const;
