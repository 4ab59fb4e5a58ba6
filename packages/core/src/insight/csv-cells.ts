/**
 * CSV cells that spreadsheets would run as formulas ("CSV injection"). OWASP, CSV Injection
 * (https://owasp.org/www-community/attacks/CSV_Injection): a cell must not begin with `=`, `+`, `-`,
 * `@`, tab (0x09) or carriage return (0x0D); prefix such a cell with a single quote, and quote it.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** True when a spreadsheet could read `text` as a formula. */
export function startsLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/** RFC 4180 quoting: doubles inner quotes and wraps the cell when it needs it (or `always`). */
export function quoteCsvCell(text: string, always = false): string {
  return always || /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * A text cell for CSV meant for spreadsheets: formula-like text gets the OWASP single-quote
 * prefix and quotes. Lossy by design (the quote stays in the value): for reports, not data.
 */
export function spreadsheetCsvCell(text: string): string {
  return startsLikeFormula(text) ? quoteCsvCell(`'${text}`, true) : quoteCsvCell(text);
}

/**
 * A text cell of Shoreline's canonical CSV: as spreadsheetCsvCell, and a text that itself begins
 * with a single quote gets one more, so `unescapeCanonicalCell` restores every text exactly.
 * Numbers are written as numbers and never pass through here.
 */
export function canonicalCsvCell(text: string): string {
  return startsLikeFormula(text) || text.startsWith("'")
    ? quoteCsvCell(`'${text}`, true)
    : quoteCsvCell(text);
}

/** Inverse of canonicalCsvCell on a parsed (unquoted) cell: drops one leading single quote. */
export function unescapeCanonicalCell(cell: string): string {
  return cell.startsWith("'") ? cell.slice(1) : cell;
}
