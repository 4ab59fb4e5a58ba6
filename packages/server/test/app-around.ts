import { afterAll, beforeAll } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../src/demo/seed.js';
import { type Auth, startTestApp, type TestApp } from '../src/test-support/test-app.js';

/**
 * A test app for the tests of the enclosing block (or file): started before them (allowing a
 * minute by default: a demo seeds first), handed to `started` (which may prepare more data before
 * the tests run), closed after them.
 */
export function testAppAround(
  options: Parameters<typeof startTestApp>[0],
  started: (app: TestApp) => void | Promise<void>,
  startTimeout = 60_000,
): void {
  let app: TestApp | undefined;
  beforeAll(async () => {
    app = await startTestApp(options);
    await started(app);
  }, startTimeout);
  afterAll(() => app?.close());
}

export type DemoRole = keyof typeof DEMO_USERS;

/**
 * testAppAround for the demo app with the demo users of `roles` signed in with the demo password:
 * `started` gets the app and each one's credentials by role.
 */
export function signedInAround<R extends DemoRole>(
  roles: readonly R[],
  options: Omit<NonNullable<Parameters<typeof startTestApp>[0]>, 'demo'>,
  started: (app: TestApp, auth: Record<R, Auth>) => void | Promise<void>,
  startTimeout?: number,
): void {
  testAppAround(
    { ...options, demo: true },
    async (app) => {
      const auth = {} as Record<R, Auth>;
      for (const role of roles) auth[role] = await app.login(DEMO_USERS[role], DEMO_PASSWORD);
      await started(app, auth);
    },
    startTimeout,
  );
}

/**
 * The demo app for the enclosing block signed in as its admin, with the first provider's id (suites
 * that write teams).
 */
export function demoAdminAround(
  started: (demo: { t: TestApp; admin: Auth; providerId: string }) => void,
): void {
  signedInAround(['admin'], {}, async (t, { admin }) => {
    const providers = (await (await t.request('/api/providers', { auth: admin })).json()) as {
      items: { id: string }[];
    };
    started({ t, admin, providerId: providers.items[0]!.id });
  });
}
