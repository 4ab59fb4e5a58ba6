import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { requireTimeZone } from '../../../platform/db/time-zones.js';
import type { AppEnv } from '../../../platform/http/env.js';
import { routesFor } from '../../../platform/http/openapi.js';
import type { ModuleContext } from '../../../platform/module.js';
import type { ScopedDb } from '../../../platform/scope.js';
import { appendAudit } from '../../audit/index.js';
import { directoryFor } from '../../identity/index.js';
import { kpiServiceOf } from '../kpi-service.js';
import { leftOutOf, needsCreationTime } from '../left-out.js';
import { kpiRowsToCsv, toCsv } from '../presenters.js';
import {
  CompareQuery,
  KpiComparison,
  KpiQuery,
  KpiTable,
  TicketFilterQuery,
  TicketListQuery,
  TicketPage,
  TicketSchema,
  TopicTrendSchema,
  TrainingNeedsSchema,
  VolumeQuery,
  VolumeSchema,
} from '../schemas.js';
import { listTickets } from '../service.js';

const jsonOrCsv = <T extends z.ZodTypeAny>(schema: T, description: string) => ({
  description: `${description} (\`format=csv\` answers text/csv)`,
  content: { 'application/json': { schema }, 'text/csv': { schema: z.string() } },
});

const csv = (body: string, name: string) =>
  new Response(body, {
    status: 200,
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${name}.csv"`,
    },
  });

/** KPI tables, volume and backlog, contact-reason trends, training needs and drill-down to tickets. */
export function kpiRoutes(app: OpenAPIHono<AppEnv>, ctx: ModuleContext): void {
  // Time zones reach SQL (hour of week, local days): refuse one PostgreSQL does not know as a field error.
  app.use('/api/insight/*', async (c, next) => {
    const tz = c.req.query('timeZone');
    if (tz !== undefined) await requireTimeZone(ctx.db, tz, 'query.timeZone');
    await next();
  });
  const kpi = kpiServiceOf(ctx);
  const route = routesFor(app, 'insight');
  // Every file that leaves the platform is governance evidence (issue 11): one audit record per export.
  const exported = async (scoped: ScopedDb, body: string, name: string, query: object) => {
    await appendAudit(scoped, ctx.clock, {
      action: 'export',
      subjectType: 'insight',
      subjectId: name,
      payload: { format: 'csv', query: { ...query } },
    });
    return csv(body, name);
  };
  route.get('/api/insight/kpis', {
    summary:
      'KPIs grouped by one dimension (provider, team, channel, priority, topic, language, hour of week, …)',
    request: { query: KpiQuery },
    responses: { 200: jsonOrCsv(KpiTable, 'KPI table') },
    run: async ({ scoped, query: q }) => {
      const rows = await kpi.kpis(scoped, q.groupBy, q);
      if (q.format === 'csv') return exported(scoped, kpiRowsToCsv(rows), `kpis-${q.groupBy}`, q);
      const leftOut = await leftOutOf(scoped, q, needsCreationTime(q));
      return { groupBy: q.groupBy, rows, leftOut };
    },
  });
  route.get('/api/insight/kpis/compare', {
    summary: 'The same KPI table for a period and a previous period',
    query: CompareQuery,
    ok: KpiComparison,
    run: async ({ scoped, query: q }) => {
      const [current, previous, leftOut] = await Promise.all([
        kpi.kpis(scoped, q.groupBy, q),
        kpi.kpis(scoped, q.groupBy, { ...q, from: q.previousFrom, to: q.previousTo }),
        leftOutOf(scoped, q, true),
      ]);
      return { groupBy: q.groupBy, current, previous, leftOut };
    },
  });
  route.get('/api/insight/volume', {
    summary: 'Tickets created, solved and backlog per day, week or month',
    request: { query: VolumeQuery },
    responses: { 200: jsonOrCsv(VolumeSchema, 'Volume and backlog') },
    run: async ({ scoped, query: q }) => {
      const points = await kpi.volume(scoped, q.interval, q);
      if (q.format === 'csv')
        return exported(scoped, toCsv(['start', 'created', 'solved', 'backlog'], points), 'volume', q);
      return { interval: q.interval, points, leftOut: await leftOutOf(scoped, q, true) };
    },
  });
  route.get('/api/insight/topics', {
    summary: 'Contact reasons: tickets per topic per day, week or month',
    request: { query: VolumeQuery },
    responses: { 200: jsonOrCsv(TopicTrendSchema, 'Topic trend') },
    run: async ({ scoped, query: q }) => {
      const points = await kpi.topicTrend(scoped, q.interval, q);
      if (q.format === 'csv')
        return exported(scoped, toCsv(['start', 'topic', 'tickets'], points), 'topics', q);
      return { points, leftOut: await leftOutOf(scoped, q, true) };
    },
  });
  route.get('/api/insight/training-needs', {
    summary: "Topics where a team's median resolution lags the other teams'",
    request: { query: TicketFilterQuery },
    responses: { 200: jsonOrCsv(TrainingNeedsSchema, 'Training needs') },
    run: async ({ scoped, query: q }) => {
      const items = await kpi.trainingNeeds(scoped, q);
      if (q.format === 'csv')
        return exported(scoped, toCsv(Object.keys(items[0] ?? { teamId: null }), items), 'training-needs', q);
      return { items };
    },
  });
  route.get('/api/insight/tickets', {
    summary: 'The tickets behind a KPI: same filters, keyset pagination (drill-down)',
    request: { query: TicketListQuery },
    responses: { 200: jsonOrCsv(TicketPage, 'Tickets') },
    run: async ({ scoped, query: q }) => {
      const page = await listTickets(scoped, q, q.cursor, q.limit);
      if (q.format !== 'csv') return page;
      // People read names, not ids: the provider's and team's names lead, the ids stay for joins.
      const directory = await directoryFor(scoped);
      const providers = new Map(directory.providers.map((p) => [p.id, p.name]));
      const teams = new Map(directory.teams.map((t) => [t.id, t.name]));
      const name = (names: Map<string, string>, id: unknown) =>
        typeof id === 'string' ? (names.get(id) ?? null) : null;
      const rows = page.items.map((t) => ({
        provider: name(providers, t.providerId),
        team: name(teams, t.teamId),
        ...t,
      }));
      return exported(
        scoped,
        toCsv(['provider', 'team', ...Object.keys(TicketSchema.shape)], rows),
        'tickets',
        q,
      );
    },
  });
}
