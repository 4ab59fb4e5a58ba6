/** One lead as the report reads it: what raised it, its currency, where it stands. */
export interface LeadFacts {
  readonly team: string | null;
  readonly provider: string | null;
  readonly channel: string | null;
  readonly language: string | null;
  readonly raisedBy: string;
  readonly currency: string;
  readonly status: 'open' | 'won' | 'lost';
  /** The estimate, integer minor units. */
  readonly valueMinor: number;
  /** The won deal's value, integer minor units (null unless won). */
  readonly wonMinor: number | null;
}

export type LeadDimension = 'team' | 'provider' | 'channel' | 'language' | 'raisedBy';

export interface LeadsReportRow {
  readonly key: string | null;
  readonly currency: string;
  readonly leads: number;
  readonly won: number;
  readonly lost: number;
  readonly open: number;
  readonly conversion: number | null;
  readonly estimatedMinor: number;
  readonly wonMinor: number;
}

/**
 * Leads attributed to whoever raised them, one row per (dimension value, currency): counts by
 * outcome, the win rate `won / (won + lost)` over closed leads only (open leads have no outcome
 * yet; Salesforce's "win rate" on closed opportunities), the estimated and the won revenue. Money is
 * never summed across currencies. Rows are ordered by won revenue, then leads, then key.
 *
 * @throws never
 * @example
 * leadsReport([{ team: 't1', provider: 'p', channel: 'chat', language: 'tr', raisedBy: 'u',
 *   currency: 'EUR', status: 'won', valueMinor: 1000, wonMinor: 1200 }], 'team')
 * // → [{ key: 't1', currency: 'EUR', leads: 1, won: 1, lost: 0, open: 0, conversion: 1,
 * //      estimatedMinor: 1000, wonMinor: 1200 }]
 */
export function leadsReport(leads: readonly LeadFacts[], by: LeadDimension): LeadsReportRow[] {
  const rows = new Map<string, { -readonly [K in keyof LeadsReportRow]: LeadsReportRow[K] }>();
  for (const lead of leads) {
    const key = lead[by];
    const id = JSON.stringify([key, lead.currency]);
    let row = rows.get(id);
    if (!row) {
      row = {
        key,
        currency: lead.currency,
        leads: 0,
        won: 0,
        lost: 0,
        open: 0,
        conversion: null,
        estimatedMinor: 0,
        wonMinor: 0,
      };
      rows.set(id, row);
    }
    row.leads++;
    row[lead.status]++;
    row.estimatedMinor += lead.valueMinor;
    if (lead.status === 'won') row.wonMinor += lead.wonMinor ?? lead.valueMinor;
  }
  for (const row of rows.values()) {
    const closed = row.won + row.lost;
    row.conversion = closed === 0 ? null : row.won / closed;
  }
  return [...rows.values()].sort(
    (a, b) => b.wonMinor - a.wonMinor || b.leads - a.leads || String(a.key).localeCompare(String(b.key)),
  );
}
