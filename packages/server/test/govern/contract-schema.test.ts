import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contractJsonSchema } from '../../src/modules/govern/json-schema.js';
import { ContractApply } from '../../src/modules/govern/schemas.js';

const read = (path: string) =>
  JSON.parse(readFileSync(new URL(`../../../../${path}`, import.meta.url), 'utf8'));

describe('the published contract JSON Schema', () => {
  it('docs/schemas/contract.schema.json is the schema the API validates with (regenerate from json-schema.ts)', () => {
    expect(read('docs/schemas/contract.schema.json')).toEqual(contractJsonSchema());
  });

  it('the example contract file is valid', () => {
    const parsed = ContractApply.safeParse(read('examples/govern/baltic-contact.contract.json'));
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  });
});
