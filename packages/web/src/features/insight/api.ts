// Calls of the Insight HTTP API. The shapes come from the server's schemas (the contract).
import type {
  GroupBy,
  ImportCreate,
  ImportReject,
  ImportRun,
  InsightTicketPage,
  Interval,
  KpiComparison,
  KpiTable,
  ListResponse,
  ProviderMapping,
  ProviderMappingCreate,
  TicketFilter,
  TopicTrend,
  TrainingNeed,
  Upload,
  UploadStatus,
  Volume,
} from '@shoreline/server/contract';
import { GROUP_BYS } from '@shoreline/server/contract';
import { api, query } from '../../lib/api';

/** The dimensions the Breakdown page offers: every grouping of the API but these (too fine to chart). */
const NOT_ON_BREAKDOWN = ['none', 'status', 'source', 'support_line'] as const satisfies readonly GroupBy[];
const onBreakdown = (g: GroupBy): g is Exclude<GroupBy, (typeof NOT_ON_BREAKDOWN)[number]> =>
  !(NOT_ON_BREAKDOWN as readonly GroupBy[]).includes(g);
export const BREAKDOWN_GROUP_BYS = GROUP_BYS.filter(onBreakdown);

const q = (filter: TicketFilter, extra: Parameters<typeof query>[0] = {}) =>
  query({ ...(filter as Parameters<typeof query>[0]), ...extra });

/** The URL of a CSV export, fetched by the browser with the session cookie. */
export const csvUrl = (path: string, filter: TicketFilter, extra: Parameters<typeof query>[0] = {}) =>
  `/api/insight/${path}${q(filter, { ...extra, format: 'csv' })}`;

export const insightApi = {
  kpis: (groupBy: GroupBy, filter: TicketFilter) =>
    api.get<KpiTable>(`/insight/kpis${q(filter, { groupBy })}`).then((r) => r.rows),
  /** The KPI table with what it leaves out. */
  kpiTable: (groupBy: GroupBy, filter: TicketFilter) =>
    api.get<KpiTable>(`/insight/kpis${q(filter, { groupBy })}`),
  compare: (groupBy: GroupBy, filter: TicketFilter, previousFrom: string, previousTo: string) =>
    api.get<KpiComparison>(`/insight/kpis/compare${q(filter, { groupBy, previousFrom, previousTo })}`),
  volume: (interval: Interval, filter: TicketFilter) =>
    api.get<Volume>(`/insight/volume${q(filter, { interval })}`),
  topics: (interval: Interval, filter: TicketFilter) =>
    api.get<TopicTrend>(`/insight/topics${q(filter, { interval })}`),
  trainingNeeds: (filter: TicketFilter) =>
    api.get<ListResponse<TrainingNeed>>(`/insight/training-needs${q(filter)}`).then((r) => r.items),
  tickets: (filter: TicketFilter, cursor: string | null, limit = 50) =>
    api.get<InsightTicketPage>(`/insight/tickets${q(filter, { cursor, limit: String(limit) })}`),

  imports: () => api.get<ListResponse<ImportRun>>('/insight/imports').then((r) => r.items),
  importRun: (id: string) => api.get<ImportRun>(`/insight/imports/${encodeURIComponent(id)}`),
  rejects: (id: string) =>
    api
      .get<ListResponse<ImportReject>>(`/insight/imports/${encodeURIComponent(id)}/rejects?limit=1000`)
      .then((r) => r.items),
  startImport: (body: ImportCreate) => api.post<ImportRun>('/insight/imports', body),
  /** Sends the raw file; the server stores it as it arrives (no JSON, no 1 MiB body limit). */
  upload: (file: File) => api.upload<Upload>(`/uploads?fileName=${encodeURIComponent(file.name)}`, file),

  /** Resumable uploads in chunks (see resumableUpload.ts). */
  uploadTransport: {
    start: (fileName: string, size: number) =>
      api.post<UploadStatus>('/uploads/resumable', { fileName, size }),
    status: (id: string) => api.get<UploadStatus>(`/uploads/${encodeURIComponent(id)}`),
    put: (id: string, offset: number, bytes: Blob, signal: AbortSignal) =>
      api.putBytes<UploadStatus>(`/uploads/${encodeURIComponent(id)}/chunks/${offset}`, bytes, signal),
    cancel: (id: string) => api.delete(`/uploads/${encodeURIComponent(id)}`),
  },

  mappings: () => api.get<ListResponse<ProviderMapping>>('/insight/provider-mappings').then((r) => r.items),
  createMapping: (input: ProviderMappingCreate) =>
    api.post<ProviderMapping>('/insight/provider-mappings', input),
  deleteMapping: (id: string) => api.delete(`/insight/provider-mappings/${encodeURIComponent(id)}`),
};
