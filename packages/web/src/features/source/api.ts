import type {
  ListResponse,
  SourceComparison,
  SourceDecision,
  SourceDecisionCreate,
  SourceDefaults,
  SourceEvidence,
  SourceEvidenceCreate,
  SourcePilot,
  SourcePilotCreate,
  SourceReadiness,
  SourceScenarioDefinition,
  SourceScorecard,
  SourceScorecardCreate,
  SourceSelection,
  SourceSelectionAdvance,
  SourceSelectionCreate,
  SourceSelectionStages,
  SourceVendor,
  SourceVendorCreate,
} from '@shoreline/server/contract';
import { ApiError, api } from '../../lib/api';

export const sourceApi = {
  defaults: () => api.get<SourceDefaults>('/source/defaults'),
  compare: (definition: SourceScenarioDefinition, sensitivity = false) =>
    api.post<SourceComparison>('/source/compare', { definition, sensitivity }),
  readiness: () => api.get<SourceReadiness>('/source/readiness'),
  vendors: () => api.get<ListResponse<SourceVendor>>('/source/vendors').then((r) => r.items),
  createVendor: (name: string, shore: 'onshore' | 'nearshore' | 'offshore') =>
    api.post<SourceVendor>('/source/vendors', { name, shore }),
  scorecards: () => api.get<ListResponse<SourceScorecard>>('/source/scorecards').then((r) => r.items),
  createScorecard: (input: SourceScorecardCreate) => api.post<SourceScorecard>('/source/scorecards', input),
  /** The decision report as a PDF (the server lays out the labels it is given: the reader's language). */
  report: async (definition: SourceScenarioDefinition, locale: string, labels: Record<string, string>) => {
    const res = await fetch('/api/source/report', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/pdf, application/problem+json' },
      body: JSON.stringify({ definition, locale, labels, assessment: true }),
    });
    if (!res.ok) throw new ApiError(await res.json());
    return res.blob();
  },
  selections: () => api.get<ListResponse<SourceSelection>>('/source/selections').then((r) => r.items),
  createSelection: (input: SourceSelectionCreate) => api.post<SourceSelection>('/source/selections', input),
  advance: (id: string, input: SourceSelectionAdvance) =>
    api.post<SourceSelection>(`/source/selections/${encodeURIComponent(id)}/advance`, input),
  evidence: () => api.get<ListResponse<SourceEvidence>>('/source/evidence').then((r) => r.items),
  addEvidence: (input: SourceEvidenceCreate) => api.post<SourceEvidence>('/source/evidence', input),
  createPilot: (input: SourcePilotCreate) => api.post<SourcePilot>('/source/pilots', input),
  updateVendor: (id: string, input: SourceVendorCreate) =>
    api.put<SourceVendor>(`/source/vendors/${encodeURIComponent(id)}`, input),
  editStages: (id: string, input: SourceSelectionStages) =>
    api.patch<SourceSelection>(`/source/selections/${encodeURIComponent(id)}/stages`, input),
  pilots: () => api.get<ListResponse<SourcePilot>>('/source/pilots').then((r) => r.items),
  decisions: () => api.get<ListResponse<SourceDecision>>('/source/decisions').then((r) => r.items),
  decide: (input: SourceDecisionCreate) => api.post<SourceDecision>('/source/decisions', input),
  score: (id: string, scores: { vendorId: string; criterion: string; score: number }[]) =>
    api.put<SourceScorecard>(`/source/scorecards/${encodeURIComponent(id)}/scores`, { scores }),
};
