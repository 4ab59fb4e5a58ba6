/** One changed value between two versions of a contract document, by its JSON path. */
export interface DocumentChange {
  path: string;
  before: string;
  after: string;
}

/** Leaves of a JSON value by path; array items of objects with an `id` are keyed by it (terms). */
function leaves(value: unknown, path: string, out: Map<string, string>): Map<string, string> {
  if (Array.isArray(value) && value.every((v) => typeof v === 'object' && v !== null && 'id' in v)) {
    for (const item of value) leaves(item, `${path}[${String((item as { id: unknown }).id)}]`, out);
  } else if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    for (const [key, v] of Object.entries(value)) leaves(v, path ? `${path}.${key}` : key, out);
  } else {
    out.set(path, JSON.stringify(value));
  }
  return out;
}

/** What changed from `before` to `after` (added and removed values show as "—"), in path order. */
export function versionDiff(before: unknown, after: unknown): DocumentChange[] {
  const a = leaves(before, '', new Map());
  const b = leaves(after, '', new Map());
  const paths = [...new Set([...a.keys(), ...b.keys()])].sort();
  return paths
    .filter((p) => a.get(p) !== b.get(p))
    .map((path) => ({ path, before: a.get(path) ?? '—', after: b.get(path) ?? '—' }));
}
