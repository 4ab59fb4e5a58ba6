import { z } from '@hono/zod-openapi';
import { ContractApply } from './schemas.js';

/**
 * The published JSON Schema of a contract file (`shoreline contract apply FILE.json`), generated from
 * the same zod schema that validates it; docs/schemas/contract.schema.json is this, checked by a test.
 */
export function contractJsonSchema(): Record<string, unknown> {
  return {
    ...(z.toJSONSchema(ContractApply, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>),
    $id: 'https://shoreline.example/schemas/contract.schema.json',
    title: 'Shoreline contract version',
  };
}
