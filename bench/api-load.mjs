// The load side of api.bench.ts, in its own process: CLIENTS keep-alive connections each sending
// GET requests back to back for SECONDS; prints {requests, errors, p50, p95, p99, seconds} as JSON.
// Usage: node bench/api-load.mjs URL COOKIE CLIENTS SECONDS
import http from 'node:http';

const [target, cookie, clientsArg, secondsArg] = process.argv.slice(2);
const clients = Number(clientsArg);
const seconds = Number(secondsArg);
const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
const latencies = [];
let errors = 0;

function once() {
  return new Promise((resolve) => {
    const start = process.hrtime.bigint();
    const req = http.get(target, { agent, headers: { cookie } }, (res) => {
      res.resume();
      res.on('end', () => {
        if (res.statusCode !== 200) errors++;
        else latencies.push(Number(process.hrtime.bigint() - start) / 1e6);
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
await Promise.all(
  Array.from({ length: clients }, async () => {
    while (performance.now() < deadline) await once();
  }),
);
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
    seconds: elapsed,
  }),
);
