import type {
  ListResponse,
  SourceComparison,
  SourceDefaults,
  SourceReadiness,
  SourceScenarioDefinition,
  SourceScorecard,
  SourceScorecardCreate,
  SourceVendor,
} from '@shoreline/server/contract';
import { api } from '../../lib/api';

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
  score: (id: string, scores: { vendorId: string; criterion: string; score: number }[]) =>
    api.put<SourceScorecard>(`/source/scorecards/${encodeURIComponent(id)}/scores`, { scores }),
};
