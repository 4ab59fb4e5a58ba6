import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/** Soaks and long stress runs: `npm run test:slow` (vitest.slow.config.ts), not the everyday `npm test`. */
export const SLOW_TESTS = ['packages/*/src/**/*.slow.test.ts', 'packages/*/test/**/*.slow.test.ts'];

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
