import { defineConfig } from 'vitest/config';
import unit, { SLOW_TESTS } from './vitest.config.js';

/** `npm run test:slow`: the soaks kept out of `npm test` (CONTRIBUTING.md, "Slow tests"). CI runs both. */
export default defineConfig({
  ...unit,
  test: {
    ...unit.test,
    include: SLOW_TESTS,
    exclude: ['**/node_modules/**'],
    testTimeout: 600_000,
    globalSetup: ['packages/server/src/test-support/vitest-slow-setup.ts'],
    // One file at a time: these start real servers and measure the event loop (healthz-under-load).
    fileParallelism: false,
  },
});
