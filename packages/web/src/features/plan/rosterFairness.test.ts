import i18next, { type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import en from '../../i18n/locales/en.json';
import he from '../../i18n/locales/he.json';
import { fairnessLines } from './rosterFairness';

/** A translator over the app's own catalogs, as the page has it. */
async function translator(lng: 'en' | 'he'): Promise<TFunction> {
  const i18n = i18next.createInstance();
  await i18n.init({
    lng,
    resources: { en: { translation: en }, he: { translation: he } },
    interpolation: { escapeValue: false },
    showSupportNotice: false,
  });
  return i18n.t;
}

const agent = (name: string, provider: string) => ({
  name,
  provider,
  shifts: 5,
  paidHours: 40,
  nights: 1,
  weekends: 1,
  unpreferred: 0,
});

const fairness = (
  provider: string,
  nights: [number, number],
  weekends: [number, number],
  proven: boolean,
) => ({
  provider,
  spread: nights[0] + weekends[0],
  bound: nights[1] + weekends[1],
  proven,
  nights: { spread: nights[0], bound: nights[1] },
  weekends: { spread: weekends[0], bound: weekends[1] },
  solver: 'heuristic' as const,
});

/** Three providers: the in-house team proven fairest, a vendor 2 above its bound, one with no agents. */
const result = {
  providers: [
    { id: 'house', name: 'In-house team' },
    { id: 'manila', name: 'Manila CX' },
    { id: 'empty', name: 'Lisbon Desk' },
  ],
  roster: {
    agents: [
      agent('Ada', 'house'),
      agent('Bo', 'house'),
      agent('Night 1', 'manila'),
      agent('Night 2', 'manila'),
    ],
    shifts: [],
    unassigned: 0,
    fairness: [
      fairness('manila', [3, 1], [1, 1], false),
      fairness('house', [1, 1], [1, 1], true),
      fairness('empty', [0, 0], [0, 0], true),
    ],
  },
};

describe('fairnessLines: how fairly each provider’s roster shares nights and weekends', () => {
  it('says proven fairest when the spread reaches the least possible, else how far above it may be', async () => {
    const lines = fairnessLines(await translator('en'), result);
    expect(lines).toEqual([
      {
        provider: 'In-house team',
        proven: true,
        excess: 0,
        text: 'In-house team: spread 2 (nights 1, weekends 1), least possible 2',
        verdict: 'proven fairest',
      },
      {
        provider: 'Manila CX',
        proven: false,
        excess: 2,
        text: 'Manila CX: spread 4 (nights 3, weekends 1), least possible 2',
        verdict: 'at most 2 above the fairest possible',
      },
    ]);
  });

  it('leaves out a provider without agents (nobody to be fair to) and plans built before fairness', async () => {
    const t = await translator('en');
    expect(fairnessLines(t, result).map((l) => l.provider)).not.toContain('Lisbon Desk');
    const { fairness: _, ...older } = result.roster;
    expect(fairnessLines(t, { ...result, roster: older })).toEqual([]);
    expect(fairnessLines(t, { providers: result.providers })).toEqual([]);
  });

  it('reads in the planner’s language', async () => {
    const [house, manila] = fairnessLines(await translator('he'), result);
    expect(house?.verdict).toBe('הוכח כהוגן ביותר');
    expect(manila?.text).toBe('Manila CX: פער 4 (לילות 3, סופי שבוע 1), המינימום האפשרי 2');
    expect(manila?.verdict).toBe('לכל היותר 2 מעל ההוגן ביותר האפשרי');
  });
});
