// Insight's closed sets. No imports: the web app loads this file through `@shoreline/server/contract`.

/**
 * The ticket attributes a KPI filters and groups by under their own name: the same word is the
 * filter field, the group-by, the column-store dictionary and the tickets' SQL column.
 */
export const SAME_NAME_ATTRIBUTES = ['channel', 'priority', 'topic', 'language', 'status', 'source'] as const;

/** What a KPI table can be grouped by. */
export const GROUP_BYS = [
  'none',
  'provider',
  'provider_kind',
  'team',
  ...SAME_NAME_ATTRIBUTES,
  'support_line',
  'hour_of_week',
] as const;
export const INTERVALS = ['day', 'week', 'month'] as const;
export const IMPORT_FORMATS = ['canonical', 'zendesk', 'freshdesk', 'zammad', 'chatwoot', 'csv'] as const;
export const IMPORT_STATUSES = ['running', 'done', 'failed'] as const;
/** How a file's text is laid out, as sniffed from its first bytes (import/sniff-format.ts). */
export const FILE_LAYOUTS = ['json', 'ndjson', 'csv', 'tsv'] as const;
/**
 * Why an import failed, as a stable code the web app translates (the message beside it is the
 * server's English, for logs and the CLI).
 */
export const IMPORT_ERROR_CODES = [
  'unreadable',
  'encoding',
  'empty_file',
  'unpack',
  'not_json',
  'not_records',
  'needs_mapping',
  'missing_columns',
  'bad_mapping',
  'nothing_loaded',
  'stopped',
] as const;
/** How a provider mapping recognises a ticket's provider. */
export const MATCH_KINDS = ['group', 'agent', 'email_domain', 'default'] as const;
