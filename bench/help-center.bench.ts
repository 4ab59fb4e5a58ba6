// The public help center's article page: server response time (p50/p95/p99, in-process through
// the whole app: routing, help-center lookup, the article page (read and rendered on a first view,
// remembered after), the visitor's session and view record) and its JavaScript weight (goal, issue 13: p95 ≤ 20 ms, ≤ 50 kB of JS).
// 200 articles × 6 languages (the judged set, 25 copies). PGlite by default; DATABASE_URL for PostgreSQL.
// Run: npm run bench -- help-center
import { cpus, loadavg } from 'node:os';
import { updateSettings } from '../packages/server/src/modules/knowledge/service.js';
import { startTestApp } from '../packages/server/src/test-support/test-app.js';
import { ARTICLES, LANGUAGES } from './data/knowledge-judged-set.js';
import { seedJudgedSet } from './data/knowledge-seed.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 600);
const COPIES = 25;
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

const t = await startTestApp({ demo: true });
try {
  const scoped = await seedJudgedSet(t, COPIES);
  await updateSettings(scoped, t.shoreline.ctx.clock, { slug: 'bench' });
  const paths: string[] = [];
  for (let i = 0; i < RUNS; i++) {
    const a = ARTICLES[i % ARTICLES.length]!;
    const copy = Math.floor(i / ARTICLES.length) % COPIES;
    const language = LANGUAGES[i % LANGUAGES.length]!;
    paths.push(`/help/bench/${language}/articles/${copy === 0 ? a.slug : `${a.slug}-${copy}`}`);
  }
  // Half the visitors come back with their session cookie, half are new (a session row each).
  let cookie: string | undefined;
  const fetchPage = async (path: string, i: number) => {
    const res = await t.request(path, { headers: i % 2 === 0 && cookie ? { cookie } : {} });
    const set = res.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0];
    if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
    return res.text();
  };
  // Warm-up on other pages (the JIT, PGlite's buffers), then two passes over the same 600 pages:
  // first views (each page read and rendered, then remembered) and repeat views (remembered).
  for (let i = 0; i < 50; i++)
    await fetchPage(`/help/bench/en/articles/${ARTICLES[i % ARTICLES.length]!.slug}-${COPIES - 1}`, i);
  let html = '';
  const pass = async (name: string) => {
    const ms: number[] = [];
    const cpu: number[] = [];
    for (const [i, path] of paths.entries()) {
      const cpuStart = process.cpuUsage();
      const start = performance.now();
      html = await fetchPage(path, i);
      ms.push(performance.now() - start);
      const used = process.cpuUsage(cpuStart);
      cpu.push((used.user + used.system) / 1000);
    }
    ms.sort((a, b) => a - b);
    cpu.sort((a, b) => a - b);
    const mean = cpu.reduce((a, b) => a + b, 0) / cpu.length;
    console.log(
      `${name}: p50 ${percentile(ms, 50).toFixed(2)} ms, p95 ${percentile(ms, 95).toFixed(2)} ms, p99 ${percentile(ms, 99).toFixed(2)} ms (goal p95 ≤ 20 ms); ` +
        `CPU of this process (PGlite's work included) mean ${mean.toFixed(2)} ms, p50 ${percentile(cpu, 50).toFixed(2)} ms, p95 ${percentile(cpu, 95).toFixed(2)} ms; load ${loadavg()[0]!.toFixed(1)}`,
    );
  };
  console.log(
    `database: ${t.shoreline.ctx.database.kind}; ${ARTICLES.length * COPIES} articles × ${LANGUAGES.length} languages; ${RUNS} article pages; load ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`,
  );
  await pass('first views');
  await pass('repeat views');
  const scripts = html.match(/<script\b[^>]*>[\s\S]*?<\/script>/g) ?? [];
  const jsBytes = scripts.reduce((n, s) => n + Buffer.byteLength(s), 0);
  console.log(
    `page weight: HTML ${(Buffer.byteLength(html) / 1024).toFixed(1)} kB; JavaScript ${scripts.length} scripts, ${(jsBytes / 1024).toFixed(1)} kB (goal ≤ 50 kB)`,
  );
} finally {
  await t.close();
}
