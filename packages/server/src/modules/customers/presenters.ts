import type { Selectable } from 'kysely';
import type { Customer } from './schemas.js';
import type { CustomerIdentitiesTable, CustomersTable } from './tables.js';

export function presentCustomer(
  row: Selectable<CustomersTable>,
  identities: Selectable<CustomerIdentitiesTable>[],
): Customer {
  return {
    id: row.id,
    name: row.name,
    language: row.language,
    country: row.country,
    identities: identities.map((i) => ({ kind: i.kind, value: i.value })),
    createdAt: new Date(row.created_at).toISOString(),
  };
}
