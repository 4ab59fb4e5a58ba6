import { pgliteTemplate } from './pglite-template.js';

/** Makes the PGlite template once before the test files start, so parallel workers do not race to. */
export default async function setup(): Promise<void> {
  await pgliteTemplate();
}
