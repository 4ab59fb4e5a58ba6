import { randomBytes } from 'node:crypto';
import type { z } from '@hono/zod-openapi';
import type { Clock } from '../../platform/clock.js';
import { AppError, oneOrNotFound } from '../../platform/http/problem.js';
import type { ModuleContext } from '../../platform/module.js';
import { type ScopedDb, systemActor } from '../../platform/scope.js';
import { detectLanguageOrNull } from '../routing/index.js';
import { ticketService } from '../tickets/index.js';
import type { CsatAnswer } from './schemas.js';

/** The survey behind a token, acting as the system actor `system:csat` of its organization. */
async function surveyOf(ctx: ModuleContext, token: string) {
  const survey = await oneOrNotFound(
    ctx.db.selectFrom('csat_surveys').selectAll().where('token', '=', token),
    'survey',
  );
  return { survey, scoped: ctx.scope(systemActor('csat', survey.organization_id)) as ScopedDb };
}

/** The ticket's language, else the one the customer wrote in (the mail channel does not set it). */
export function customerLanguage(detail: Awaited<ReturnType<typeof ticketService.getTicket>>): string | null {
  if (typeof detail.ticket.language === 'string') return detail.ticket.language;
  const first = detail.messages.find((x) => x.authorType === 'customer')?.body ?? '';
  return detectLanguageOrNull(`${String(detail.ticket.subject ?? '')}\n${first}`.trim());
}

/** What the survey page needs: the customer's language, and whether it was answered. */
export async function survey(ctx: ModuleContext, token: string) {
  const { survey, scoped } = await surveyOf(ctx, token);
  const language = customerLanguage(await ticketService.getTicket(scoped, survey.ticket_id));
  const scales: ('1-5' | 'binary')[] = ['1-5', 'binary'];
  return { language, answered: survey.answered_at !== null, scales };
}

/** The customer's answer: once per ticket (a second answers `conflict`), recorded on the ticket for the KPIs. */
export async function answer(
  ctx: ModuleContext,
  clock: Clock,
  token: string,
  input: z.output<typeof CsatAnswer>,
) {
  const { survey: row, scoped } = await surveyOf(ctx, token);
  await scoped.transaction(async (tx) => {
    const claimed = await tx
      .updateTable('csat_surveys')
      .set({
        answered_at: clock.now(),
        score: input.score,
        scale: input.scale,
        comment: input.comment ?? null,
      })
      .where('token', '=', token)
      .where('answered_at', 'is', null)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) === 0)
      throw new AppError('conflict', 'this survey was already answered', 'token');
    await ticketService.recordCsat(tx, row.ticket_id, { score: input.score, scale: input.scale });
  });
  return survey(ctx, token);
}

/**
 * The customer rates a ticket where they are (the chat widget at the chat's end) rather than through
 * the e-mailed link: the ticket's survey is made if the solved-ticket listener has not yet made it,
 * then answered exactly as the link would (once; a second answer is `conflict`).
 */
export async function answerForTicket(
  ctx: ModuleContext,
  clock: Clock,
  organizationId: string,
  ticketId: string,
  input: z.output<typeof CsatAnswer>,
) {
  const scoped = ctx.scope(systemActor('csat', organizationId)) as ScopedDb;
  const ticket = await ticketService.getTicket(scoped, ticketId);
  await scoped
    .insertInto('csat_surveys', {
      token: randomBytes(24).toString('base64url'),
      provider_id: (ticket.ticket.providerId as string | null) ?? null,
      ticket_id: ticketId,
      created_at: clock.now(),
    })
    .onConflict((oc) => oc.column('ticket_id').doNothing())
    .execute();
  const row = await scoped
    .selectFrom('csat_surveys')
    .select('token')
    .where('ticket_id', '=', ticketId)
    .executeTakeFirstOrThrow();
  return answer(ctx, clock, row.token, input);
}
