// The navigation registry: one entry per page. The router makes a route `${path}/*` for every entry
// (so a page may hold its own nested routes: list, new, :id), and the shell lists the entries the
// signed-in user may see, grouped by section, in this order.
//
// To add a page (e.g. Plan → Forecasts):
//   1. write src/features/plan/ForecastsPage.tsx exporting `ForecastsPage`;
//   2. add its label to every catalog under "nav" (e.g. "nav.forecasts"), and the section label
//      ("nav.plan") if the section is new;
//   3. add a section below if new, and one entry:
//      { id: 'plan.forecasts', section: 'plan', label: 'nav.forecasts', path: '/plan/forecasts',
//        page: lazyPage(() => import('../features/plan/ForecastsPage'), 'ForecastsPage') },

import type { Me } from '@shoreline/server/contract';
import { type ComponentType, type LazyExoticComponent, lazy } from 'react';
import { can } from '../features/auth/permissions';
import type en from '../i18n/locales/en.json';

export type NavLabel = `nav.${keyof typeof en.nav}`;

export interface NavSection {
  id: string;
  label: NavLabel;
}

export interface NavEntry {
  /** Stable id, `${section}.${page}`. */
  id: string;
  section: string;
  label: NavLabel;
  /** Absolute path without trailing slash; the page owns everything below it. */
  path: string;
  page: LazyExoticComponent<ComponentType>;
  /** Who sees this page; everyone signed in when omitted. Writes are checked inside the page. */
  visible?: (me: Me) => boolean;
}

/** Loads a named export lazily, so each feature is its own chunk. */
export function lazyPage<M extends Record<string, unknown>>(
  load: () => Promise<M>,
  name: keyof M & string,
): LazyExoticComponent<ComponentType> {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}

export const NAV_SECTIONS: NavSection[] = [
  { id: 'desk', label: 'nav.desk' },
  { id: 'plan', label: 'nav.plan' },
  { id: 'insight', label: 'nav.insight' },
  { id: 'govern', label: 'nav.govern' },
  { id: 'source', label: 'nav.source' },
  { id: 'admin', label: 'nav.admin' },
];

