import type { ContractSummary, ContractVersion, ListResponse, Settlement } from '@shoreline/server/contract';
import { api } from '../../lib/api';

export const governApi = {
  contracts: () => api.get<ListResponse<ContractSummary>>('/govern/contracts').then((r) => r.items),
  versions: (id: string) =>
    api
      .get<ListResponse<ContractVersion>>(`/govern/contracts/${encodeURIComponent(id)}/versions`)
      .then((r) => r.items),
  settlement: (id: string, period: string) =>
    api.get<Settlement>(
      `/govern/contracts/${encodeURIComponent(id)}/settlements/${encodeURIComponent(period)}`,
    ),
  settle: (providerId: string, period: string) =>
    api.post<Settlement>('/govern/settlements', { providerId, period }),
};
