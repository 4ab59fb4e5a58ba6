import type { TFunction } from 'i18next';
import { ApiError, NetworkError } from './api';
import i18n from './i18n';

/**
 * A message for a request-level error code: ours if the catalog has one (every code of the server's
 * error table has one), else the server's English in English and a generic message in the others.
 */
export function codeMessage(t: TFunction, code: string, serverMessage?: string): string {
  const key = `errors.${code}`;
  if (i18n.exists(key) && typeof i18n.t(key as 'errors.generic') === 'string')
    return t(key as 'errors.generic');
  if (i18n.language === 'en' && serverMessage) return serverMessage;
  return t('errors.generic');
}

/**
 * A message for one invalid field, in the reader's language: our catalog's message for the error
 * code (zod's own English, "Too small: expected string to have >=1 characters", never reaches the
 * page). Only a refinement's free-form `custom` message, precise English written by us ("must be an
 * ISO 3166-1 alpha-2 code such as TR"), is shown as is, and in English only.
 */
export function fieldMessage(t: TFunction, code: string, serverMessage: string): string {
  if (code !== 'field' && i18n.exists(`errors.${code}`)) return codeMessage(t, code, serverMessage);
  const key = `errors.field.${code}`;
  if (code !== 'custom' && i18n.exists(key)) return t(key as 'errors.field.custom');
  if (i18n.language === 'en' && serverMessage) return serverMessage;
  return t('errors.field.custom');
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
