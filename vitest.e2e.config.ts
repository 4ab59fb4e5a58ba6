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
    // One journey at a time (a browser and a server each), each in a process of its own: with
    // `isolate: false` (modules kept from one journey to the next) the demo journey's
    // `serve --demo` child did not start within its minute after the upload journey, twice at
    // load 22, though it did alone (docs/decisions/0045).
    fileParallelism: false,
  },
});
