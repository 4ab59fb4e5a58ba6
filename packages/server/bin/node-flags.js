// V8 flags for the processes that import files and serve (BENCHMARKS.md, "Import of real exports";
// decision 0031). A young generation of 32 MB semi-spaces instead of V8's 16 MB default: an import
// allocates a short-lived record, event and ticket per row, and with the default the scavenger ran
// often enough to promote live batches, 19–25 % of an event log's CPU. About 50 MB more at peak.
// Read by bin/shoreline.js (`shoreline import` and `shoreline serve`), scripts/start.mjs and bench/run.ts.
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=32'];

/** Whether this process already runs with them (given on the command line or in NODE_OPTIONS). */
export function hasServerNodeFlags() {
  const given = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)];
  return SERVER_NODE_FLAGS.every((flag) => given.some((g) => g.split('=')[0] === flag.split('=')[0]));
}
