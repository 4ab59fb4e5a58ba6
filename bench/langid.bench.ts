// Language identification accuracy (issue 10, must-show 3): ELD ("medium" database, npm `eld`,
// shipped in the package) through the routing module's `detectLanguage`, on labelled sentences of
// ten words or more in the nine languages of the goal (bench/data/langid-sentences.tsv, written for
// this benchmark), and on the demo seed's short subjects (core/demo/demo-phrases.ts, any length).
// `und` (unsure) counts as wrong. Goal: ≥ 98% per language on the long sentences.
// Run: npm run bench -- langid
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { demoSubject, TOPICS } from '@shoreline/core';
import { detectLanguage } from '../packages/server/src/modules/routing/language.js';

const file = fileURLToPath(new URL('./data/langid-sentences.tsv', import.meta.url));
const samples = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '' && !l.startsWith('#'))
  .map((l) => {
    const [language = '', text = ''] = l.split('\t');
    return { language, text };
  });

function report(title: string, rows: readonly { language: string; text: string }[]) {
  const byLanguage = new Map<string, { n: number; right: number; und: number; wrong: string[] }>();
  for (const { language, text } of rows) {
    const got = detectLanguage(text);
    const s = byLanguage.get(language) ?? { n: 0, right: 0, und: 0, wrong: [] };
    s.n++;
    if (got === language) s.right++;
    else if (got === 'und') s.und++;
    else s.wrong.push(got);
    byLanguage.set(language, s);
  }
  console.log(`\n${title}`);
  console.log('| language | samples | correct | und | accuracy | mistaken for |');
  console.log('| --- | ---: | ---: | ---: | ---: | --- |');
  let n = 0;
  let right = 0;
  for (const [language, s] of byLanguage) {
    n += s.n;
    right += s.right;
    const pct = ((100 * s.right) / s.n).toFixed(1);
    console.log(`| ${language} | ${s.n} | ${s.right} | ${s.und} | ${pct}% | ${s.wrong.join(', ') || '—'} |`);
  }
  console.log(`| all | ${n} | ${right} | | ${((100 * right) / n).toFixed(1)}% | |`);
}

const short = samples.filter((s) => s.text.split(/\s+/).length < 10);
if (short.length > 0)
  throw new Error(`${short.length} sentences have fewer than ten words: ${short[0]?.text}`);
report('Sentences of ten words or more (bench/data/langid-sentences.tsv)', samples);
const seedSubjects = ['en', 'tr', 'hu', 'lv', 'ru', 'de'].flatMap((language) =>
  [...new Set(TOPICS.flatMap((topic) => [0, 1, 2].map((n) => demoSubject(topic, language, n))))].map(
    (text) => ({ language, text }),
  ),
);
report('Demo seed subjects (core/demo/demo-phrases.ts, 2–9 words)', seedSubjects);
const started = performance.now();
const reps = 20;
for (let i = 0; i < reps; i++) for (const s of samples) detectLanguage(s.text);
console.log(`\n${((reps * samples.length) / ((performance.now() - started) / 1000)).toFixed(0)} sentences/s`);
