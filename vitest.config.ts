import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Soaks and long stress runs: `npm run test:slow` (vitest.slow.config.ts), not the everyday `npm test`. */
export const SLOW_TESTS = ['packages/*/src/**/*.slow.test.ts', 'packages/*/test/**/*.slow.test.ts'];

/**
 * The longest files (the seventh session's run, by duration) start first, so neither worker is left
 * with one of them at the end while the other idles. A fresh clone has no timing cache, and Vitest then
 * orders by file size, which puts the isolation shares (small files over a shared world) last.
 */
const LONGEST_FIRST = [
  /\/test\/isolation\/routes-\d\.test\.ts$/,
  /\/source\/selection-evidence-pilots\.test\.ts$/,
  /\/store\.test\.ts$/,
  /\/login-throttle\.test\.ts$/,
  /\/insight\/shared-data\.test\.ts$/,
  /\/kpi-engines\.test\.ts$/,
  /\/core\/src\/forecast\/forecast\.test\.ts$/,
  /\/plan-saved\.test\.ts$/,
];

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (f: TestSpecification) => {
      const i = LONGEST_FIRST.findIndex((pattern) => pattern.test(f.moduleId));
      return i < 0 ? LONGEST_FIRST.length : i;
    };
    return sorted
      .map((f, i) => ({ f, i }))
      .sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i)
      .map(({ f }) => f);
  }
}

// Internal packages export TypeScript source under the "source" condition, so tests need no build.
export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts'],
    exclude: ['**/node_modules/**', ...SLOW_TESTS],
    environment: 'node',
    // Generous: a timeout is a safety net, not a speed check (speed is measured in bench/); a busy
    // 2-core CI machine took over 60 s to start the demo organization's year in a beforeAll.
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Makes the empty PGlite cluster every test database starts from, once, before the workers start.
    globalSetup: ['packages/server/src/test-support/vitest-global-setup.ts'],
    pool: 'forks',
    sequence: { sequencer: LongestFirst },
    // Each worker keeps its imported modules from one test file to the next: every server test file
    // imports the whole server, and re-importing it per file was half the CPU of a run (8 server
    // files: 66 s user with isolation, 35 s without). Safe because no test mocks modules or
    // changes process.env, and module-level state is only memo caches (CONTRIBUTING: instanceSlot).
    isolate: false,
    // Vitest's default (cores − 1) runs the files one after another on a 2-core machine; the main
    // process is idle while they run, so use every core.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
