// Invoice reconciliation (issue 11, Settlement): the vendor's invoice for a month, uploaded as CSV
// line items (unit, quantity, amount), matched line by line against the charges Shoreline recomputed
// from the client's own tickets (the stored statement's charge lines), each difference flagged with
// its reason (core reconcileInvoice). The reconciliation is appended to the audit log.
import { type InvoiceLine, reconcileInvoice } from '@shoreline/core';
import { parse } from 'csv-parse/sync';
import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/http/problem.js';
import type { ScopedDb } from '../../platform/scope.js';
import { appendAudit } from '../audit/index.js';
import { authorizeGovern } from './policy.js';
import { getSettlement } from './service.js';

const UNITS = new Set(['hour', 'fte_month', 'contact', 'minute', 'resolution', 'month']);

/** An amount in major units with at most two decimals ("6750", "6750.5", "6,750.00" is refused) → minor units. */
function minorUnits(text: string): number | null {
  const m = /^(-?)(\d{1,13})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!m) return null;
  const minor = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -minor : minor;
}

/** The invoice's lines: a header row naming `unit`, `quantity` and `amount` (any order, other columns ignored). */
export function parseInvoiceCsv(csv: string): InvoiceLine[] {
  let records: Record<string, string>[];
  try {
    records = parse(csv, {
      columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
    });
  } catch (err) {
    throw new AppError(
      'validation_failed',
      `the invoice is not readable CSV: ${(err as Error).message}`,
      'csv',
    );
  }
  if (records.length === 0) throw new AppError('validation_failed', 'the invoice has no lines', 'csv');
  return records.map((r, i) => {
    const line = i + 1;
    const unit = (r.unit ?? '').toLowerCase();
    if (!UNITS.has(unit))
      throw new AppError(
        'validation_failed',
        `line ${line}: unit must be one of ${[...UNITS].join(', ')}`,
        'csv',
      );
    const quantity = Number(r.quantity);
    if (!Number.isInteger(quantity) || quantity < 0)
      throw new AppError('validation_failed', `line ${line}: quantity must be a whole number`, 'csv');
    const amountMinor = minorUnits(r.amount ?? '');
    if (amountMinor === null)
      throw new AppError(
        'validation_failed',
        `line ${line}: amount must be a number with at most two decimals`,
        'csv',
      );
    return { unit, quantity, amountMinor, line };
  });
}

/** Reconciles a vendor invoice with the stored statement of the same contract and month. */
export async function reconcile(s: ScopedDb, clock: Clock, contractId: string, period: string, csv: string) {
  authorizeGovern(s.actor, 'govern.manage');
  const lines = parseInvoiceCsv(csv);
  const statement = await getSettlement(s, contractId, period);
  if (!statement.chargeLines)
    throw new AppError(
      'validation_failed',
      'recompute this month first: its statement has no charge lines',
      'period',
    );
  const result = reconcileInvoice(lines, statement.chargeLines);
  await appendAudit(s, clock, {
    action: 'invoice.reconciled',
    subjectType: 'contract',
    subjectId: contractId,
    providerId: statement.providerId,
    payload: {
      period,
      invoicedMinor: result.invoicedMinor,
      computedMinor: result.computedMinor,
      flagged: result.lines.filter((l) => l.reason !== 'matches').length,
    },
  });
  return { contractId, period, currency: statement.currency, ...result };
}
