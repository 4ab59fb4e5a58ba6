import type { TFunction } from 'i18next';

// Status and priority names are Insight's (one vocabulary, translated once).
export const statusName = (t: TFunction, s: string | null) =>
  s === null ? '—' : (t(`insight.statuses.${s}` as 'insight.none') as string);
export const priorityName = (t: TFunction, p: string | null) =>
  p === null ? t('desk.ticket.noPriority') : (t(`insight.priorities.${p}` as 'insight.none') as string);
export const typeName = (t: TFunction, type: string | null) =>
  type === null ? t('desk.ticket.noType') : (t(`desk.ticketTypes.${type}` as 'desk.ticket.noType') as string);
