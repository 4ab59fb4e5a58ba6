import type { Channel, Role } from '@shoreline/core/domain/vocabulary';

// Shapes of the HTTP API (base /api). Kept in one place so they can be swapped for the server's
// exported types once it publishes them.

export const LOCALES = ['en', 'tr', 'he', 'hu', 'lv'] as const;
export type Locale = (typeof LOCALES)[number];

// Roles and channels are the one domain vocabulary (core/domain/vocabulary.ts).
export { CHANNELS, type Channel, ROLES, type Role } from '@shoreline/core/domain/vocabulary';

export interface Me {
  id: string;
  email: string;
  name: string;
  role: Role;
  providerId: string | null;
  providerName: string | null;
  organizationId: string;
  organizationName: string;
  locale: Locale;
}

export const PROVIDER_KINDS = ['in_house', 'vendor'] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];
export const SHORES = ['onshore', 'nearshore', 'offshore'] as const;
export type Shore = (typeof SHORES)[number];

export interface Provider {
  id: string;
  name: string;
  kind: ProviderKind;
  shore: Shore | null;
  countries: string[];
  languages: string[];
  createdAt: string;
}

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface BusinessHours {
  day: Weekday;
  open: string;
  close: string;
}

export interface Team {
  id: string;
  providerId: string;
  name: string;
  site: string;
  languages: string[];
  channels: Channel[];
  timeZone: string;
  businessHours: BusinessHours[];
  createdAt: string;
}

export const USER_STATUSES = ['active', 'invited', 'deactivated'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  providerId: string | null;
  status: UserStatus;
  locale: Locale;
  createdAt: string;
}

export interface ApiToken {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export interface CreatedApiToken {
  id: string;
  name: string;
  createdAt: string;
  token: string;
}

export interface FieldProblem {
  field: string;
  code: string;
  message: string;
}

/** RFC 9457 problem details, as the API sends them. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  field?: string;
  errors?: FieldProblem[];
}

export interface ListResponse<T> {
  items: T[];
}
