import { describe, expect, it } from 'vitest';
import { mapCanonicalRecord } from '../insight/importers/canonical.js';
import { DEMO_TEAMS, type DemoTicketRecord, demoOperation } from './demo-operation.js';

const end = new Date('2026-12-03T10:00:00Z');
const year = [...demoOperation({ end })];

describe('the demo operation', () => {
  it('is deterministic: the same options give the same records', () => {
    const again = [...demoOperation({ end, days: 20 })];
    const once = [...demoOperation({ end, days: 20 })];
    expect(JSON.stringify(again)).toBe(JSON.stringify(once));
    expect(JSON.stringify([...demoOperation({ end, days: 20, seed: 7 })])).not.toBe(JSON.stringify(once));
  });

  it('covers the year up to the end, oldest first, with unique ids', () => {
    const first = Date.parse(year[0]!.createdAt);
    const last = Date.parse(year[year.length - 1]!.createdAt);
    expect(last).toBeLessThanOrEqual(end.getTime());
    expect(end.getTime() - first).toBeGreaterThan(363 * 86_400_000);
    for (let i = 1; i < year.length; i++)
      expect(Date.parse(year[i]!.createdAt)).toBeGreaterThanOrEqual(Date.parse(year[i - 1]!.createdAt));
    expect(new Set(year.map((t) => t.externalId)).size).toBe(year.length);
    // About 330 × the daily volume of 160 (weekends are quieter, December busier).
    expect(year.length).toBeGreaterThan(45_000);
    expect(year.length).toBeLessThan(65_000);
  });

  it('is accepted by the canonical importer, every record', () => {
    for (const t of year.slice(0, 3000)) expect(mapCanonicalRecord(t as never).ok, t.externalId).toBe(true);
  });

  it('keeps the timestamps of each ticket in order and its status consistent with them', () => {
    for (const t of year) {
      const created = Date.parse(t.createdAt);
      if (t.firstResponseAt) expect(Date.parse(t.firstResponseAt)).toBeGreaterThanOrEqual(created);
      if (t.solvedAt) expect(Date.parse(t.solvedAt)).toBeGreaterThanOrEqual(Date.parse(t.firstResponseAt!));
      if (t.solvedAt) expect(Date.parse(t.solvedAt)).toBeLessThanOrEqual(end.getTime());
      expect(
        t.status === 'solved' || t.status === 'closed'
          ? t.solvedAt !== null || t.abandoned
          : t.solvedAt === null,
      ).toBe(true);
      if (t.csatScore !== null) expect(t.solvedAt).not.toBeNull();
    }
  });

  it('routes every language to a team that serves it, German to the 24/7 vendor in English', () => {
    const teamOf = (t: DemoTicketRecord) => Object.values(DEMO_TEAMS).find((x) => x.team === t.team)!;
    for (const t of year) expect(teamOf(t).channels as readonly string[]).toContain(t.channel);
    const byLanguage = (lang: string) => new Set(year.filter((t) => t.language === lang).map((t) => t.team));
    expect(byLanguage('tr')).toEqual(new Set(['Istanbul Care']));
    expect(byLanguage('lv')).toEqual(new Set(['Riga Multilingual']));
    expect(byLanguage('de')).toEqual(new Set(['Manila Follow-the-sun']));
  });

  it('shows the vendor differences Insight should find: the in-house team better satisfied than offshore', () => {
    const satisfied = (provider: string) => {
      const rated = year.filter((t) => t.provider === provider && t.csatScore !== null);
      return rated.filter((t) => t.csatScore! >= 4).length / rated.length;
    };
    expect(satisfied('Northwind in-house')).toBeGreaterThan(satisfied('Manila CX') + 0.05);
  });

  it('has a weekly pattern: Mondays busier than Sundays', () => {
    const byDay = [0, 0, 0, 0, 0, 0, 0];
    for (const t of year) byDay[new Date(t.createdAt).getUTCDay()]!++;
    expect(byDay[1]!).toBeGreaterThan(2 * byDay[0]!);
  });
});
