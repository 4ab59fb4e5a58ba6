import type { Selectable } from 'kysely';
import type { ContractVersionsTable } from './tables.js';

type VersionRow = Selectable<ContractVersionsTable>;

export function presentVersion(row: VersionRow, slaPolicyId: string | null) {
  return {
    contractId: row.contract_id,
    providerId: row.provider_id,
    version: row.version,
    effectiveFrom: row.effective_from,
    reason: row.reason,
    approvedBy: row.approved_by,
    createdAt: row.created_at.toISOString(),
    slaPolicyId,
    document: row.document,
  };
}

export function presentSummary(row: VersionRow) {
  return {
    id: row.contract_id,
    providerId: row.provider_id,
    name: row.document.name,
    currency: row.document.currency,
    latestVersion: row.version,
    effectiveFrom: row.effective_from,
  };
}
