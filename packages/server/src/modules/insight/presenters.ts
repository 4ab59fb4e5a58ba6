import { spreadsheetCsvCell } from '@shoreline/core';
import type { Selectable } from 'kysely';
import { presentTicket as presentFullTicket, type TicketsTable } from '../tickets/index.js';
import type { KpiRow } from './kpi-service.js';
import { DRILL_DOWN_FIELDS } from './schemas.js';
import type { ImportRunsTable } from './tables.js';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** A ticket as a drill-down lists it: the catalogue's wire fields (the tickets module's presenter), DRILL_DOWN_FIELDS only. */
export function presentTicket(t: Selectable<TicketsTable>): Record<string, unknown> {
  const full = presentFullTicket(t);
  return Object.fromEntries(DRILL_DOWN_FIELDS.map((f) => [f, full[f]]));
}

export function presentImportRun(r: Selectable<ImportRunsTable>) {
  return {
    id: r.id,
    source: r.source,
    format: r.format,
    fileName: r.file_name,
    status: r.status,
    progress: Number(r.file_bytes) > 0 ? Math.min(1, Number(r.bytes_done) / Number(r.file_bytes)) : 1,
    recordsRead: Number(r.records_read),
    ticketsUpserted: Number(r.tickets_upserted),
    rowsRejected: Number(r.rows_rejected),
    quality: r.quality,
    findings: {
      coverage: r.findings.coverage ?? [],
      replyLinks: r.findings.replyLinks ?? null,
      warnings: r.findings.warnings ?? [],
    },
    error: r.error,
    errorCode: r.error_code ?? (r.status === 'failed' ? 'unreadable' : null),
    errorField: r.error_field ?? null,
    detected: r.detected ?? null,
    startedAt: new Date(r.started_at).toISOString(),
    finishedAt: iso(r.finished_at),
  };
}

/**
 * RFC 4180 CSV of objects with the given columns; nested values as JSON. Text cells go through
 * `textCell`: by default neutralised for spreadsheets (OWASP CSV injection); the canonical export
 * passes its reversible escape. Numbers and booleans are written as they are.
 */
export function toCsv(
  columns: readonly string[],
  rows: readonly object[],
  textCell: (text: string) => string = spreadsheetCsvCell,
): string {
  const cell = (v: unknown) => {
    if (v === null || v === undefined) return '';
    if (typeof v === 'number') return String(textCell === spreadsheetCsvCell ? forReading(v) : v);
    if (typeof v === 'boolean') return String(v);
    return textCell(typeof v === 'object' ? JSON.stringify(v) : String(v));
  };
  return (
    [
      columns.join(','),
      ...rows.map((r) => columns.map((c) => cell((r as Record<string, unknown>)[c])).join(',')),
    ].join('\n') + '\n'
  );
}

/**
 * A number as people read it: twelve significant digits, which drops binary floating-point noise
 * (540336.0000000001 → 540336, 0.1 + 0.2 → 0.3) and keeps every digit a measure means. Only for
 * spreadsheet CSV; the canonical export writes numbers exactly.
 */
export function forReading(v: number): number {
  return Number.isFinite(v) && !Number.isInteger(v) ? Number(v.toPrecision(12)) : v;
}

/** A KPI table flattened for CSV: one column per measure. */
export function kpiRowsToCsv(rows: readonly KpiRow[]): string {
  const flat = rows.map((r) => ({
    key: r.key,
    label: r.label,
    tickets: r.tickets,
    solved: r.solved,
    first_response_median_s: r.firstResponse.medianSeconds,
    first_response_p90_s: r.firstResponse.p90Seconds,
    first_response_business_median_s: r.firstResponseBusiness.medianSeconds,
    first_response_business_p90_s: r.firstResponseBusiness.p90Seconds,
    resolution_median_s: r.resolution.medianSeconds,
    resolution_p90_s: r.resolution.p90Seconds,
    resolution_business_median_s: r.resolutionBusiness.medianSeconds,
    resolution_business_p90_s: r.resolutionBusiness.p90Seconds,
    reopen_rate: r.reopenRate,
    handoffs_per_ticket: r.handoffsPerTicket,
    sla_attainment: r.slaAttainment,
    csat_responses: r.csatResponses,
    csat_mean: r.csatMean,
    csat_satisfied_share: r.csatSatisfiedShare,
    abandonment_rate: r.calls.abandonmentRate,
    handle_median_s: r.calls.handle.medianSeconds,
    quality_flagged: r.qualityFlagged,
  }));
  return toCsv(Object.keys(flat[0] ?? { key: null }), flat);
}
