// What `shoreline staff` does once its options are read (by commander, or by staff-args.ts on the
// fast entry): run the plan, print the totals to stderr, report bad input by line and column.

import type { StaffCommandOptions } from './staff-args.js';
import { formatRowError, StaffInputError } from './staff-csv.js';
import { runStaff } from './staff-run.js';

export async function staffAction(opts: StaffCommandOptions): Promise<void> {
  try {
    const { totals, peakRssBytes } = await runStaff(opts);
    // Not toLocaleString: loading Intl costs more than planning a year of intervals.
    const n = (value: number, digits = 1) =>
      String(Number(value.toFixed(digits))).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    const sl = totals.expectedServiceLevel;
    console.error(
      [
        `intervals ${n(totals.intervals, 0)} (${totals.spanHours >= 48 ? `${n(totals.spanHours / 24)} days` : `${n(totals.spanHours, 2)} h`}), volume ${n(totals.volume, 0)}`,
        `agent-hours: productive ${n(totals.rawAgentHours)}, scheduled ${n(totals.scheduledAgentHours)}`,
        `FTE ${n(totals.fte, 2)} (paid hours per FTE ${n(totals.paidHoursPerFte)}${opts.paidHoursPerFte ? '' : ` = ${opts.hoursPerWeek} h/week over the span`})`,
        `peak positions ${totals.peakScheduledAgents} (productive ${totals.peakRawAgents}); expected service level ${sl === null ? 'n/a' : `${(sl * 100).toFixed(2)} %`}`,
      ].join('\n'),
    );
    if (process.env.SHORELINE_REPORT_PEAK_RSS) console.error(`peak_rss_bytes ${peakRssBytes}`);
  } catch (err) {
    if (err instanceof StaffInputError) {
      console.error(
        `shoreline staff: bad input in ${opts.input}; ${opts.output && opts.output !== '-' ? 'nothing written' : 'output is incomplete'}`,
      );
      for (const e of err.errors) console.error(`  ${formatRowError(e)}`);
      if (err.truncated) console.error(`  (stopped after ${err.errors.length} problems)`);
      process.exitCode = 2;
      return;
    }
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EPIPE') return;
    if (code === 'ENOENT')
      throw new Error(`no such file or directory: ${(err as NodeJS.ErrnoException).path}`);
    throw err;
  }
}
