import type { TFunction } from 'i18next';
import { ApiError, NetworkError } from './api';
import i18n from './i18n';

/** A message for a stable error code: ours if the catalog has one, else the server's, else generic. */
export function codeMessage(t: TFunction, code: string, serverMessage?: string): string {
  const key = `errors.${code}`;
  if (i18n.exists(key)) return t(key as 'errors.generic');
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
    out[field] = codeMessage(t, e.code, e.message);
  return out;
}
