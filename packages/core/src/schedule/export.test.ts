import { describe, expect, it } from 'vitest';
import { type ScheduledShiftRow, scheduleCsv, scheduleICalendar } from './export.js';

const rows: ScheduledShiftRow[] = [
  { provider: 'In-house', day: '2026-10-05', start: '08:00', end: '16:00', mealStart: '12:00', count: 2 },
  {
    provider: '=HYPERLINK("x"), night',
    day: '2026-10-05',
    start: '22:00',
    end: '02:00',
    mealStart: null,
    count: 1,
  },
];

describe('schedule exports', () => {
  it('CSV: one row per shift, a provider named like a formula is read as text', () => {
    const lines = scheduleCsv(rows).trimEnd().split('\r\n');
    expect(lines[0]).toBe('provider,day,start,end,meal_start,agents');
    expect(lines[1]).toBe('In-house,2026-10-05,08:00,16:00,12:00,2');
    expect(lines[2]!.startsWith(`"'=HYPERLINK(""x""), night"`)).toBe(true);
    expect(lines[2]!.endsWith(',2026-10-05,22:00,02:00,,1')).toBe(true);
  });

  it('CSV of staffed shifts: an agent column, blank for a shift nobody could take, names neutralised', () => {
    const staffed = [
      { ...rows[0]!, count: 1, agent: 'Ada, L.' },
      { ...rows[0]!, count: 1, agent: '@Bo' },
      { ...rows[1]!, agent: null },
    ];
    const lines = scheduleCsv(staffed).trimEnd().split('\r\n');
    expect(lines[0]).toBe('provider,day,start,end,meal_start,agents,agent');
    expect(lines[1]).toBe('In-house,2026-10-05,08:00,16:00,12:00,1,"Ada, L."');
    expect(lines[2]).toBe(`In-house,2026-10-05,08:00,16:00,12:00,1,"'@Bo"`);
    expect(lines[3]!.endsWith(',2026-10-05,22:00,02:00,,1,')).toBe(true);
  });

  it('iCalendar: one event per shift in local time, a night shift ends the next day, text escaped', () => {
    const ics = scheduleICalendar(rows, {
      calendarId: 'p1',
      name: 'October; week 1',
      stampUtc: '2026-10-01T09:30:00.000Z',
    });
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(unfolded).toContain('DTSTART:20261005T080000\r\nDTEND:20261005T160000');
    expect(unfolded).toContain('DTSTART:20261005T220000\r\nDTEND:20261006T020000');
    expect(unfolded).toContain('SUMMARY:=HYPERLINK("x")\\, night × 1');
    expect(unfolded).toContain('X-WR-CALNAME:October\\; week 1');
    expect(unfolded).toContain('DTSTAMP:20261001T093000Z');
    for (const line of ics.split('\r\n'))
      expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
  });

  it('iCalendar folds a long line without splitting a character', () => {
    const long = [{ ...rows[0]!, provider: 'Ünïcödé team '.repeat(12) }];
    const ics = scheduleICalendar(long, {
      calendarId: 'p2',
      name: 'n',
      stampUtc: '2026-10-01T09:30:00.000Z',
    });
    expect(ics.replace(/\r\n /g, '')).toContain(`SUMMARY:${'Ünïcödé team '.repeat(12)} × 2`);
    for (const line of ics.split('\r\n'))
      expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
  });
});
