import type {
  KnowledgeArticle,
  KnowledgeArticleCreate,
  KnowledgeArticleDetail,
  KnowledgeArticleTickets,
  KnowledgeDeflection,
  KnowledgeDraft,
  KnowledgeFile,
  KnowledgeFileUpload,
  KnowledgeGaps,
  KnowledgeSearchHit,
  KnowledgeSettings,
  KnowledgeSnippet,
  KnowledgeSynonyms,
  KnowledgeSynonymsCreate,
  KnowledgeTicketDraft,
  KnowledgeVersion,
  ListResponse,
} from '@shoreline/server/contract';
import { api, query } from '../../lib/api';

const article = (id: string) => `/knowledge/articles/${encodeURIComponent(id)}`;

export const knowledgeApi = {
  settings: () => api.get<KnowledgeSettings>('/knowledge/settings'),
  articles: () => api.get<ListResponse<KnowledgeArticle>>('/knowledge/articles').then((r) => r.items),
  article: (id: string) => api.get<KnowledgeArticleDetail>(article(id)),
  create: (input: KnowledgeArticleCreate) => api.post<KnowledgeArticleDetail>('/knowledge/articles', input),
  saveDraft: (id: string, input: KnowledgeDraft) =>
    api.post<KnowledgeArticleDetail>(`${article(id)}/drafts`, input),
  submit: (id: string, language: string) =>
    api.post<KnowledgeArticleDetail>(`${article(id)}/review`, { language }),
  publish: (id: string, language: string) =>
    api.post<KnowledgeArticleDetail>(`${article(id)}/publish`, { language }),
  restore: (id: string, language: string, version: number) =>
    api.post<KnowledgeArticleDetail>(`${article(id)}/restore`, { language, version }),
  versions: (id: string, language: string) =>
    api
      .get<ListResponse<KnowledgeVersion>>(`${article(id)}/versions${query({ language })}`)
      .then((r) => r.items),
  search: (q: string, language: string) =>
    api
      .get<ListResponse<KnowledgeSearchHit>>(`/knowledge/search${query({ q, language, limit: '8' })}`)
      .then((r) => r.items),
  snippet: (id: string, language: string) =>
    api.get<KnowledgeSnippet>(`${article(id)}/snippet${query({ language })}`),
  uploadFile: (input: KnowledgeFileUpload) => api.post<KnowledgeFile>('/knowledge/files', input),
  synonyms: () => api.get<ListResponse<KnowledgeSynonyms>>('/knowledge/synonyms').then((r) => r.items),
  addSynonyms: (input: KnowledgeSynonymsCreate) => api.post<KnowledgeSynonyms>('/knowledge/synonyms', input),
  removeSynonyms: (id: string) => api.delete<void>(`/knowledge/synonyms/${encodeURIComponent(id)}`),
  /** The tickets an article served (read before the contact, inserted into a reply). */
  tickets: (id: string) => api.get<KnowledgeArticleTickets>(`${article(id)}/tickets`),
  linkTicket: (id: string, ticketId: string) => api.post<void>(`${article(id)}/tickets`, { ticketId }),
  deflection: (from: string, to: string) =>
    api.get<KnowledgeDeflection>(`/knowledge/deflection${query({ from, to })}`),
  gaps: (from: string, to: string) => api.get<KnowledgeGaps>(`/knowledge/gaps${query({ from, to })}`),
  ticketDraft: (ticketId: string) =>
    api.get<KnowledgeTicketDraft>(`/knowledge/tickets/${encodeURIComponent(ticketId)}/article-draft`),
};

/** The last `days` days up to now, as the gaps report's instants: what the what-ifs default to. */
export function recentRange(days: number, now = new Date()): { from: string; to: string } {
  return { from: new Date(now.getTime() - days * 86_400_000).toISOString(), to: now.toISOString() };
}
