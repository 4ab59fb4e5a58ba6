// The load side of api.bench.ts, in its own process; prints {requests, errors, p50, p95, p99, seconds}
// as JSON. Usage: node bench/api-load.mjs URL COOKIE CLIENTS SECONDS [RATE]
// Closed loop (no RATE): CLIENTS keep-alive connections each sending GET requests back to back, so
// the server is saturated and latency is about CLIENTS / throughput plus the tail.
// Open loop (RATE requests a second): requests are due at fixed times (start + i / RATE) whatever
// the answers, on up to CLIENTS keep-alive connections, and each latency is measured from the time
// the request was due, not from when it could be sent: a request that waits for a free connection,
// or for this process's own timer, counts its wait. That is the latency a client sees at that load
// (no "coordinated omission": a slow answer does not hold back the requests behind it).
import http from 'node:http';

const [target, cookie, clientsArg, secondsArg, rateArg] = process.argv.slice(2);
const clients = Number(clientsArg);
const seconds = Number(secondsArg);
const rate = rateArg ? Number(rateArg) : 0;
const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
const latencies = [];
let errors = 0;

/** One GET; `due` is the hrtime (ns) its latency counts from. */
function once(due) {
  return new Promise((resolve) => {
    const req = http.get(target, { agent, headers: { cookie } }, (res) => {
      res.resume();
      res.on('end', () => {
        if (res.statusCode !== 200) errors++;
        else latencies.push(Number(process.hrtime.bigint() - due) / 1e6);
        resolve();
      });
    });
    req.on('error', () => {
      errors++;
      resolve();
    });
  });
}

const started = performance.now();
const deadline = started + seconds * 1000;
if (rate > 0) {
  // Every millisecond (or as soon as the loop is free), send all requests due by now.
  const t0 = process.hrtime.bigint();
  const total = Math.round(rate * seconds);
  const interval = 1e9 / rate;
  const inFlight = [];
  let sent = 0;
  await new Promise((resolve) => {
    const tick = () => {
      const now = process.hrtime.bigint();
      while (sent < total) {
        const due = t0 + BigInt(Math.round(sent * interval));
        if (due > now) break;
        inFlight.push(once(due));
        sent++;
      }
      if (sent < total) setTimeout(tick, 1);
      else resolve();
    };
    tick();
  });
  await Promise.all(inFlight);
} else {
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < deadline) await once(process.hrtime.bigint());
    }),
  );
}
const elapsed = (performance.now() - started) / 1000;
latencies.sort((a, b) => a - b);
const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? Number.NaN;
agent.destroy();
console.log(
  JSON.stringify({
    requests: latencies.length,
    errors,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    max: latencies.at(-1) ?? Number.NaN,
    seconds: elapsed,
  }),
);
