// The readiness assessment's evidence, measured from Insight's KPIs (through insight's index.ts)
// and identity's directory (teams' languages); core decides the answers.

import type { z } from '@hono/zod-openapi';
import { assessReadiness, gradeSegments, type ReadinessEvidence } from '@shoreline/core';
import type { Clock } from '../../platform/clock.js';
import type { ScopedDb } from '../../platform/scope.js';
import { directoryFor } from '../identity/index.js';
import type { KpiService } from '../insight/index.js';
import { sourceUseCase } from './policy.js';
import type { SourceReadinessSchema } from './schemas.js';

type SourceReadiness = z.infer<typeof SourceReadinessSchema>;

const DAY_MS = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export async function readinessEvidence(
  scoped: ScopedDb,
  kpis: KpiService,
  range: { from: string; to: string; timeZone: string },
): Promise<{ evidence: ReadinessEvidence; tickets: number }> {
  const filter = { from: range.from, to: range.to, timeZone: range.timeZone };
  const [all] = await kpis.kpis(scoped, 'none', filter);
  const tickets = all?.tickets ?? 0;
  const handle = (row: {
    calls: { handle: { medianSeconds: number | null } };
    resolution: { medianSeconds: number | null };
  }) => row.calls.handle.medianSeconds ?? row.resolution.medianSeconds;
  // Weekly KPIs over the last 12 weeks of the range that have tickets.
  const weeks = (await kpis.volume(scoped, 'week', filter)).filter((w) => w.created > 0).slice(-12);
  const weeklyKpis: NonNullable<ReadinessEvidence['weeklyKpis']>[number][] = [];
  for (const week of weeks) {
    const start = Date.parse(week.start);
    const [row] = await kpis.kpis(scoped, 'none', {
      ...filter,
      from: day(start),
      to: day(start + 7 * DAY_MS),
    });
    if (row && row.tickets > 0) {
      weeklyKpis.push({
        week: day(start),
        volume: row.tickets,
        medianHandleSec: handle(row),
        reopenRate: row.reopenRate,
      });
    }
  }
  const languages = await kpis.kpis(scoped, 'language', filter);
  const channels = await kpis.kpis(scoped, 'channel', filter);
  const hours = await kpis.kpis(scoped, 'hour_of_week', filter);
  const months = await kpis.volume(scoped, 'month', filter);
  const topics = await kpis.kpis(scoped, 'topic', filter);
  const directory = await directoryFor(scoped);
  const inHouse = new Set(directory.providers.filter((p) => p.kind === 'in_house').map((p) => p.id));
  const teamLanguages = [
    ...new Set(
      directory.teams
        .filter((t) => inHouse.has(t.providerId))
        .flatMap((t) => t.languages.map((l) => l.split('-')[0] ?? l)),
    ),
  ];
  const volumeByHourOfWeek = Array<number>(168).fill(0);
  for (const row of hours) {
    const h = Number(row.key);
    if (Number.isInteger(h) && h >= 0 && h < 168) volumeByHourOfWeek[h] = row.tickets;
  }
  const evidence: ReadinessEvidence = {
    weeklyKpis,
    volumeByLanguage: languages
      .filter((l) => l.key !== null)
      .map((l) => ({ language: (l.key as string).split('-')[0] ?? (l.key as string), volume: l.tickets })),
    teamLanguages,
    volumeByChannel: channels
      .filter((c) => c.key !== null)
      .map((c) => ({ channel: c.key as string, volume: c.tickets })),
    teamChannels: [
      ...new Set(directory.teams.filter((t) => inHouse.has(t.providerId)).flatMap((t) => t.channels)),
    ],
    volumeByHourOfWeek,
    volumeByMonth: months.map((m) => ({ month: m.start.slice(0, 7), volume: m.created })),
    topics: topics
      .filter((t) => t.key !== null)
      .map((t) => ({
        topic: t.key as string,
        volume: t.tickets,
        medianHandleSec: handle(t),
        reopenRate: t.reopenRate,
      })),
  };
  return { evidence, tickets };
}

/**
 * The readiness assessment over imported history (default: the year before today by the injected
 * clock): measured answers with their figures, the questions only the user can answer, and
 * segments graded keep / outsource / hybrid / follow-the-sun with reasons.
 */
export const readiness = sourceUseCase(
  'source.read',
  async (
    scoped: ScopedDb,
    kpis: KpiService,
    clock: Clock,
    query: { from?: string | undefined; to?: string | undefined; timeZone: string },
  ): Promise<SourceReadiness> => {
    const today = clock.now().getTime();
    const to = query.to ?? day(today + DAY_MS);
    const from = query.from ?? day(Date.parse(`${to}T00:00:00Z`) - 365 * DAY_MS);
    const { evidence, tickets } = await readinessEvidence(scoped, kpis, {
      from,
      to,
      timeZone: query.timeZone,
    });
    const answers = assessReadiness(evidence);
    return {
      answers: answers.map((a) => ({ ...a, evidence: { ...a.evidence } as never })),
      segments: gradeSegments(evidence, answers).map((s) => ({ ...s, reasons: [...s.reasons] })),
      tickets,
      from,
      to,
    };
  },
);
