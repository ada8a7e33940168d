/**
 * Project API keys in "who has access": matrix rows that reach only their own project, with their descriptors;
 * the project's column in its details lists them; the review export carries their privileges.
 */
import { describe, expect, it } from 'vitest';
import type { ProjectApiKey } from '../../../src/api/project-key-schemas.js';
import { activeProjectKeys, projectKeyMatrix } from '../../../src/domain/access/index.js';
import type { OrgSnapshot } from '../../../src/domain/org.js';
import { accessGrants } from '../../../src/domain/review/index.js';
import { projectColumnLines, projectKeyExplainLines } from '../../../src/ui/access-lines.js';
import { lineText } from '../../../src/ui/lines.js';
import { createTheme } from '../../../src/ui/theme.js';
import { orgWith } from '../../fixtures/org.js';

const DAY = 86_400_000;
const ASCII_SYMBOLS = createTheme({ color: false, unicode: false }).symbols;

function withKeys(base: OrgSnapshot, byProject: Record<string, ProjectApiKey[]>): OrgSnapshot {
  return {
    ...base,
    projectKeys: base.projects.map((project) => ({
      project,
      state: { status: 'loaded' as const, keys: byProject[project.name] ?? [] },
    })),
  };
}

function key(id: string, overrides: Partial<ProjectApiKey> = {}): ProjectApiKey {
  return {
    id,
    name: id,
    creation: Date.parse('2026-01-01T00:00:00Z'),
    invalidated: false,
    username: 'u-1',
    realm: 'cloud-saml-kibana',
    role_descriptors: {
      ingest: { cluster: ['monitor'], indices: [{ names: ['logs-*'], privileges: ['create_doc'] }] },
    },
    ...overrides,
  };
}

function snapshot(): OrgSnapshot {
  const base = orgWith().project('search-prod').project('obs-prod', 'observability').owner('olga').build();
  const now = base.now.getTime();
  return withKeys(base, {
    'search-prod': [
      key('ingest'),
      key('god', {
        role_descriptors: { superuser: { cluster: ['all'], indices: [{ names: ['*'], privileges: ['all'] }] } },
      }),
      key('gone', { invalidated: true }),
      key('expired', { expiration: now - DAY }),
    ],
    'obs-prod': [key('inherits', { role_descriptors: {}, limited_by: [{ admin: { cluster: ['monitor'] } }] })],
  });
}

describe('project keys in the access matrix', () => {
  const snap = snapshot();
  const holders = activeProjectKeys(snap);
  const matrix = projectKeyMatrix(holders, snap.projects);
  const cellsOf = (id: string) => {
    const row = matrix.rows.findIndex((r) => r.id === id);
    return matrix.cells[row]!.map((c) => (c.kind === 'none' ? '-' : c.roles.map((r) => r.name).join(',')));
  };

  it('has one row per live key (invalidated and expired ones grant nothing), tagged project-key', () => {
    expect(matrix.rows.map((r) => [r.kind, r.label])).toEqual([
      ['project-key', 'ingest (search-prod)'],
      ['project-key', 'god (search-prod)'],
      ['project-key', 'inherits (obs-prod)'],
    ]);
    expect(matrix.columns.map((c) => c.name)).toEqual(['search-prod', 'obs-prod']);
  });

  it('reaches its own project only: descriptor names, superuser-like, or limited_by', () => {
    expect(cellsOf('ingest')).toEqual(['ingest', '-']);
    expect(cellsOf('god')).toEqual(['superuser-like', '-']);
    expect(cellsOf('inherits')).toEqual(['-', 'limited_by']);
    expect(matrix.cells.flat().some((c) => c.overGrant)).toBe(false);
  });

  it('explains a cell with what the descriptors allow, and says a key works in its own project only', () => {
    const ingest = holders.find((h) => h.key.id === 'ingest')!;
    const [searchProd, obsProd] = snap.projects;
    const text = (lines: ReturnType<typeof projectKeyExplainLines>) => lines.map(lineText).join('\n');
    expect(text(projectKeyExplainLines(ingest, searchProd!, ASCII_SYMBOLS))).toContain(
      'cluster: monitor; logs-*: create_doc',
    );
    expect(text(projectKeyExplainLines(ingest, obsProd!, ASCII_SYMBOLS))).toContain(
      'works only in its own project, search-prod',
    );
    const god = holders.find((h) => h.key.id === 'god')!;
    expect(text(projectKeyExplainLines(god, searchProd!, ASCII_SYMBOLS))).toContain('superuser-like');
  });

  it("lists a project's keys in its column of the matrix (project details)", () => {
    const [searchProd, obsProd] = snap.projects;
    const search = projectColumnLines(snap, searchProd!, ASCII_SYMBOLS).map(lineText).join('\n');
    expect(search).toMatch(/pkey\s+ingest \(search-prod\)\s+ingest/);
    expect(search).toMatch(/pkey\s+god \(search-prod\)\s+superuser-like/);
    expect(search).not.toContain('inherits');
    const obs = projectColumnLines(snap, obsProd!, ASCII_SYMBOLS).map(lineText).join('\n');
    expect(obs).toMatch(/pkey\s+inherits \(obs-prod\)\s+limited_by/);
  });

  it('and in the review: one grant each with its privileges', () => {
    const grants = accessGrants(snap).filter((g) => g.principal.kind === 'project-key');
    expect(grants.map((g) => [g.principal.id, g.scope.name, g.role_id, g.privileges])).toEqual([
      ['god', 'search-prod', 'role_descriptors', ['cluster: all', '*: all']],
      ['ingest', 'search-prod', 'role_descriptors', ['cluster: monitor', 'logs-*: create_doc']],
      ['inherits', 'obs-prod', 'limited_by', ['cluster: monitor']],
    ]);
  });
});
