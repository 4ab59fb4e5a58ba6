/**
 * What an API token may call. A token never exceeds its user's role; its scopes narrow it further:
 * - `admin`: everything its user may do (the tokens made before scopes existed);
 * - `kpi:read`: read Insight's reports (KPIs, comparisons, volume, topics, training needs, tickets);
 * - `import:write`: run imports, read their runs and rejects, and manage provider mappings.
 * Every scope may read `/api/me`, so a script can check whose token it holds.
 */
export const TOKEN_SCOPES = ['kpi:read', 'import:write', 'admin'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

const KPI_READ = /^\/api\/insight\/(kpis|kpis\/compare|volume|topics|training-needs|tickets)\/?$/;
const IMPORT_WRITE = /^\/api\/insight\/(imports|provider-mappings)(\/|$)/;

export function scopeAllows(scopes: readonly string[], method: string, path: string): boolean {
  const read = method === 'GET' || method === 'HEAD';
  if (read && path === '/api/me') return true;
  return scopes.some((scope) => {
    if (scope === 'admin') return true;
    if (scope === 'kpi:read') return read && KPI_READ.test(path);
    if (scope === 'import:write') return IMPORT_WRITE.test(path);
    return false;
  });
}
