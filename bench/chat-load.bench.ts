// Chat load (issue 10, must-show 4): SOCKETS concurrent widget sockets against one server (a child
// process), each a started chat; for BENCH_SECONDS every socket sends a message every INTERVAL_MS
// (jittered) and an agent answers every AGENT_EVERY-th through the tickets API. Checked: every
// customer message acknowledged and echoed once, every agent reply delivered once, each socket's
// messages in sequence order with no gap, no error frame, no socket lost. Reported: p50/p99 latency
// (customer: send → its echo after commit; agent: API call → the widget has it), the server's CPU
// time per message, load average.
// npm run bench -- chat-load   (BENCH_SECONDS=300 SOCKETS=500 by default; DATABASE_URL for PostgreSQL)
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';

const SOCKETS = Number(process.env.SOCKETS ?? 500);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 300);
const INTERVAL_MS = Number(process.env.INTERVAL_MS ?? 20_000);
const AGENT_EVERY = Number(process.env.AGENT_EVERY ?? 2);
const here = dirname(fileURLToPath(import.meta.url));

type Frame = { t: string; [k: string]: unknown };
interface Chat {
  ws: WebSocket;
  ticketId: string | null;
  lastSeq: number;
  sent: Map<string, number>;
  agentSent: Map<string, number>;
  echoed: number;
  acked: number;
  agentReceived: number;
  counter: number;
}

const latencies = { customer: [] as number[], agent: [] as number[] };
const problems: string[] = [];
const problem = (p: string) => {
  if (problems.length < 20) problems.push(p);
  else if (problems.length === 20) problems.push('…');
};

function cpuSeconds(pid: number): number {
  // /proc/<pid>/stat fields 14 and 15: user and system time in clock ticks (100 a second on Linux).
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function startServer(): Promise<{
  child: ChildProcess;
  port: number;
  key: string;
  token: string;
  database: string;
}> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--conditions=source', join(here, 'chat-load-server.ts')],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
      env: { ...process.env, TZ: 'UTC' },
    },
  );
  const line = await new Promise<string>((resolve, reject) => {
    const rl = createInterface({ input: child.stdout! });
    rl.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
  return { child, ...JSON.parse(line) };
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const server = await startServer();
const base = `http://127.0.0.1:${server.port}`;
console.log(
  `server pid ${server.child.pid} on ${server.database}; ${SOCKETS} sockets, ${SECONDS} s, a message every ${INTERVAL_MS} ms per socket, an agent reply every ${AGENT_EVERY}`,
);
const load0 = loadavg();

function onFrame(chat: Chat, f: Frame): void {
  const now = performance.now();
  if (f.t === 'error') problem(`error frame: ${JSON.stringify(f)}`);
  else if (f.t === 'ack') chat.acked++;
  else if (f.t === 'msg') {
    const m = f.m as { seq: number; author: string; text: string; id: string | null };
    if (m.seq !== chat.lastSeq + 1) problem(`chat ${chat.ticketId}: seq ${m.seq} after ${chat.lastSeq}`);
    chat.lastSeq = Math.max(chat.lastSeq, m.seq);
    if (m.author === 'customer' && m.id) {
      const at = chat.sent.get(m.id);
      if (at !== undefined) {
        latencies.customer.push(now - at);
        chat.sent.delete(m.id);
        chat.echoed++;
      } else if (!m.id.endsWith('-start'))
        problem(`chat ${chat.ticketId}: echo of unknown or repeated ${m.id}`);
    } else if (m.author === 'agent') {
      const at = chat.agentSent.get(m.text);
      if (at !== undefined) {
        latencies.agent.push(now - at);
        chat.agentSent.delete(m.text);
        chat.agentReceived++;
      } else problem(`chat ${chat.ticketId}: agent message delivered twice or unknown`);
    }
  }
}

async function openChat(i: number): Promise<Chat> {
  const ws = new WebSocket(`${base.replace('http', 'ws')}/api/chat/socket?key=${server.key}`);
  const chat: Chat = {
    ws,
    ticketId: null,
    lastSeq: 0,
    sent: new Map(),
    agentSent: new Map(),
    echoed: 0,
    acked: 0,
    agentReceived: 0,
    counter: 0,
  };
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  ws.on('close', (code) => {
    if (!stopping) problem(`socket ${i} closed (${code})`);
  });
  ws.on('error', (err) => problem(`socket ${i}: ${err.message}`));
  const started = new Promise<void>((resolve) => {
    ws.on('message', (data) => {
      const f = JSON.parse(data.toString()) as Frame;
      if (f.t === 'started') resolve();
      onFrame(chat, f);
    });
  });
  ws.send(
    JSON.stringify({
      t: 'start',
      id: `${i}-start`,
      text: `Merhaba, ${i} numaralı siparişim hakkında bir sorum var, yardımcı olabilir misiniz?`,
      lang: 'tr',
    }),
  );
  await started;
  return chat;
}

let stopping = false;
const chats: Chat[] = [];
const t0 = performance.now();
for (let i = 0; i < SOCKETS; i += 25) {
  chats.push(
    ...(await Promise.all(Array.from({ length: Math.min(25, SOCKETS - i) }, (_, j) => openChat(i + j)))),
  );
}
console.log(`${chats.length} chats started in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

// Each chat's ticket, as the agent's inbox lists it (the subject carries the chat's number).
const headers = { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' };
const ticketOf = new Map<number, string>();
for (let cursor: string | null = null; ; ) {
  const res = await fetch(
    `${base}/api/desk/tickets?view=all&limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    { headers },
  );
  const page = (await res.json()) as { items: { id: string; subject: string }[]; next: string | null };
  for (const t of page.items) {
    const n = /^Merhaba, (\d+) numaralı/.exec(t.subject);
    if (n) ticketOf.set(Number(n[1]), t.id);
  }
  if (!page.next) break;
  cursor = page.next;
}
if (ticketOf.size !== SOCKETS) problem(`the inbox lists ${ticketOf.size} chats of ${SOCKETS}`);

const cpu0 = cpuSeconds(server.child.pid!);
const runStart = performance.now();
let customerSent = 0;
let agentPosted = 0;
let agentFailures = 0;
const timers: NodeJS.Timeout[] = [];
chats.forEach((chat, i) => {
  const tick = () => {
    if (stopping) return;
    const id = `${i}-${++chat.counter}`;
    chat.sent.set(id, performance.now());
    customerSent++;
    chat.ws.send(JSON.stringify({ t: 'msg', id, text: `Mesaj ${chat.counter}: kargo durumu nedir?` }));
    if (chat.counter % AGENT_EVERY === 0) void agentReply(chat, i);
    timers.push(setTimeout(tick, INTERVAL_MS * (0.5 + Math.random())));
  };
  timers.push(setTimeout(tick, Math.random() * INTERVAL_MS));
});

async function agentReply(chat: Chat, i: number): Promise<void> {
  const id = ticketOf.get(i);
  if (!id) {
    agentFailures++;
    return;
  }
  const text = `Yanıt ${i}-${chat.counter}: kargonuz yolda.`;
  chat.agentSent.set(text, performance.now());
  agentPosted++;
  const res = await fetch(`${base}/api/tickets/${id}/messages`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ body: text }),
  });
  if (res.status !== 201) {
    agentFailures++;
    problem(`agent reply ${res.status}: ${await res.text()}`);
  }
}

