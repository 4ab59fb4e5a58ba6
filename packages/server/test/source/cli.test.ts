import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareFile } from '../../src/modules/source/cli.js';
import { repoRoot } from '../insight/support.js';

describe('shoreline source compare', () => {
  it('prints the worked example side by side (docs/source-worked-examples.md)', async () => {
    const { text, problems } = await compareFile(join(repoRoot, 'examples/source/worked-example.json'));
    expect(problems).toEqual([]);
    expect(text).toContain('522,000 contacts');
    expect(text).toMatch(/Germany in-house\s+in-house\s+1485814\.00\s+2\.8464\s+3\.5580\s+25\.0/);
    expect(text).toMatch(/Philippines offshore \(per contact\)\s+contact\s+634272\.53\s+1\.2151\s+1\.7358/);
  });
});
