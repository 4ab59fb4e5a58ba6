import i18next, { type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import en from '../../i18n/locales/en.json';
import tr from '../../i18n/locales/tr.json';
import { EMPTY_SCOPE, readSeriesScope } from './seriesScope';

/** A translator over the app's own catalogs, as the page has it. */
async function translator(lng: 'en' | 'tr'): Promise<TFunction> {
  const i18n = i18next.createInstance();
  await i18n.init({
    lng,
    resources: { en: { translation: en }, tr: { translation: tr } },
    interpolation: { escapeValue: false },
    showSupportNotice: false,
  });
  return i18n.t;
}

describe('readSeriesScope: the scope an uploaded series declares', () => {
  it('sends only the fields filled in, trimmed; none at all is every ticket', async () => {
    const t = await translator('en');
    expect(readSeriesScope(t, { ...EMPTY_SCOPE, queue: ' billing ', channel: 'email' })).toEqual({
      scope: { queue: 'billing', channel: 'email' },
    });
    expect(readSeriesScope(t, { ...EMPTY_SCOPE, queue: '   ' })).toEqual({ scope: undefined });
  });

  it('names the field at fault in the planner’s language before anything is sent', async () => {
    expect(readSeriesScope(await translator('en'), { ...EMPTY_SCOPE, language: 'd' })).toEqual({
      problem: 'Language: 2 to 16 characters, such as de or pt-BR.',
    });
    expect(readSeriesScope(await translator('tr'), { ...EMPTY_SCOPE, queue: 'q'.repeat(81) })).toEqual({
      problem: 'Kuyruk: en fazla 80 karakter.',
    });
  });
});
