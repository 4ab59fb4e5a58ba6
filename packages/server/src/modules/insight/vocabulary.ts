// Insight's closed sets. No imports: the web app loads this file through `@shoreline/server/contract`.

/** What a KPI table can be grouped by. */
export const GROUP_BYS = [
  'none',
  'provider',
  'provider_kind',
  'team',
  'channel',
  'priority',
  'topic',
  'language',
  'status',
  'source',
  'support_line',
  'hour_of_week',
] as const;
export const INTERVALS = ['day', 'week', 'month'] as const;
export const IMPORT_FORMATS = ['canonical', 'zendesk', 'freshdesk', 'zammad', 'chatwoot', 'csv'] as const;
export const IMPORT_STATUSES = ['running', 'done', 'failed'] as const;
/** How a provider mapping recognises a ticket's provider. */
export const MATCH_KINDS = ['group', 'agent', 'email_domain', 'default'] as const;
