// The scope an uploaded SERIES.csv declares (decision 0063), read from the form: blank fields left
// out, and the bounds the API checks checked first, so the planner reads the problem in their
// language, naming the field, before anything is sent.
import type { SavedPlanInput } from '@shoreline/server/contract';
import type { TFunction } from 'i18next';

export const SCOPE_FIELDS = ['queue', 'channel', 'language', 'providerId'] as const;
export type ScopeField = (typeof SCOPE_FIELDS)[number];
export type SeriesScope = Record<ScopeField, string>;
export const EMPTY_SCOPE: SeriesScope = { queue: '', channel: '', language: '', providerId: '' };

export const fieldLabel = (t: TFunction, field: ScopeField) => t(`plan.plans.scope.${field}`);

/**
 * The scope as the API takes it (blank fields left out; undefined when all are), or the problem the
 * server would find, in the reader's language and naming the field (the same bounds as the API's).
 */
export function readSeriesScope(
  t: TFunction,
  form: SeriesScope,
): { scope: SavedPlanInput['historyScope'] } | { problem: string } {
  const trimmed = Object.fromEntries(SCOPE_FIELDS.map((f) => [f, form[f].trim()])) as SeriesScope;
  const tooLong = trimmed.queue.length > 80;
  const badLanguage =
    trimmed.language !== '' && !(trimmed.language.length >= 2 && trimmed.language.length <= 16);
  if (tooLong || badLanguage) {
    const field = tooLong ? 'queue' : 'language';
    return {
      problem: t('plan.plans.scope.problem', {
        field: fieldLabel(t, field),
        message: t(`plan.plans.scope.${field}Problem`),
      }),
    };
  }
  const given = SCOPE_FIELDS.filter((f) => trimmed[f] !== '');
  return {
    scope:
      given.length > 0
        ? (Object.fromEntries(given.map((f) => [f, trimmed[f]])) as SavedPlanInput['historyScope'])
        : undefined,
  };
}
