// Search quality of the knowledge base on the judged query set (bench/data/knowledge-judged-set.ts):
// recall@3 and MRR per language, through the same searchArticles the API and the help center use.
// PGlite by default; PostgreSQL with DATABASE_URL (a database made for the run and dropped after).
// Run: npm run bench -- knowledge-search
import { meanReciprocalRank, recallAtK } from '../packages/core/src/index.js';
import { searchArticles } from '../packages/server/src/modules/knowledge/index.js';
import { startTestApp } from '../packages/server/src/test-support/test-app.js';
import { LANGUAGES, QUERIES } from './data/knowledge-judged-set.js';
import { seedJudgedSet } from './data/knowledge-seed.js';

const t = await startTestApp({ demo: true });
try {
  const scoped = await seedJudgedSet(t);
  const ranks = new Map<string, (number | null)[]>();
  const wordsOnly = new Map<string, (number | null)[]>();
  const misses: string[] = [];
  for (const [language, q, slug] of QUERIES) {
    const plain = await searchArticles(scoped, {
      q,
      language,
      limit: 10,
      includeInternal: true,
      typoTolerance: false,
    });
    const plainIndex = plain.findIndex((h) => h.slug === slug);
    wordsOnly.set(language, [...(wordsOnly.get(language) ?? []), plainIndex === -1 ? null : plainIndex + 1]);
    const hits = await searchArticles(scoped, { q, language, limit: 10, includeInternal: true });
    const index = hits.findIndex((h) => h.slug === slug);
    const rank = index === -1 ? null : index + 1;
    ranks.set(language, [...(ranks.get(language) ?? []), rank]);
    if (rank === null || rank > 3)
      misses.push(
        `${language} "${q}" → ${slug} at ${rank ?? 'none'} (top: ${hits
          .slice(0, 3)
          .map((h) => h.slug)
          .join(', ')})`,
      );
  }
  console.log(
    `database: ${t.shoreline.ctx.database.kind}; ${QUERIES.length} judged queries, 8 articles × ${LANGUAGES.length} languages`,
  );
  console.log(
    '| language | configuration | queries | recall@3 | MRR | words only: recall@3 | words only: MRR |',
  );
  console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: |');
  const { knowledgeTextConfig } = await import('../packages/core/src/index.js');
  const all: (number | null)[] = [];
  const allPlain: (number | null)[] = [];
  const figures = (r: (number | null)[]) =>
    `${recallAtK(r, 3).toFixed(2)} | ${meanReciprocalRank(r).toFixed(2)}`;
  for (const language of LANGUAGES) {
    const r = ranks.get(language) ?? [];
    const p = wordsOnly.get(language) ?? [];
    all.push(...r);
    allPlain.push(...p);
    console.log(
      `| ${language} | ${knowledgeTextConfig(language)} | ${r.length} | ${figures(r)} | ${figures(p)} |`,
    );
  }
  console.log(`| all | | ${all.length} | ${figures(all)} | ${figures(allPlain)} |`);
  if (misses.length) console.log(`\nnot in the top 3:\n${misses.join('\n')}`);
} finally {
  await t.close();
}
