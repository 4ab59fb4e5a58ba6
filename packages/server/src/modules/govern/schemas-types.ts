import type { z } from '@hono/zod-openapi';
import type { ContractApply, ContractDocument, SettlementSchema } from './schemas.js';

export type ContractDocumentJson = z.output<typeof ContractDocument>;
export type ContractApplyInput = z.output<typeof ContractApply>;
export type Settlement = z.output<typeof SettlementSchema>;