export const NAV: NavEntry[] = [
  {
    id: 'desk.inbox',
    section: 'desk',
    label: 'nav.inbox',
    path: '/desk',
    visible: (me) => can(me, 'desk.work'),
    page: lazyPage(() => import('../features/desk/DeskPage'), 'DeskPage'),
  },
  {
    id: 'insight.overview',
    section: 'insight',
    label: 'nav.insightOverview',
    path: '/insight/overview',
    page: lazyPage(() => import('../features/insight/OverviewPage'), 'OverviewPage'),
  },
  {
    id: 'insight.breakdown',
    section: 'insight',
    label: 'nav.insightBreakdown',
    path: '/insight/breakdown',
    page: lazyPage(() => import('../features/insight/BreakdownPage'), 'BreakdownPage'),
  },
  {
    id: 'insight.topics',
    section: 'insight',
    label: 'nav.insightTopics',
    path: '/insight/topics',
    page: lazyPage(() => import('../features/insight/TopicsPage'), 'TopicsPage'),
  },
  {
    id: 'insight.leads',
    section: 'insight',
    label: 'nav.insightLeads',
    path: '/insight/leads',
    visible: (me) => can(me, 'sales.read'),
    page: lazyPage(() => import('../features/insight/LeadsPage'), 'LeadsPage'),
  },
  {
    id: 'insight.knowledgeGaps',
    section: 'insight',
    label: 'nav.insightKnowledgeGaps',
    path: '/insight/knowledge-gaps',
    page: lazyPage(() => import('../features/insight/KnowledgeGapsPage'), 'KnowledgeGapsPage'),
  },
  {
    id: 'insight.imports',
    section: 'insight',
    label: 'nav.insightImports',
    path: '/insight/imports',
    visible: (me) => can(me, 'import.run'),
    page: lazyPage(() => import('../features/insight/ImportsPage'), 'ImportsPage'),
  },
  {
    id: 'plan.staffing',
    section: 'plan',
    label: 'nav.staffing',
    path: '/plan',
    page: lazyPage(() => import('../features/plan/PlanPage'), 'PlanPage'),
  },
  {
    id: 'plan.plans',
    section: 'plan',
    label: 'nav.plans',
    path: '/plan/plans',
    visible: (me) => can(me, 'plans.read'),
    page: lazyPage(() => import('../features/plan/PlansPage'), 'PlansPage'),
  },
  {
    id: 'govern.contracts',
    section: 'govern',
    label: 'nav.contracts',
    path: '/govern/contracts',
    visible: (me) => can(me, 'govern.read'),
    page: lazyPage(() => import('../features/govern/ContractsPage'), 'ContractsPage'),
  },
  {
    id: 'source.compare',
    section: 'source',
    label: 'nav.sourceCompare',
    path: '/source',
    visible: (me) => can(me, 'source.read'),
    page: lazyPage(() => import('../features/source/SourcePage'), 'SourcePage'),
  },
  {
    id: 'admin.providers',
    section: 'admin',
    label: 'nav.providers',
    path: '/admin/providers',
    page: lazyPage(() => import('../features/admin/ProvidersPage'), 'ProvidersPage'),
  },
  {
    id: 'admin.teams',
    section: 'admin',
    label: 'nav.teams',
    path: '/admin/teams',
    page: lazyPage(() => import('../features/admin/TeamsPage'), 'TeamsPage'),
  },
  {
    id: 'admin.users',
    section: 'admin',
    label: 'nav.users',
    path: '/admin/users',
    visible: (me) => can(me, 'user.read'),
    page: lazyPage(() => import('../features/admin/UsersPage'), 'UsersPage'),
  },
  {
    id: 'admin.jobs',
    section: 'admin',
    label: 'nav.jobs',
    path: '/admin/jobs',
    visible: (me) => can(me, 'job.read'),
    page: lazyPage(() => import('../features/admin/JobsPage'), 'JobsPage'),
  },
  {
    id: 'admin.tokens',
    section: 'admin',
    label: 'nav.tokens',
    path: '/admin/tokens',
    page: lazyPage(() => import('../features/admin/TokensPage'), 'TokensPage'),
  },
  {
    id: 'admin.webhooks',
    section: 'admin',
    label: 'nav.webhooks',
    path: '/admin/webhooks',
    visible: (me) => can(me, 'webhook.manage'),
    page: lazyPage(() => import('../features/admin/WebhooksPage'), 'WebhooksPage'),
  },
  {
    id: 'admin.mailboxes',
    section: 'admin',
    label: 'nav.mailboxes',
    path: '/admin/mailboxes',
    visible: (me) => can(me, 'mail.manage'),
    page: lazyPage(() => import('../features/admin/MailboxesPage'), 'MailboxesPage'),
  },
  {
    id: 'admin.mail',
    section: 'admin',
    label: 'nav.receivedMail',
    path: '/admin/mail',
    visible: (me) => can(me, 'mail.manage'),
    page: lazyPage(() => import('../features/admin/ReceivedMailPage'), 'ReceivedMailPage'),
  },
  {
    id: 'admin.sla',
    section: 'admin',
    label: 'nav.sla',
    path: '/admin/sla',
    visible: (me) => can(me, 'sla.read_policies'),
    page: lazyPage(() => import('../features/admin/SlaPoliciesPage'), 'SlaPoliciesPage'),
  },
  {
    id: 'desk.knowledge',
    section: 'desk',
    label: 'nav.knowledge',
    path: '/desk/knowledge',
    visible: (me) => can(me, 'knowledge.read'),
    page: lazyPage(() => import('../features/knowledge/KnowledgePage'), 'KnowledgePage'),
  },
];

export function visibleNav(me: Me): { section: NavSection; entries: NavEntry[] }[] {
  return NAV_SECTIONS.map((section) => ({
    section,
    entries: NAV.filter((e) => e.section === section.id && (e.visible?.(me) ?? true)),
  })).filter((g) => g.entries.length > 0);
}
