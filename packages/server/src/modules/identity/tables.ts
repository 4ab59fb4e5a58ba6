import type { ColumnType, Generated } from 'kysely';
import type { ScopedTables } from '../../platform/scope.js';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface OrganizationsTable {
  id: string;
  name: string;
  created_at: CreatedAt;
}

export interface ProvidersTable {
  id: string;
  organization_id: string;
  name: string;
  kind: 'in_house' | 'vendor';
  shore: 'onshore' | 'nearshore' | 'offshore' | null;
  countries: string[];
  languages: string[];
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface BusinessHoursRow {
  day: 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
  open: string;
  close: string;
}

export interface TeamsTable {
  id: string;
  organization_id: string;
  provider_id: string;
  name: string;
  site: string;
  languages: string[];
  channels: string[];
  time_zone: string;
  business_hours: ColumnType<BusinessHoursRow[], string, string>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface UsersTable {
  id: string;
  organization_id: string;
  provider_id: string | null;
  email: string;
  name: string;
  role: 'admin' | 'supervisor' | 'agent';
  status: 'active' | 'invited' | 'deactivated';
  locale: string;
  password_hash: string | null;
  invite_token_hash: string | null;
  invite_expires_at: NullableTimestamp;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface SessionsTable {
  id: string;
  organization_id: string;
  provider_id: string | null;
  user_id: string;
  token_hash: string;
  created_at: CreatedAt;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
}

export interface ApiTokensTable {
  id: string;
  organization_id: string;
  provider_id: string | null;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: CreatedAt;
  last_used_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
}

export interface LoginAttemptsTable {
  id: Generated<number>;
  email: string;
  ip: string;
  succeeded: boolean;
  at: Timestamp;
}

declare module '../../platform/db/schema.js' {
  interface DB {
    organizations: OrganizationsTable;
    providers: ProvidersTable;
    teams: TeamsTable;
    users: UsersTable;
    sessions: SessionsTable;
    api_tokens: ApiTokensTable;
    login_attempts: LoginAttemptsTable;
  }
}

/** How each table is scoped (platform/scope.ts): the column naming its provider. */
export const identityScopedTables: ScopedTables = {
  providers: { providerColumn: 'id' },
  teams: { providerColumn: 'provider_id' },
  users: { providerColumn: 'provider_id' },
  sessions: { providerColumn: 'provider_id' },
  api_tokens: { providerColumn: 'provider_id' },
};
