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

export interface WebhookEndpoint {
  id: string;
  url: string;
  description: string;
  eventTypes: string[];
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface WebhookDelivery {
  id: string;
  endpointId: string;
  eventId: string | null;
  eventType: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  nextAttemptAt: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
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
    api.patch<User>(`/users/${encodeURIComponent(id)}`, patch),

  tokens: () => api.get<ListResponse<ApiToken>>('/tokens').then((r) => r.items),
  createToken: (name: string) => api.post<CreatedApiToken>('/tokens', { name }),
  revokeToken: (id: string) => api.delete(`/tokens/${encodeURIComponent(id)}`),

  webhooks: () => api.get<ListResponse<WebhookEndpoint>>('/webhooks').then((r) => r.items),
  createWebhook: (input: { url: string; description: string; eventTypes: string[] }) =>
    api.post<WebhookEndpoint & { secret: string }>('/webhooks', input),
  updateWebhook: (id: string, patch: { active?: boolean }) =>
    api.patch<WebhookEndpoint>(`/webhooks/${encodeURIComponent(id)}`, patch),
  deleteWebhook: (id: string) => api.delete(`/webhooks/${encodeURIComponent(id)}`),
  testWebhook: (id: string) => api.post<WebhookDelivery>(`/webhooks/${encodeURIComponent(id)}/test`),
  webhookDeliveries: (id: string) =>
    api
      .get<ListResponse<WebhookDelivery>>(`/webhooks/${encodeURIComponent(id)}/deliveries`)
      .then((r) => r.items),
};
