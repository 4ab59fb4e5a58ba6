// The agent inbox's reads on 1,000,000 tickets: p50/p95/p99 of a view page (keyset, with the
// views' capped counts) and of a search, through the whole API pipeline (session, validation,
// ScopedDb, query, JSON) in-process with `app.request`: no network, one request at a time. Goals
// (issue 9): p99 ≤ 50 ms for a view, ≤ 200 ms for a search. PostgreSQL only (DATABASE_URL): the
// tickets are generated with generate_series into a database made for the run and dropped after.
// Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench -- inbox
import { cpus, loadavg, totalmem } from 'node:os';
import pg from 'pg';
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from '../packages/server/src/demo/seed.js';
import { seedDemoDesk } from '../packages/server/src/demo/seed-desk.js';
import { createShoreline } from '../packages/server/src/main.js';
import { loadConfig } from '../packages/server/src/platform/config.js';
import { openDatabase } from '../packages/server/src/platform/db/connect.js';
import { backendTicks, ticksSince } from './backend-ticks.js';

const url = process.env.DATABASE_URL;
const N = Number(process.env.BENCH_TICKETS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const BATCH = 100_000;

// Subjects in the five UI languages (the same six requests), so every text-search configuration is exercised.
const SUBJECTS: Record<string, string[]> = {
  en: [
    'Refund not received',
    'Parcel arrived damaged',
    'Cannot log in',
    'Invoice shows the wrong amount',
    'Where is my order',
    'Change the delivery address',
  ],
  tr: [
    'İade yapılmadı',
    'Kargo hasarlı geldi',
    'Giriş yapamıyorum',
    'Faturada yanlış tutar',
    'Siparişim nerede',
    'Teslimat adresini değiştirmek istiyorum',
  ],
  hu: [
    'Nem kaptam visszatérítést',
    'Sérült csomag érkezett',
    'Nem tudok belépni',
    'Hibás összeg a számlán',
    'Hol van a rendelésem',
    'Szállítási cím módosítása',
  ],
  he: [
    'לא קיבלתי החזר',
    'החבילה הגיעה פגומה',
    'לא מצליח להתחבר',
    'סכום שגוי בחשבונית',
    'איפה ההזמנה שלי',
    'שינוי כתובת משלוח',
  ],
  lv: [
    'Nesaņēmu atmaksu',
    'Paka pienāca bojāta',
    'Nevaru pieteikties',
    'Rēķinā nepareiza summa',
    'Kur ir mans pasūtījums',
    'Mainīt piegādes adresi',
  ],
};
const LANGUAGES = Object.keys(SUBJECTS);

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function main() {
  if (!url) {
    console.log(
      'inbox bench: DATABASE_URL not set: skipping (it measures PostgreSQL with 1,000,000 tickets)',
    );
    return;
  }
  console.log(
    `Machine: ${cpus()[0]?.model ?? 'unknown'} × ${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; Node ${process.version}; load average ${loadavg()[0]!.toFixed(1)}; ${N.toLocaleString('en')} tickets; ${RUNS} requests per case`,
  );
  // BENCH_REUSE=<database> measures a database an earlier run kept (BENCH_KEEP=1), without loading.
  const reuse = process.env.BENCH_REUSE;
  // BENCH_DATABASE names the database a run creates (default: one per process).
  const name = reuse ?? process.env.BENCH_DATABASE ?? `shoreline_inboxbench_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  if (!reuse) await admin.query(`create database ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = await openDatabase({ url: target.toString() });
  const shoreline = await createShoreline(
    loadConfig({ SHORELINE_DATA_DIR: 'memory://', PUBLIC_URL: 'http://localhost:3000' }),
    {
      database,
      webDir: '/nonexistent',
    },
  );
  try {
    // As a served process does (main.ts `listen`): the listening connection up, so sign-ins and the
    // directory are served from memory (decisions 0012, 0020). Without it every request read its
    // session and the directory from PostgreSQL, which no server does. Listeners do not run.
    await shoreline.ctx.events.start({ background: false });
    const demo = await seedDemo(shoreline.ctx);
    if (!reuse) await seedDemoDesk(shoreline.ctx, demo.organizationId);
    const pool = database.pool!;
    const org = demo.organizationId;
    const { rows: teams } = await pool.query<{ id: string; provider_id: string; name: string }>(
      'select id, provider_id, name from teams where organization_id = $1 order by name',
      [org],
    );
    const team = (n: string) => teams.find((t) => t.name === n)!;
    const { rows: users } = await pool.query<{ id: string; email: string }>(
      'select id, email from users where organization_id = $1',
      [org],
    );
    const noa = users.find((u) => u.email === DEMO_USERS.agent)!.id;
    const jose = users.find((u) => u.email === DEMO_USERS.vendorAgent)!.id;
    // Where ticket i goes (i % 4): the two in-house teams, the Riga and the Manila vendor teams.
    const placements = [
      team('Istanbul Care'),
      team('Budapest Billing'),
      team('Riga Multilingual'),
      team('Manila Follow-the-sun'),
    ];
    const subjectArray = (language: string) => `array[${SUBJECTS[language]!.map((s) => `'${s}'`).join(',')}]`;
    const started = performance.now();
    for (let from = 1; !reuse && from <= N; from += BATCH) {
      const to = Math.min(N, from + BATCH - 1);
      // Status by i % 100: 5 % new, 3 % open, 4 % pending, 1 % on hold, the rest solved or closed
      // (a year of history with a live backlog); a third of open tickets unassigned.
      await pool.query(
        `insert into tickets (id, organization_id, provider_id, team_id, source, external_id, number, subject, description,
           channel, status, status_raw, priority, language, tags, requester, assignee, quality_flags, custom, created_at, imported_at)
         select 'tkt_bench_' || i, $1,
           (array[${placements.map((p) => `'${p.provider_id}'`).join(',')}])[1 + i % 4],
           (array[${placements.map((p) => `'${p.id}'`).join(',')}])[1 + i % 4],
           'bench', 'b' || i, 'NW-' || (100000 + i),
           case (i / 4) % 5 ${LANGUAGES.map((l, k) => `when ${k} then (${subjectArray(l)})[1 + (i / 20) % 6]`).join(' ')} end,
           'Order ' || (500000 + i) || ' placed on the web shop; customer writes again about it.',
           'email',
           case when i % 100 < 5 then 'new' when i % 100 < 8 then 'open' when i % 100 < 12 then 'pending'
                when i % 100 < 13 then 'on_hold' when i % 100 < 60 then 'solved' else 'closed' end,
           'x', (array['low','normal','high','urgent'])[1 + i % 4],
           (array[${LANGUAGES.map((l) => `'${l}'`).join(',')}])[1 + (i / 4) % 5],
           '{}',
           'Customer ' || i || ' <customer' || i || '@example.com>',
           case when i % 3 = 0 then null when i % 4 = 3 then $3 when i % 4 < 2 and i % 7 = 0 then $2 else 'usr_other_' || (i % 40) end,
           '{}', '{}', now() - (i * interval '30 seconds'), now()
         from generate_series($4::int, $5::int) as i`,
        [org, noa, jose, from, to],
      );
      // A customer message on every third ticket (indexed by the trigger in the ticket's language).
      await pool.query(
        `insert into ticket_messages (id, organization_id, provider_id, ticket_id, external_id, author_type, public, body, created_at)
         select 'msg_bench_' || i, organization_id, provider_id, id, 'm1', 'customer', true,
           'Hello, still waiting about ' || subject || ' — reference ' || (900000 + i), created_at
         from generate_series($1::int, $2::int) as i join tickets on id = 'tkt_bench_' || i where i % 3 = 0`,
        [from, to],
      );
      process.stderr.write(`\r${to.toLocaleString('en')} tickets`);
    }
    // The SLA engine's rows for the running backlog (new and open: 8 %; on hold pauses the clock), as the
    // engine leaves them under a first-response/resolution policy: "breaching soon" pages them by
    // next_due_at and every view page computes its tickets' countdowns from them. Also on a reused
    // database that predates them.
    await pool.query(
      `insert into ticket_sla (ticket_id, organization_id, provider_id, team_id, priority, channel, segment,
         ticket_created_at, policy_id, policy_version, applied, timeline, paused_seconds, next_due_at, updated_at)
       select id, organization_id, provider_id, team_id, priority, channel, null, created_at, 'slp_bench', 1,
         '{"targets":{"first_response":14400,"resolution":86400},"pauseStatuses":["pending","on_hold"],"atRisk":{"percent":75}}',
         '[]', 0, created_at + (ascii(right(id, 1)) % 24) * interval '1 hour', now()
       from tickets
       where organization_id = $1 and status in ('new', 'open') and source = 'bench'
       on conflict (ticket_id) do nothing`,
      [org],
    );
    await pool.query('analyze tickets; analyze ticket_messages; analyze ticket_sla');
    console.log(
      `\nloaded ${N.toLocaleString('en')} tickets in ${((performance.now() - started) / 1000).toFixed(0)} s`,
    );

    const login = async (email: string) => {
      const res = await shoreline.app.request('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: DEMO_PASSWORD }),
      });
      return res.headers.get('set-cookie')!.split(';')[0]!;
    };
    const cookies = {
      agent: await login(DEMO_USERS.agent),
      vendor: await login(DEMO_USERS.vendorAgent),
      supervisor: await login(DEMO_USERS.supervisor),
    };
    const get = async (who: keyof typeof cookies, path: string) => {
      const t0 = performance.now();
      const res = await shoreline.app.request(path, { headers: { cookie: cookies[who] } });
      const body = await res.text();
      const ms = performance.now() - t0;
      if (res.status !== 200) throw new Error(`${path}: ${res.status} ${body}`);
      return { ms, body: JSON.parse(body) as { items?: unknown[]; next?: string | null } };
    };
    // A cursor 20 pages deep, to show a late page costs what the first does.
    let deep: string | null | undefined = null;
    for (let p = 0; p < 20; p++)
      deep = (await get('agent', `/api/desk/tickets?view=unassigned${deep ? `&cursor=${deep}` : ''}`)).body
        .next;
    const cases: [string, 'view' | 'search', keyof typeof cookies, string][] = [
      ['views with counts (in-house agent)', 'view', 'agent', '/api/desk/views'],
      ['unassigned, page 1 (in-house agent)', 'view', 'agent', '/api/desk/tickets?view=unassigned'],
      ['unassigned, page 21 (keyset)', 'view', 'agent', `/api/desk/tickets?view=unassigned&cursor=${deep}`],
      ['mine (in-house agent)', 'view', 'agent', '/api/desk/tickets?view=mine'],
      ['team (in-house agent)', 'view', 'agent', '/api/desk/tickets?view=team'],
      ['breaching soon (in-house agent)', 'view', 'agent', '/api/desk/tickets?view=breaching'],
      ['breaching soon (vendor agent)', 'view', 'vendor', '/api/desk/tickets?view=breaching'],
      ['all open (supervisor)', 'view', 'supervisor', '/api/desk/tickets?view=all'],
      ['unassigned (vendor agent)', 'view', 'vendor', '/api/desk/tickets?view=unassigned'],
      ['pending (vendor agent)', 'view', 'vendor', '/api/desk/tickets?view=pending'],
      ['views with counts (vendor agent)', 'view', 'vendor', '/api/desk/views'],
      ['search: common English word "refund"', 'search', 'supervisor', '/api/desk/search?q=refund'],
      ['search: Turkish stem "fatura"', 'search', 'supervisor', '/api/desk/search?q=fatura'],
      [
        'search: Hebrew word "החבילה"',
        'search',
        'supervisor',
        `/api/desk/search?q=${encodeURIComponent('החבילה')}`,
      ],
      ['search: rare number in a message "912345"', 'search', 'supervisor', '/api/desk/search?q=912345'],
      [
        'search: part of an address "customer43210@"',
        'search',
        'supervisor',
        '/api/desk/search?q=customer43210%40',
      ],
      ['search: ticket number "NW-612345"', 'search', 'supervisor', '/api/desk/search?q=NW-612345'],
      ['search: "refund" (vendor agent)', 'search', 'vendor', '/api/desk/search?q=refund'],
    ];
    console.log(
      '\n| case | kind | items | p50 ms | p95 ms | p99 ms | Node CPU ms/request | PostgreSQL CPU ms/request |\n| --- | --- | --- | --- | --- | --- | --- | --- |',
    );
    const only = process.env.BENCH_ONLY; // 'view' or 'search'
    for (const [label, kind, who, path] of cases) {
      if (only && kind !== only) continue;
      for (let i = 0; i < 5; i++) await get(who, path); // warm the caches a browser's first visit warms
      const times: number[] = [];
      let items = 0;
      const backendsBefore = await backendTicks(pool);
      const cpuBefore = process.cpuUsage();
      for (let i = 0; i < RUNS; i++) {
        const r = await get(who, path);
        times.push(r.ms);
        items = r.body.items?.length ?? (r.body as { views?: unknown[] }).views?.length ?? 0;
      }
      const cpu = process.cpuUsage(cpuBefore);
      const backendMs = ticksSince(backendsBefore, await backendTicks(pool)) * 10;
      times.sort((a, b) => a - b);
      console.log(
        `| ${label} | ${kind} | ${items} | ${percentile(times, 50).toFixed(1)} | ${percentile(times, 95).toFixed(1)} | ${percentile(times, 99).toFixed(1)} | ${((cpu.user + cpu.system) / 1000 / RUNS).toFixed(2)} | ${(backendMs / RUNS).toFixed(2)} |`,
      );
    }
  } finally {
    await shoreline.close();
    // BENCH_KEEP=1 keeps the database for EXPLAIN.
    if (process.env.BENCH_KEEP || reuse) console.log(`kept database ${name}`);
    else await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

await main();
