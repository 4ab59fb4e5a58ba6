// Calls and shapes of the Insight HTTP API (packages/server/src/modules/insight/schemas.ts).
import { api, query } from '../../lib/api';
import type { ListResponse } from '../../lib/types';

export const GROUP_BYS = [
  'provider',
  'provider_kind',
  'team',
  'channel',
  'priority',
  'topic',
  'language',
  'hour_of_week',
] as const;
export type GroupBy = (typeof GROUP_BYS)[number] | 'none' | 'status' | 'source' | 'support_line';

// Channels, priorities and statuses are the one domain vocabulary (core/domain/vocabulary.ts).
export {
  CHANNELS as TICKET_CHANNELS,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
} from '@shoreline/core/domain/vocabulary';
export const QUALITY_FLAGS = [
  'missing_created_at',
  'solved_before_first_response',
  'solved_before_created',
  'first_response_before_created',
  'negative_duration',
  'solved_without_solved_at',
  'unknown_status',
  'unknown_priority',
  'no_provider',
] as const;
export const IMPORT_FORMATS = ['canonical', 'zendesk', 'freshdesk', 'zammad', 'chatwoot', 'csv'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
export const MATCH_KINDS = ['group', 'agent', 'email_domain', 'default'] as const;
export type MatchKind = (typeof MATCH_KINDS)[number];

/** The request body limit of the API (SHORELINE_MAX_BODY_BYTES default): bigger files go through the CLI. */
export const MAX_UPLOAD_BYTES = 1_048_576;

export interface DurationStats {
  count: number;
  medianSeconds: number | null;
  p90Seconds: number | null;
  meanSeconds: number | null;
}

export interface KpiRow {
  key: string | null;
  label: string | null;
  tickets: number;
  solved: number;
  firstResponse: DurationStats;
  firstResponseBusiness: DurationStats;
  resolution: DurationStats;
  resolutionBusiness: DurationStats;
  reopenRate: number | null;
  handoffsPerTicket: number | null;
  handedOffShare: number | null;
  slaMeasured: number;
  slaAttainment: number | null;
  csatResponses: number;
  csatMean: number | null;
  csatSatisfiedShare: number | null;
  calls: { measured: number; abandonmentRate: number | null; handle: DurationStats };
  qualityFlagged: number;
}

export interface VolumePoint {
  start: string;
  created: number;
  solved: number;
  backlog: number;
}

export interface TopicPoint {
  start: string;
  topic: string | null;
  tickets: number;
}

export interface TrainingNeed {
  teamId: string | null;
  team: string | null;
  topic: string | null;
  tickets: number;
  resolutionMedianSeconds: number | null;
  allTeamsResolutionMedianSeconds: number | null;
  lagRatio: number | null;
  csatMean: number | null;
  lagging: boolean;
}

export interface InsightTicket {
  id: string;
  source: string;
  externalId: string;
  number: string | null;
  subject: string | null;
  providerId: string | null;
  teamId: string | null;
  channel: string | null;
  status: string | null;
  statusRaw: string | null;
  priority: string | null;
  language: string | null;
  topic: string | null;
  tags: string[];
  assignee: string | null;
  group: string | null;
  supportLine: string | null;
  createdAt: string | null;
  firstResponseAt: string | null;
  solvedAt: string | null;
  closedAt: string | null;
  reopenCount: number;
  handoffCount: number;
  firstResponseSeconds: number | null;
  resolutionSeconds: number | null;
  firstResponseBusinessSeconds: number | null;
  resolutionBusinessSeconds: number | null;
  slaBreached: boolean | null;
  csatNormalised: number | null;
  qualityFlags: string[];
}

export interface ImportRun {
  id: string;
  source: string;
  format: string;
  fileName: string;
  status: 'running' | 'done' | 'failed';
  progress: number;
  recordsRead: number;
  ticketsUpserted: number;
  rowsRejected: number;
  quality: Record<string, number>;
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
}

export interface ImportReject {
  file: string;
  line: number;
  field: string;
  reason: string;
}

export interface ProviderMapping {
  id: string;
  providerId: string;
  teamId: string | null;
  source: string;
  matchKind: MatchKind;
  matchValue: string;
}

/** Filters every KPI endpoint accepts, as query-string values. */
export interface TicketFilter {
  from?: string | undefined;
  to?: string | undefined;
  providerId?: string | undefined;
  providerKind?: string | undefined;
  teamId?: string | undefined;
  channel?: string | undefined;
  priority?: string | undefined;
  topic?: string | undefined;
  language?: string | undefined;
  status?: string | undefined;
  qualityFlag?: string | undefined;
  hourOfWeek?: string | undefined;
  timeZone?: string | undefined;
}

type Params = Record<string, string | null | undefined>;
const q = (filter: TicketFilter, extra: Params = {}) => query({ ...(filter as Params), ...extra });

/** The URL of a CSV export, fetched by the browser with the session cookie. */
export const csvUrl = (path: string, filter: TicketFilter, extra: Params = {}) =>
  `/api/insight/${path}${q(filter, { ...extra, format: 'csv' })}`;

export const insightApi = {
  kpis: (groupBy: GroupBy, filter: TicketFilter) =>
    api
      .get<{ groupBy: GroupBy; rows: KpiRow[] }>(`/insight/kpis${q(filter, { groupBy })}`)
      .then((r) => r.rows),
  compare: (groupBy: GroupBy, filter: TicketFilter, previousFrom: string, previousTo: string) =>
    api.get<{ current: KpiRow[]; previous: KpiRow[] }>(
      `/insight/kpis/compare${q(filter, { groupBy, previousFrom, previousTo })}`,
    ),
  volume: (interval: Interval, filter: TicketFilter) =>
    api.get<{ points: VolumePoint[] }>(`/insight/volume${q(filter, { interval })}`).then((r) => r.points),
  topics: (interval: Interval, filter: TicketFilter) =>
    api.get<{ points: TopicPoint[] }>(`/insight/topics${q(filter, { interval })}`).then((r) => r.points),
  trainingNeeds: (filter: TicketFilter) =>
    api.get<ListResponse<TrainingNeed>>(`/insight/training-needs${q(filter)}`).then((r) => r.items),
  tickets: (filter: TicketFilter, cursor: string | null, limit = 50) =>
    api.get<{ items: InsightTicket[]; nextCursor: string | null }>(
      `/insight/tickets${q(filter, { cursor, limit: String(limit) })}`,
    ),

  imports: () => api.get<ListResponse<ImportRun>>('/insight/imports').then((r) => r.items),
  importRun: (id: string) => api.get<ImportRun>(`/insight/imports/${encodeURIComponent(id)}`),
  rejects: (id: string) =>
    api
      .get<ListResponse<ImportReject>>(`/insight/imports/${encodeURIComponent(id)}/rejects?limit=1000`)
      .then((r) => r.items),
  startImport: (body: { format: ImportFormat; fileName: string; content: string; mapping?: unknown }) =>
    api.post<ImportRun>('/insight/imports', body),

  mappings: () => api.get<ListResponse<ProviderMapping>>('/insight/provider-mappings').then((r) => r.items),
  createMapping: (input: Omit<ProviderMapping, 'id'>) =>
    api.post<ProviderMapping>('/insight/provider-mappings', input),
  deleteMapping: (id: string) => api.delete(`/insight/provider-mappings/${encodeURIComponent(id)}`),
};

export type Interval = 'day' | 'week' | 'month';
