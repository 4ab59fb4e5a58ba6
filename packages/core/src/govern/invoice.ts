// Invoice reconciliation (../shared/reference/govern/requirements-checklist.md, "Invoice
// reconciliation: vendor invoice lines vs Shoreline-computed billable units; variance"; governance-
// practice.md §5.2 rule 4: measure from the client's own system, reconcile with the vendor's
// self-report and record the differences). Lines are matched by rate unit; all amounts in integer
// minor units, compared exactly.

export interface InvoiceLine {
  /** The rate unit billed: contact, resolution, minute, hour, fte_month, month. */
  readonly unit: string;
  readonly quantity: number;
  readonly amountMinor: number;
  /** The line number in the vendor's file (1 = first data line). */
  readonly line: number;
}

export interface ComputedCharge {
  readonly unit: string;
  readonly quantity: number;
  readonly amountMinor: number;
}

export type ReconciliationReason =
  | 'matches'
  | 'quantity_differs'
  | 'amount_differs'
  | 'not_in_contract'
  | 'not_invoiced'
  | 'billed_twice';

export interface ReconciledLine {
  readonly unit: string;
  readonly line: number | null;
  readonly invoicedQuantity: number | null;
  readonly invoicedMinor: number | null;
  readonly computedQuantity: number | null;
  readonly computedMinor: number | null;
  /** Invoiced − computed (positive: the vendor bills more than measured). */
  readonly differenceMinor: number;
  readonly reason: ReconciliationReason;
}

/**
 * Matches each invoice line with the recomputed charge of its unit. A line whose unit the statement
 * has no charge for is `not_in_contract`; a second line of the same unit is `billed_twice`; a charge
 * no line bills is `not_invoiced`. Otherwise the quantity is compared first (the measured volume is
 * the usual cause of a difference), then the amount (the rate or its rounding).
 */
export function reconcileInvoice(
  lines: readonly InvoiceLine[],
  computed: readonly ComputedCharge[],
): { lines: ReconciledLine[]; invoicedMinor: number; computedMinor: number; differenceMinor: number } {
  const byUnit = new Map(computed.map((c) => [c.unit, c]));
  const seen = new Set<string>();
  const out: ReconciledLine[] = [];
  for (const l of lines) {
    const c = byUnit.get(l.unit);
    const base = { unit: l.unit, line: l.line, invoicedQuantity: l.quantity, invoicedMinor: l.amountMinor };
    if (!c || seen.has(l.unit)) {
      out.push({
        ...base,
        computedQuantity: null,
        computedMinor: null,
        differenceMinor: l.amountMinor,
        reason: c ? 'billed_twice' : 'not_in_contract',
      });
      continue;
    }
    seen.add(l.unit);
    const reason: ReconciliationReason =
      l.quantity !== c.quantity
        ? 'quantity_differs'
        : l.amountMinor !== c.amountMinor
          ? 'amount_differs'
          : 'matches';
    out.push({
      ...base,
      computedQuantity: c.quantity,
      computedMinor: c.amountMinor,
      differenceMinor: l.amountMinor - c.amountMinor,
      reason,
    });
  }
  for (const c of computed)
    if (!seen.has(c.unit))
      out.push({
        unit: c.unit,
        line: null,
        invoicedQuantity: null,
        invoicedMinor: null,
        computedQuantity: c.quantity,
        computedMinor: c.amountMinor,
        differenceMinor: -c.amountMinor,
        reason: 'not_invoiced',
      });
  const invoicedMinor = lines.reduce((sum, l) => sum + l.amountMinor, 0);
  const computedMinor = computed.reduce((sum, c) => sum + c.amountMinor, 0);
  return { lines: out, invoicedMinor, computedMinor, differenceMinor: invoicedMinor - computedMinor };
}
