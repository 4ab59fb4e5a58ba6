import type { TFunction } from 'i18next';
import { ApiError, NetworkError } from './api';
import i18n from './i18n';

/** A message for a request-level error code: ours if the catalog has one, else the server's. */
export function codeMessage(t: TFunction, code: string, serverMessage?: string): string {
  const key = `errors.${code}`;
  if (i18n.exists(key) && typeof i18n.t(key as 'errors.generic') === 'string')
    return t(key as 'errors.generic');
  return serverMessage || t('errors.generic');
}

/**
 * A message for one invalid field. The server writes precise English ("must be an ISO 3166-1
 * alpha-2 code such as TR"): shown as is in English; other languages get our translation of the
 * error code, falling back to the server's words.
 */
export function fieldMessage(t: TFunction, code: string, serverMessage: string): string {
  if (i18n.language === 'en' && serverMessage) return serverMessage;
  if (code !== 'field' && i18n.exists(`errors.${code}`)) return codeMessage(t, code, serverMessage);
  const key = `errors.field.${code}`;
  if (i18n.exists(key)) return t(key as 'errors.field.custom');
  return serverMessage || t('errors.generic');
}

/** A one-line message for any thrown error. */
export function errorMessage(t: TFunction, error: unknown): string {
  if (error instanceof NetworkError) return t('errors.network');
  if (error instanceof ApiError) {
    if (error.status === 404) return t('errors.notFound');
    return codeMessage(t, error.code, error.problem.detail ?? error.problem.title);
  }
  return t('errors.generic');
}

/** Field → message, from an API validation error. */
export function fieldMessages(t: TFunction, error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const [field, e] of Object.entries(error.fieldErrors()))
    out[field] = fieldMessage(t, e.code, e.message);
  return out;
}
