import setupUnit from './vitest-global-setup.js';

/**
 * `npm run test:slow`: the unit setup, then core and server compiled to dist/ (esbuild, when stale),
 * so the soaks' many `shoreline` processes start from JavaScript instead of tsx. The workers inherit
 * SHORELINE_TEST_CLI from this process (test-support/processes.ts reads it).
 */
export default async function setup(): Promise<void> {
  await setupUnit();
  // @ts-expect-error: a plain ES module of the repo's scripts, without type declarations.
  const { compileServer } = (await import('../../../../scripts/compile-server.mjs')) as {
    compileServer(): Promise<string>;
  };
  console.log(`test:slow: ${await compileServer()}`);
  process.env.SHORELINE_TEST_CLI = 'compiled';
}
