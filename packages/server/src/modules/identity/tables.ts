import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, NullableTimestamp, Timestamp } from '../../platform/db/columns.js';
import { scopedTables } from '../../platform/scope.js';

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
  scopes: string[];
  expires_at: Timestamp;
}

export interface LoginAttemptsTable {
  id: Generated<number>;
  email: string;
  ip: string;
  succeeded: boolean;
  at: Timestamp;
}

export interface LoginThrottleTable {
  key: string;
  attempts: number;
  window_started_at: Timestamp;
  next_allowed_at: Timestamp;
  admitted: boolean;
  known: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface PasswordResetsTable {
  id: string;
  organization_id: string;
  provider_id: string | null;
  user_id: string;
  token_hash: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: NullableTimestamp;
}

export interface MailOutboxTable {
  id: string;
  organization_id: string;
  provider_id: string | null;
  to_address: string;
  subject: string;
  body: string;
  created_at: Timestamp;
  sent_at: NullableTimestamp;
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
    login_throttle: LoginThrottleTable;
    password_resets: PasswordResetsTable;
    mail_outbox: MailOutboxTable;
  }
}

/** How each table is scoped (platform/scope.ts): the column naming its provider. */
export const identityScopedTables = scopedTables({
  providers: 'id',
  teams: 'provider_id',
  users: 'provider_id',
  sessions: 'provider_id',
  api_tokens: 'provider_id',
  password_resets: 'provider_id',
  mail_outbox: 'provider_id',
});
