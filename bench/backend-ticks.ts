// CPU ticks of the PostgreSQL backends serving a bench's database, read from /proc (same machine,
// Linux): the database's share of the work, which the machine's other load does not inflate as it
// does wall time. Not a bench: run.ts runs only *.bench.ts.
import { readFileSync } from 'node:fs';
import type pg from 'pg';

/**
 * CPU ticks (1/100 s: utime + stime, fields 14 and 15 of /proc/PID/stat) of this database's
 * backends by process id. A backend gone, or not on this machine, is left out.
 */
export async function backendTicks(pool: pg.Pool): Promise<Map<number, number>> {
  const ticks = new Map<number, number>();
  const { rows } = await pool.query<{ pid: number }>(
    'select pid from pg_stat_activity where datname = current_database()',
  );
  for (const { pid } of rows) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks.set(pid, Number(fields[11]) + Number(fields[12]));
    } catch {
      // gone, or not on this machine
    }
  }
  return ticks;
}

/**
 * The ticks the backends alive at `after` spent since `before`. A backend that closed between the
 * two readings takes its ticks with it: the figure is then a floor.
 */
export function ticksSince(before: Map<number, number>, after: Map<number, number>): number {
  let ticks = 0;
  for (const [pid, t] of after) ticks += t - (before.get(pid) ?? 0);
  return ticks;
}
