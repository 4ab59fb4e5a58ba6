import { auditModule } from './modules/audit/index.js';
import { chatModule } from './modules/chat/index.js';
import { csatModule } from './modules/csat/index.js';
import { customersModule } from './modules/customers/index.js';
import { deskModule } from './modules/desk/index.js';
import { governModule } from './modules/govern/index.js';
import { identityModule } from './modules/identity/index.js';
import { insightModule } from './modules/insight/index.js';
import { knowledgeModule } from './modules/knowledge/index.js';
import { mailModule } from './modules/mail/index.js';
import { phoneModule } from './modules/phone/index.js';
import { planModule } from './modules/plan/index.js';
import { routingModule } from './modules/routing/index.js';
import { salesModule } from './modules/sales/index.js';
import { slaModule } from './modules/sla/index.js';
import { socialModule } from './modules/social/index.js';
import { sourceModule } from './modules/source/index.js';
import { ticketsModule } from './modules/tickets/index.js';
import { webhooksModule } from './modules/webhooks/index.js';
import { eventsModule } from './platform/events/index.js';
import { jobsModule } from './platform/jobs/index.js';
import type { ShorelineModule } from './platform/module.js';
import { uploadsModule } from './platform/uploads/index.js';

/**
 * Every capability the server runs. A module listed here has its migrations applied, its scoped
 * tables, public paths, routes and CLI commands collected: nothing else names it. Migrations run in
 * time order across modules (docs/decisions/0005), not in this order.
 */
export const modules: readonly ShorelineModule[] = [
  identityModule,
  eventsModule,
  jobsModule,
  uploadsModule,
  ticketsModule,
  insightModule,
  planModule,
  webhooksModule,
  customersModule,
  mailModule,
  deskModule,
  slaModule,
  auditModule,
  governModule,
  knowledgeModule,
  sourceModule,
  routingModule,
  phoneModule,
  socialModule,
  csatModule,
  salesModule,
  chatModule,
];
