import type { Channel } from '@shoreline/core';
import type { Selectable } from 'kysely';
import type { ApiTokensTable, ProvidersTable, TeamsTable, UsersTable } from './tables.js';

// Database rows never reach the wire: each resource has one explicit shape, made here.

export function presentProvider(row: Selectable<ProvidersTable>) {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    shore: row.shore,
    countries: row.countries,
    languages: row.languages,
    createdAt: row.created_at.toISOString(),
  };
}

export function presentTeam(row: Selectable<TeamsTable>) {
  return {
    id: row.id,
    providerId: row.provider_id,
    name: row.name,
    site: row.site,
    languages: row.languages,
    channels: row.channels as Channel[],
    timeZone: row.time_zone,
    businessHours: row.business_hours,
    createdAt: row.created_at.toISOString(),
  };
}

type Locale = 'en' | 'tr' | 'he' | 'hu' | 'lv';

export function presentUser(row: Selectable<UsersTable>) {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    providerId: row.provider_id,
    status: row.status,
    locale: row.locale as Locale,
    createdAt: row.created_at.toISOString(),
  };
}

export function presentToken(row: Selectable<ApiTokensTable>) {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.created_at.toISOString(),
    lastUsedAt: row.last_used_at ? row.last_used_at.toISOString() : null,
  };
}
