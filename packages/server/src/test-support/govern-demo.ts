import type { Settlement } from '../contract.js';
import { DEMO_PASSWORD, DEMO_USERS } from '../demo/seed.js';
import { type Auth, startTestApp, type TestApp } from './test-app.js';

export interface GovernDemo {
  app: TestApp;
  /** The in-house administrator. */
  admin: Auth;
  /** Baltic Contact's vendor administrator (the provider the govern suites contract with). */
  balticLead: Auth;
  /** Another provider's vendor agent: sees none of Baltic's rows. */
  manilaAgent: Auth;
  baltic: string;
  organizationId: string;
}

/** A demo app signed in as the three roles the govern suites compare, with Baltic Contact's id. */
export async function startGovernDemo(): Promise<GovernDemo> {
  const app = await startTestApp({ demo: true });
  const [admin, balticLead, manilaAgent] = await Promise.all([
    app.login(DEMO_USERS.admin, DEMO_PASSWORD),
    app.login(DEMO_USERS.vendorAdmin, DEMO_PASSWORD),
    app.login(DEMO_USERS.vendorAgent, DEMO_PASSWORD),
  ]);
  const provider = await app.shoreline.ctx.db
    .selectFrom('providers')
    .select(['id', 'organization_id'])
    .where('name', '=', 'Baltic Contact')
    .executeTakeFirstOrThrow();
  return {
    app,
    admin,
    balticLead,
    manilaAgent,
    baltic: provider.id,
    organizationId: provider.organization_id,
  };
}

/** A ticket row created and solved on one day (09:00–12:00 UTC), the fields settlement measures. */
export function solvedTicket(p: {
  id: string;
  organizationId: string;
  providerId: string;
  day: string;
  priority: string;
  resolutionSeconds: number;
  firstResponseSeconds?: number;
}) {
  return {
    id: p.id,
    organization_id: p.organizationId,
    provider_id: p.providerId,
    source: 'test',
    external_id: p.id,
    priority: p.priority,
    created_at: new Date(`${p.day}T09:00:00Z`),
    solved_at: new Date(`${p.day}T12:00:00Z`),
    resolution_seconds: p.resolutionSeconds,
    first_response_seconds: p.firstResponseSeconds ?? null,
    tags: [],
    quality_flags: [],
    custom: '{}',
    reopen_count: 0,
    handoff_count: 0,
  };
}

/** `providerId`'s settlement of `period` (YYYY-MM) as `auth` computes it; throws unless it answers 200. */
export async function settlementOf(
  app: TestApp,
  auth: Auth,
  providerId: string,
  period: string,
): Promise<Settlement> {
  const res = await app.request('/api/govern/settlements', { auth, body: { providerId, period } });
  if (res.status !== 200) throw new Error(`settlement of ${period}: ${res.status} ${await res.text()}`);
  return (await res.json()) as Settlement;
}
