import { afterAll, beforeAll } from 'vitest';
import { startTestApp, type TestApp } from '../src/test-support/test-app.js';

/**
 * A test app for the tests of the enclosing block (or file): started before them (allowing a
 * minute: a demo seeds first), handed to `started`, closed after them.
 */
export function testAppAround(
  options: Parameters<typeof startTestApp>[0],
  started: (app: TestApp) => void,
): void {
  let app: TestApp | undefined;
  beforeAll(async () => {
    app = await startTestApp(options);
    started(app);
  }, 60_000);
  afterAll(() => app?.close());
}
