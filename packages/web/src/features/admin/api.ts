import type {
  ApiToken,
  ApiTokenCreated,
  InboundMail,
  InboundView,
  Job,
  JobOverview,
  ListResponse,
  Mailbox,
  MailboxCreate,
  MailboxUpdate,
  Provider,
  ProviderCreate,
  ProviderUpdate,
  SlaPolicy,
  SlaPolicyCreate,
  Team,
  TeamCreate,
  TeamUpdate,
  User,
  UserInvite,
  UserInvited,
  UserUpdate,
  WebhookDelivery,
  WebhookEndpoint,
  WebhookEndpointCreate,
  WebhookEndpointCreated,
  WebhookEndpointUpdate,
} from '@shoreline/server/contract';
import { api, query } from '../../lib/api';

export const adminApi = {
  jobs: () => api.get<JobOverview>('/jobs'),
  retryJob: (id: string) => api.post<Job>(`/jobs/${encodeURIComponent(id)}/retry`),

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
  updateUser: (id: string, patch: UserUpdate) =>
    api.patch<User & { inviteUrl?: string }>(`/users/${encodeURIComponent(id)}`, patch),

  tokens: () => api.get<ListResponse<ApiToken>>('/tokens').then((r) => r.items),
  createToken: (input: { name: string; scopes: ApiToken['scopes']; expiresInDays: number }) =>
    api.post<ApiTokenCreated>('/tokens', input),
  outbox: () =>
    api
      .get<ListResponse<{ id: string; to: string; subject: string; body: string; createdAt: string }>>(
        '/mail-outbox',
      )
      .then((r) => r.items),
  revokeToken: (id: string) => api.delete(`/tokens/${encodeURIComponent(id)}`),

  webhooks: () => api.get<ListResponse<WebhookEndpoint>>('/webhooks').then((r) => r.items),
  createWebhook: (input: WebhookEndpointCreate) => api.post<WebhookEndpointCreated>('/webhooks', input),
  updateWebhook: (id: string, patch: WebhookEndpointUpdate) =>
    api.patch<WebhookEndpoint>(`/webhooks/${encodeURIComponent(id)}`, patch),
  deleteWebhook: (id: string) => api.delete(`/webhooks/${encodeURIComponent(id)}`),
  testWebhook: (id: string) => api.post<WebhookDelivery>(`/webhooks/${encodeURIComponent(id)}/test`),
  webhookDeliveries: (id: string) =>
    api
      .get<ListResponse<WebhookDelivery>>(`/webhooks/${encodeURIComponent(id)}/deliveries`)
      .then((r) => r.items),

  slaPolicies: () => api.get<ListResponse<SlaPolicy>>('/sla/policies').then((r) => r.items),
  slaPolicyVersions: (id: string) =>
    api.get<ListResponse<SlaPolicy>>(`/sla/policies/${encodeURIComponent(id)}`).then((r) => r.items),
  createSlaPolicy: (input: SlaPolicyCreate) => api.post<SlaPolicy>('/sla/policies', input),
  reviseSlaPolicy: (id: string, input: SlaPolicyCreate) =>
    api.post<SlaPolicy>(`/sla/policies/${encodeURIComponent(id)}/versions`, input),

  mailboxes: () => api.get<ListResponse<Mailbox>>('/mail/mailboxes').then((r) => r.items),
  createMailbox: (input: MailboxCreate) => api.post<Mailbox>('/mail/mailboxes', input),
  updateMailbox: (id: string, patch: MailboxUpdate) =>
    api.patch<Mailbox>(`/mail/mailboxes/${encodeURIComponent(id)}`, patch),
  inboundMail: (view: InboundView) =>
    api.get<ListResponse<InboundMail>>(`/mail/inbound${query({ view })}`).then((r) => r.items),
  retryInboundMail: (id: string) => api.post<InboundMail>(`/mail/inbound/${encodeURIComponent(id)}/retry`),
};
