import type {
  ClientForecast,
  ClientForecastCreate,
  ContractApply,
  ContractDocument,
  ContractSummary,
  ContractVersion,
  ExitReadiness,
  GovernanceItem,
  GovernanceItemCreate,
  InvoiceReconciliation,
  ListResponse,
  SchemeSimulation,
  SchemeSimulationJob,
  Settlement,
} from '@shoreline/server/contract';
import { ApiError, api } from '../../lib/api';

export const governApi = {
  contracts: () => api.get<ListResponse<ContractSummary>>('/govern/contracts').then((r) => r.items),
  versions: (id: string) =>
    api
      .get<ListResponse<ContractVersion>>(`/govern/contracts/${encodeURIComponent(id)}/versions`)
      .then((r) => r.items),
  /** A new contract, or a new version of one from its effective date (with reason and approver). */
  apply: (input: ContractApply) => api.post<ContractVersion>('/govern/contracts', input),
  settlement: (id: string, period: string) =>
    api.get<Settlement>(
      `/govern/contracts/${encodeURIComponent(id)}/settlements/${encodeURIComponent(period)}`,
    ),
  settle: (providerId: string, period: string) =>
    api.post<Settlement>('/govern/settlements', { providerId, period }),
  /** A vendor invoice (CSV text) matched with the month's recomputed charges. */
  reconcile: (id: string, period: string, csv: string) =>
    api.post<InvoiceReconciliation>(
      `/govern/contracts/${encodeURIComponent(id)}/settlements/${encodeURIComponent(period)}/invoice`,
      { csv },
    ),
  /**
   * What a scheme would have paid over the provider's past months (nothing stored): queued as a job
   * on the server, polled until done; `onProgress` hears the share of months settled.
   */
  simulate: async (
    providerId: string,
    document: ContractDocument,
    to: string,
    onProgress: (fraction: number) => void,
    months = 12,
  ): Promise<SchemeSimulation> => {
    let job = await api.post<SchemeSimulationJob>('/govern/simulations', {
      providerId,
      document,
      to,
      months,
    });
    while (job.status === 'queued' || job.status === 'running') {
      onProgress(job.progress);
      await new Promise((r) => setTimeout(r, 400));
      job = await api.get<SchemeSimulationJob>(`/govern/simulations/${encodeURIComponent(job.id)}`);
    }
    if (!job.result) throw new Error(job.error ?? job.status);
    return job.result;
  },
  /** The client's logged forecasts to the provider, newest first (earlier versions marked superseded). */
  forecasts: (providerId: string) =>
    api
      .get<ListResponse<ClientForecast>>(`/govern/forecasts?providerId=${encodeURIComponent(providerId)}`)
      .then((r) => r.items),
  logForecast: (input: ClientForecastCreate) => api.post<ClientForecast>('/govern/forecasts', input),
  governance: (id: string) =>
    api
      .get<ListResponse<GovernanceItem>>(`/govern/contracts/${encodeURIComponent(id)}/governance`)
      .then((r) => r.items),
  addGovernance: (id: string, input: GovernanceItemCreate) =>
    api.post<GovernanceItem>(`/govern/contracts/${encodeURIComponent(id)}/governance`, input),
  scheduleReviews: (id: string, from: string, weeks: number) =>
    api.post<ListResponse<GovernanceItem>>(`/govern/contracts/${encodeURIComponent(id)}/governance/reviews`, {
      from,
      weeks,
    }),
  closeGovernance: (itemId: string, evidence: string) =>
    api.patch<GovernanceItem>(`/govern/governance/${encodeURIComponent(itemId)}`, {
      status: 'done',
      evidence,
    }),
  exitReadiness: (
    id: string,
    inHouseAgents: number,
    hiringLeadWeeks: number,
    period: string,
    timeZone: string,
  ) =>
    api.post<ExitReadiness>(`/govern/contracts/${encodeURIComponent(id)}/exit-readiness`, {
      inHouseAgents,
      hiringLeadWeeks,
      ...(period ? { period } : {}),
      ...(timeZone ? { timeZone } : {}),
    }),
  /** The monthly review pack as a PDF (the server lays out the labels it is given: the reader's language). */
  reviewPack: async (id: string, period: string, locale: string, labels: Record<string, string>) => {
    const res = await fetch(
      `/api/govern/contracts/${encodeURIComponent(id)}/settlements/${encodeURIComponent(period)}/review-pack`,
      {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', Accept: 'application/pdf, application/problem+json' },
        body: JSON.stringify({ locale, labels }),
      },
    );
    if (!res.ok) throw new ApiError(await res.json());
    return res.blob();
  },
};
