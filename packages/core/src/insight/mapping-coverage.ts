import { type ColumnMapping, priorityOf, type SourceRecord, statusOf } from './mapping.js';
import { CHANNELS } from './ticket.js';

/** Fields whose source words a mapping translates, and whose coverage an import reports. */
export const COVERED_FIELDS = ['status', 'priority', 'channel'] as const;
export type CoveredField = (typeof COVERED_FIELDS)[number];

/** Share of rows with a value whose value was mapped, per field; the commonest unmapped values. */
export interface FieldCoverage {
  readonly field: string;
  /** Rows (events, for an event log's status) that had a value in the field's column. */
  readonly rows: number;
  readonly mapped: number;
  /** mapped ÷ rows; null when no row had a value. */
  readonly share: number | null;
  unmapped: { value: string; rows: number }[];
}

/** Something an import did that the user should know, in a form each language can word. */
export interface ImportWarning {
  readonly code:
    | 'rule_matched_nothing'
    | 'field_mapped_nothing'
    | 'values_not_mapped'
    | 'reply_links_unresolved';
  /** The mapping field (`statusMap`, `providers`) for a rule; the canonical field otherwise; a column for reply links. */
  readonly field: string;
  /** The rule's value, or an example of an unmapped value. */
  readonly value?: string;
  readonly count?: number;
}

/** Distinct values remembered per field: past it, new values are counted as unmapped without their text. */
const DISTINCT_CAP = 10_000;
const EXAMPLES = 5;

/**
 * Counts, over an import's rows, each covered field's source words, and reports after the last row
 * which share of them the mapping translated, which rules matched no row, and which fields mapped
 * nothing at all. Channel words that are not canonical names and not in `channelMap` count as not
 * mapped (they are stored as `other`).
 */
export class MappingCoverage {
  private readonly seen = new Map<CoveredField, Map<string, number>>(
    COVERED_FIELDS.map((f) => [f, new Map()]),
  );
  private readonly overflow = new Map<CoveredField, number>();
  private readonly columns: [CoveredField, string][];
  /** Per column observed: its field, its name and the field's counts. */
  private readonly observed: [CoveredField, string, Map<string, number>][];

  constructor(readonly mapping: ColumnMapping) {
    const c = mapping.columns;
    this.columns = [];
    for (const [field, column] of [
      ['status', c.status],
      ['status', mapping.events?.status],
      ['priority', c.priority],
      ['channel', c.channel],
    ] as const)
      if (column && !this.columns.some(([f, col]) => f === field && col === column))
        this.columns.push([field, column]);
    this.observed = this.columns.map(([field, column]) => [field, column, this.seen.get(field)!]);
  }

  /**
   * Counts the covered fields' words of one source record (one row or one event). Runs for every
   * row of an import: a column's text is read as RecordReader.column reads it (trimmed; empty or a
   * null marker is no value), without a reader or a lookup of the field's counts per row.
   */
  observe(record: SourceRecord): void {
    const nulls = this.mapping.nullMarkers;
    for (let i = 0; i < this.observed.length; i++) {
      const [field, column, counts] = this.observed[i]!;
      const raw = record[column];
      if (raw === undefined) continue;
      const v = raw.trim();
      if (v === '' || nulls.includes(v)) continue;
      const n = counts.get(v);
      if (n !== undefined) counts.set(v, n + 1);
      else if (counts.size < DISTINCT_CAP) counts.set(v, 1);
      else this.overflow.set(field, (this.overflow.get(field) ?? 0) + 1);
    }
  }

  private isMapped(field: CoveredField, value: string): boolean {
    if (field === 'status') return statusOf(this.mapping, value) !== null;
    if (field === 'priority') return priorityOf(this.mapping, value) !== null;
    return value in this.mapping.channelMap || (CHANNELS as readonly string[]).includes(value.toLowerCase());
  }

  /** Coverage of each field the mapping reads, and the warnings that follow from it. */
  report(): { coverage: FieldCoverage[]; warnings: ImportWarning[] } {
    const coverage: FieldCoverage[] = [];
    const warnings: ImportWarning[] = [];
    for (const field of COVERED_FIELDS) {
      if (!this.columns.some(([f]) => f === field)) continue;
      const counts = this.seen.get(field)!;
      let rows = this.overflow.get(field) ?? 0;
      let mapped = 0;
      const unmapped: { value: string; rows: number }[] = [];
      for (const [value, n] of counts) {
        rows += n;
        if (this.isMapped(field, value)) mapped += n;
        else unmapped.push({ value, rows: n });
      }
      unmapped.sort((a, b) => b.rows - a.rows || (a.value < b.value ? -1 : 1));
      coverage.push({
        field,
        rows,
        mapped,
        share: rows > 0 ? mapped / rows : null,
        unmapped: unmapped.slice(0, EXAMPLES),
      });
      if (rows > 0 && mapped === 0) warnings.push({ code: 'field_mapped_nothing', field, count: rows });
      else if (unmapped.length > 0)
        warnings.push({ code: 'values_not_mapped', field, value: unmapped[0]!.value, count: rows - mapped });
    }
    for (const [mapName, field] of [
      ['statusMap', 'status'],
      ['priorityMap', 'priority'],
      ['channelMap', 'channel'],
    ] as const) {
      const counts = this.seen.get(field)!;
      for (const value of Object.keys(this.mapping[mapName]))
        if (!counts.has(value)) warnings.push({ code: 'rule_matched_nothing', field: mapName, value });
    }
    return { coverage, warnings };
  }
}
