// Building and downloading CSV files in the browser (RFC 4180 quoting, UTF-8 with a BOM for
// spreadsheets). Text cells are neutralised against CSV injection (OWASP): see core csv-cells.ts.
import { spreadsheetCsvCell } from '@shoreline/core/insight/csv-cells';

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return spreadsheetCsvCell(Array.isArray(value) ? value.join('|') : String(value));
}

/** A header line and one line per row, CRLF-free (\n), quoted where needed. */
export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return `${[header, ...rows].map((r) => r.map(cell).join(',')).join('\n')}\n`;
}

/** Offers `text` as a file download named `fileName`. */
export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const blob = new Blob([type.startsWith('text/csv') ? `\uFEFF${text}` : text], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}
