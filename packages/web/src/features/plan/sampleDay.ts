// A sample day to try the planner without a file: 96 quarter-hours of a voice queue with a
// morning and an afternoon peak, in the interval-file format.

const HEADER =
  'interval_start,volume,aht_sec,interval_min,target_answer_sec,sl_target,shrinkage,max_occupancy';

/** Expected calls per quarter-hour at hour h (0–24): two bumps on a quiet night. */
function callsAt(hour: number): number {
  const bump = (centre: number, width: number, height: number) =>
    height * Math.exp(-((hour - centre) ** 2) / (2 * width * width));
  return 2 + bump(10.5, 1.8, 95) + bump(15, 2.2, 75);
}

/** CSV text for one day (`date` as YYYY-MM-DD), deterministic. */
export function sampleDayCsv(date = '2025-03-04'): string {
  const lines = [HEADER];
  for (let q = 0; q < 96; q++) {
    const hour = q / 4;
    const hh = String(Math.floor(hour)).padStart(2, '0');
    const mm = String((q % 4) * 15).padStart(2, '0');
    const volume = Math.round(callsAt(hour + 0.125));
    // Handle times run a little longer in the evening.
    const aht = (280 + 40 * Math.sin(((hour - 6) / 24) * 2 * Math.PI)).toFixed(1);
    lines.push(`${date}T${hh}:${mm},${volume},${aht},15,20,0.8,0.3,0.85`);
  }
  return `${lines.join('\n')}\n`;
}
