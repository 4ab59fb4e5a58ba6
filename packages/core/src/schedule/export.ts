import { spreadsheetCsvCell } from '../insight/csv-cells.js';
import { addCalendarDays } from '../time/calendar-day.js';

/** One row of a saved schedule: `count` agents working `start`–`end` (local) on `day`. */
export interface ScheduledShiftRow {
  readonly provider: string;
  /** YYYY-MM-DD, local. */
  readonly day: string;
  /** HH:MM, local; an end at or before the start is on the next day. */
  readonly start: string;
  readonly end: string;
  readonly mealStart: string | null;
  readonly count: number;
  /** The named agent working it (null: no agent could take it); absent in a schedule without agents. */
  readonly agent?: string | null | undefined;
}

/**
 * The schedule as RFC 4180 CSV, one row per shift: `provider,day,start,end,meal_start,agents`, and an
 * `agent` column (blank: nobody) when the rows are staffed by named agents. Names are the only user
 * text: they go through {@link spreadsheetCsvCell}, so a name that starts like a formula (=, +, −, @,
 * tab, CR) is read by a spreadsheet as text (OWASP CSV injection).
 *
 * @example scheduleCsv([{ provider: 'Team', day: '2026-10-05', start: '08:00', end: '16:00', mealStart: '12:00', count: 2 }])
 */
export function scheduleCsv(rows: readonly ScheduledShiftRow[]): string {
  const staffed = rows.some((r) => r.agent !== undefined);
  const lines = [`provider,day,start,end,meal_start,agents${staffed ? ',agent' : ''}`];
  for (const r of rows)
    lines.push(
      [
        spreadsheetCsvCell(r.provider),
        r.day,
        r.start,
        r.end,
        r.mealStart ?? '',
        String(r.count),
        ...(staffed ? [r.agent ? spreadsheetCsvCell(r.agent) : ''] : []),
      ].join(','),
    );
  return `${lines.join('\r\n')}\r\n`;
}

/** TEXT escaping of RFC 5545 §3.3.11: backslash, semicolon, comma and line breaks. */
function icsText(text: string): string {
  return text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, '\\n');
}

/** Lines longer than 75 octets folded by CRLF and one space (RFC 5545 §3.1), never inside a character. */
function fold(line: string): string {
  const octets = (ch: string) => {
    const c = ch.codePointAt(0)!;
    return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  };
  const parts: string[] = [];
  let current = '';
  let size = 0;
  for (const ch of line) {
    // The first line holds 75 octets; each continuation 74 after its leading space.
    if (size + octets(ch) > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = '';
      size = 0;
    }
    current += ch;
    size += octets(ch);
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const stamp = (day: string, time: string) => `${day.replaceAll('-', '')}T${time.replace(':', '')}00`;

/**
 * The schedule as an iCalendar file (RFC 5545): one VEVENT per shift, in floating local time (the
 * plan's own clock, as the forecast's intervals are), a shift ending at or before its start ending
 * the next day; the summary names the provider and the number of agents, the description the meal.
 * `calendarId` makes each UID unique and stable (the plan's id); `stampUtc` is DTSTAMP (the plan's
 * last change, ISO 8601 UTC), so the same plan always gives the same file.
 *
 * @example scheduleICalendar(rows, { calendarId: 'plan-1', name: 'October', stampUtc: '2026-10-01T09:00:00.000Z' })
 */
export function scheduleICalendar(
  rows: readonly ScheduledShiftRow[],
  o: { calendarId: string; name: string; stampUtc: string },
): string {
  const dtstamp = `${o.stampUtc.slice(0, 19).replace(/[-:]/g, '')}Z`;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Shoreline//Plan schedule//EN',
    'CALSCALE:GREGORIAN',
    `X-WR-CALNAME:${icsText(o.name)}`,
  ];
  rows.forEach((r, i) => {
    const endDay = r.end <= r.start ? addCalendarDays(r.day, 1) : r.day;
    lines.push(
      'BEGIN:VEVENT',
      `UID:${icsText(`${o.calendarId}-${i}`)}@shoreline`,
      `DTSTAMP:${dtstamp}`,
      `DTSTART:${stamp(r.day, r.start)}`,
      `DTEND:${stamp(endDay, r.end)}`,
      `SUMMARY:${icsText(`${r.provider} × ${r.count}`)}`,
      ...(r.mealStart ? [`DESCRIPTION:${icsText(`meal ${r.mealStart}`)}`] : []),
      'END:VEVENT',
    );
  });
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
