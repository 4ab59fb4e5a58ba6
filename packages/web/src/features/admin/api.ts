import type {
  ApiToken,
  ApiTokenCreated,
  ListResponse,
  Provider,
  ProviderCreate,
  ProviderUpdate,
  Team,
  TeamCreate,
  TeamUpdate,
  User,
  UserInvite,
  UserInvited,
  UserUpdate,
} from '@shoreline/server/contract';
import { api, query } from '../../lib/api';

export const adminApi = {
  providers: () => api.get<ListResponse<Provider>>('/providers').then((r) => r.items),
  provider: (id: string) => api.get<Provider>(`/providers/${encodeURIComponent(id)}`),
  createProvider: (input: ProviderCreate) => api.post<Provider>('/providers', input),
  updateProvider: (id: string, patch: ProviderUpdate) =>
    api.patch<Provider>(`/providers/${encodeURIComponent(id)}`, patch),

  teams: (providerId?: string | null) =>
    api.get<ListResponse<Team>>(`/teams${query({ providerId })}`).then((r) => r.items),
  team: (id: string) => api.get<Team>(`/teams/${encodeURIComponent(id)}`),
  createTeam: (input: TeamCreate) => api.post<Team>('/teams', input),
  updateTeam: (id: string, patch: TeamUpdate) => api.patch<Team>(`/teams/${encodeURIComponent(id)}`, patch),

  users: () => api.get<ListResponse<User>>('/users').then((r) => r.items),
  inviteUser: (input: UserInvite) => api.post<UserInvited>('/users', input),
  updateUser: (id: string, patch: UserUpdate) => api.patch<User>(`/users/${encodeURIComponent(id)}`, patch),

  tokens: () => api.get<ListResponse<ApiToken>>('/tokens').then((r) => r.items),
  createToken: (name: string) => api.post<ApiTokenCreated>('/tokens', { name }),
  revokeToken: (id: string) => api.delete(`/tokens/${encodeURIComponent(id)}`),
};
