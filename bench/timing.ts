// Timing helpers the in-process benches share (not a bench: run.ts runs only *.bench.ts).

/** The middle value (the upper one of an even count). */
export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * Median wall and CPU milliseconds of `work` over `runs` runs, after `warmUps` runs to warm up the
 * JIT. CPU time is the fairer figure on a shared, busy machine.
 */
export function medianMs(runs: number, work: () => void, warmUps = 3): { wall: number; cpu: number } {
  for (let i = 0; i < warmUps; i++) work();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    work();
    wall.push(performance.now() - start);
    cpu.push(process.cpuUsage(cpuStart).user / 1000);
  }
  return { wall: median(wall), cpu: median(cpu) };
}