await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000));
stopping = true;
for (const t of timers) clearTimeout(t);
// Let what is in flight arrive (a saturated server is late, not lossy: late is reported apart).
const drainUntil = performance.now() + Number(process.env.DRAIN_SECONDS ?? 180) * 1000;
while (performance.now() < drainUntil && chats.some((c) => c.sent.size > 0 || c.agentSent.size > 0))
  await new Promise((resolve) => setTimeout(resolve, 200));
const elapsed = (performance.now() - runStart) / 1000;
const cpu = cpuSeconds(server.child.pid!) - cpu0;
const load1 = loadavg();

const lostCustomer = chats.reduce((n, c) => n + c.sent.size, 0);
const lostAgent = chats.reduce((n, c) => n + c.agentSent.size, 0);
const echoed = chats.reduce((n, c) => n + c.echoed, 0);
const agentReceived = chats.reduce((n, c) => n + c.agentReceived, 0);
const messages = echoed + agentReceived;
console.log(
  [
    `customer messages: ${customerSent} sent, ${echoed} echoed once in order, ${lostCustomer} missing`,
    `agent replies: ${agentPosted} posted, ${agentReceived} delivered once in order, ${lostAgent} missing, ${agentFailures} failed`,
    `latency customer send → echo: p50 ${percentile(latencies.customer, 50).toFixed(1)} ms, p99 ${percentile(latencies.customer, 99).toFixed(1)} ms, max ${percentile(latencies.customer, 100).toFixed(1)} ms`,
    `latency agent API → widget: p50 ${percentile(latencies.agent, 50).toFixed(1)} ms, p99 ${percentile(latencies.agent, 99).toFixed(1)} ms, max ${percentile(latencies.agent, 100).toFixed(1)} ms`,
    `throughput ${(messages / elapsed).toFixed(1)} messages/s over ${elapsed.toFixed(0)} s; server CPU ${cpu.toFixed(1)} s = ${((cpu / Math.max(1, messages)) * 1000).toFixed(2)} ms per message`,
    `load average before ${load0.map((l) => l.toFixed(2)).join(' ')}, after ${load1.map((l) => l.toFixed(2)).join(' ')}`,
    `problems: ${problems.length === 0 ? 'none' : `\n  ${problems.join('\n  ')}`}`,
  ].join('\n'),
);
for (const c of chats) c.ws.close();
server.child.stdin!.end();
await new Promise((resolve) => server.child.once('exit', resolve));
process.exit(problems.length === 0 && lostCustomer === 0 && lostAgent === 0 && agentFailures === 0 ? 0 : 1);
