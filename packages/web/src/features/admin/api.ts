import { api, query } from '../../lib/api';
import type {
  ApiToken,
  CreatedApiToken,
  ListResponse,
  Provider,
  ProviderKind,
  Role,
  Shore,
  Team,
  TokenScope,
  User,
} from '../../lib/types';

export interface ProviderInput {
  name: string;
  kind: ProviderKind;
  shore?: Shore | null;
  countries: string[];
  languages: string[];
}

export type TeamInput = Omit<Team, 'id' | 'createdAt'>;

export interface InviteInput {
  email: string;
  name: string;
  role: Role;
  providerId: string | null;
}

export const adminApi = {
  providers: () => api.get<ListResponse<Provider>>('/providers').then((r) => r.items),
  provider: (id: string) => api.get<Provider>(`/providers/${encodeURIComponent(id)}`),
  createProvider: (input: ProviderInput) => api.post<Provider>('/providers', input),
  updateProvider: (id: string, patch: Partial<Omit<ProviderInput, 'kind'>>) =>
    api.patch<Provider>(`/providers/${encodeURIComponent(id)}`, patch),

  teams: (providerId?: string | null) =>
    api.get<ListResponse<Team>>(`/teams${query({ providerId })}`).then((r) => r.items),
  team: (id: string) => api.get<Team>(`/teams/${encodeURIComponent(id)}`),
  createTeam: (input: TeamInput) => api.post<Team>('/teams', input),
  updateTeam: (id: string, patch: Partial<Omit<TeamInput, 'providerId'>>) =>
    api.patch<Team>(`/teams/${encodeURIComponent(id)}`, patch),

  users: () => api.get<ListResponse<User>>('/users').then((r) => r.items),
  inviteUser: (input: InviteInput) => api.post<{ user: User; inviteUrl: string }>('/users', input),
  updateUser: (id: string, patch: { name?: string; role?: Role; active?: boolean }) =>
    api.patch<User & { inviteUrl?: string }>(`/users/${encodeURIComponent(id)}`, patch),

  tokens: () => api.get<ListResponse<ApiToken>>('/tokens').then((r) => r.items),
  createToken: (input: { name: string; scopes: TokenScope[]; expiresInDays: number }) =>
    api.post<CreatedApiToken>('/tokens', input),
  outbox: () =>
    api
      .get<ListResponse<{ id: string; to: string; subject: string; body: string; createdAt: string }>>(
        '/mail-outbox',
      )
      .then((r) => r.items),
  revokeToken: (id: string) => api.delete(`/tokens/${encodeURIComponent(id)}`),
};
