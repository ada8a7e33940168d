/**
 * Ids that repeat through an answer, stored once. JSON.parse and zod give every occurrence a string of its own: at
 * 10,000 members the organization id appeared 30,000 times and each of 300 project ids about 100 times, over 3 MB
 * of copies held for the whole session. Only the fields that name shared things are touched (the organization, a
 * role, projects, deployments), so the pool of one answer stays small and is dropped with it. The values are
 * unchanged: only how many copies of them exist.
 */
const SHARED = new Set(['organization_id', 'role_id', 'project_ids', 'deployment_ids', 'application_roles']);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Rewrites `answer` in place (a freshly parsed answer, not yet shared with anyone). */
export function shareRepeatedIds(answer: unknown): void {
  visit(answer, new Map());
}

function visit(node: unknown, pool: Map<string, string>): void {
  if (Array.isArray(node)) {
    const items: unknown[] = node;
    for (let i = 0; i < items.length; i++) visit(items[i], pool);
    return;
  }
  if (!isRecord(node)) return;
  // for…in allocates no key array; parsed JSON has no inherited enumerable keys.
  for (const key in node) {
    const value = node[key];
    if (!SHARED.has(key)) {
      if (typeof value === 'object') visit(value, pool);
    } else if (typeof value === 'string') node[key] = shared(value, pool);
    else if (Array.isArray(value)) {
      const items: unknown[] = value;
      for (let i = 0; i < items.length; i++) {
        const item = items[i];
        if (typeof item === 'string') items[i] = shared(item, pool);
      }
    }
  }
}

function shared(text: string, pool: Map<string, string>): string {
  const known = pool.get(text);
  if (known !== undefined) return known;
  pool.set(text, text);
  return text;
}
