import { describe, expect, it } from 'vitest';
import type { Project } from '../../src/api/schemas.js';
import { resolveProject } from '../../src/cli/commands/shared/resolve-project.js';

const project = (id: string, name: string, alias: string): Project => ({
  id,
  name,
  alias,
  type: 'elasticsearch',
  region_id: 'aws-us-east-1',
  cloud_id: 'c',
  metadata: { created_at: '2025-01-01T00:00:00Z', created_by: 'u', organization_id: 'o' },
  endpoints: { elasticsearch: 'https://es', kibana: 'https://kb' },
});

// Names chosen so that each rule would pick a different project if precedence were wrong.
const A = project('a'.repeat(32), 'prod', 'search-a1b2c3');
const B = project('b'.repeat(32), 'search', 'prod-d4e5f6');
const C = project('c'.repeat(32), 'search-prod', 'legacy-g7h8i9');
const all = [A, B, C];

describe('resolveProject', () => {
  it('exact id > exact alias > exact name > unique prefix', () => {
    expect(resolveProject(all, 'c'.repeat(32))).toBe(C);
    expect(resolveProject(all, 'prod-d4e5f6')).toBe(B);
    expect(resolveProject(all, 'prod')).toBe(B); // alias stem beats A's name
    expect(resolveProject(all, 'search')).toBe(A); // alias stem beats B's name
    expect(resolveProject(all, 'SEARCH-PROD')).toBe(C);
    expect(resolveProject(all, 'leg')).toBe(C);
  });

  it('ambiguity and no match are usage errors that list the candidates', () => {
    expect(() => resolveProject(all, 's')).toThrow(
      /"s" matches 3 projects; name one by id or alias:\n {2}prod \(elasticsearch/,
    );
    expect(() => resolveProject(all, 'zzz')).toThrow(/no project matches --project "zzz"; known projects:/);
    expect(() => resolveProject([], 'x')).toThrow(/has no Serverless projects/);
  });
});
