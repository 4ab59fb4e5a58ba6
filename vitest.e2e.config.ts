import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Makes the empty PGlite cluster the journeys' servers start from (startTestServer), once.
    globalSetup: ['packages/server/src/test-support/vitest-global-setup.ts'],
    // One journey at a time (a browser and a server each); the worker keeps the server's modules
    // from one file to the next instead of importing them again for every journey (as in
    // vitest.config.ts: no journey mocks modules or changes process.env).
    fileParallelism: false,
    isolate: false,
  },
});
