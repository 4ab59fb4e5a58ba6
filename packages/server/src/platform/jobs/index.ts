import type { ShorelineModule } from '../module.js';
import { jobAdminRoutes } from './admin-routes.js';
import { jobMigrations } from './migrations.js';
import { jobsPolicy } from './policy.js';
import { pruneJobs } from './prune.js';
import { jobsScopedTables } from './tables.js';

export { JOB_SUMMARY_COLUMNS } from './admin-service.js';
export { type BackoffPolicy, backoffMs, seededRandom } from './backoff.js';
export { DEFAULT_MAX_ATTEMPTS, enqueueJob, type NewJob, notifyJobs } from './enqueue.js';
export {
  type JobContext,
  type JobDefinition,
  type JobRow,
  jsonText,
  PermanentJobError,
} from './job-definition.js';
export type { jobsPolicy } from './policy.js';
export { presentJob } from './presenters.js';
export { nextOccurrence, occurrenceKey } from './recurring.js';
export { JobRunner, type JobRunnerOptions, type RunSummary } from './runner.js';
export type { JobOverviewSchema, JobSchema } from './schemas.js';
export type { JobStatus } from './tables.js';

/** The durable job queue (see runner.ts): its table, the admin routes and its own maintenance job. */
export const jobsModule: ShorelineModule = {
  name: 'jobs',
  migrations: jobMigrations,
  scopedTables: jobsScopedTables,
  policy: jobsPolicy,
  jobs: [pruneJobs],
  routes: jobAdminRoutes,
};
