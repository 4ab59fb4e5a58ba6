import { addCalendarDays, daysUntil, dueReminder } from '@shoreline/core';
import { recordEvent } from '../../platform/events/index.js';
import type { JobDefinition } from '../../platform/jobs/job-definition.js';

/** Files further than the first milestone from expiry need no look; read at most this many a run. */
const BATCH = 5000;

/**
 * Daily: evidence files reaching an expiry milestone (90, 30, 7 days before, and on expiry; core
 * `dueReminder`) raise `source.evidence_expiring` once per milestone, on the file's provider, so
 * webhooks (and a vendor's own subscribers) hear of it; the milestone is stored on the file.
 */
export const evidenceExpiryJob: JobDefinition = {
  name: 'source.evidence_expiry',
  schedule: { cron: '17 6 * * *', timeZone: 'UTC' },
  maxAttempts: 3,
  async handler(_payload, ctx) {
    const today = ctx.clock.now().toISOString().slice(0, 10);
    const horizon = addCalendarDays(today, 90);
    const rows = await ctx.db
      .selectFrom('source_evidence')
      .select([
        'id',
        'organization_id',
        'provider_id',
        'vendor_id',
        'kind',
        'file_name',
        'expires_on',
        'last_reminder_days',
      ])
      .where('expires_on', '<=', horizon)
      .where((eb) => eb.or([eb('last_reminder_days', 'is', null), eb('last_reminder_days', '>', 0)]))
      .limit(BATCH)
      .execute();
    let reminded = 0;
    for (const r of rows) {
      const daysLeft = daysUntil(r.expires_on!, today);
      const milestone = dueReminder(daysLeft, r.last_reminder_days);
      if (milestone === null) continue;
      await ctx.db.transaction().execute(async (tx) => {
        await recordEvent(tx, {
          type: 'source.evidence_expiring',
          organizationId: r.organization_id,
          providerId: r.provider_id,
          subjectType: 'source_evidence',
          subjectId: r.id,
          actorId: 'system:source',
          occurredAt: ctx.clock.now(),
          payload: {
            vendorId: r.vendor_id,
            kind: r.kind,
            fileName: r.file_name,
            expiresOn: r.expires_on,
            daysLeft,
            milestone,
          },
        });
        await tx
          .updateTable('source_evidence')
          .set({ last_reminder_days: milestone })
          .where('id', '=', r.id)
          .execute();
      });
      reminded++;
    }
    return { reminded };
  },
};
