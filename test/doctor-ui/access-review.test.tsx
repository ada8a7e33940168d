/** `e` and `c` from the access matrix: the export written as a new owner-only file, and the comparison with one. */
import { mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseAccessExport } from '../../src/domain/review/index.js';
import { createTheme } from '../../src/ui/theme.js';
import { KEY } from '../ui/helpers/render-app.js';
import { openPanel, openWith, panelText } from './app.js';
import { seededOrg } from './seeded-org.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ec-access-review-'));
  vi.spyOn(process, 'cwd').mockReturnValue(dir);
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

const openMatrix = () =>
  openWith('A', 'Effective access', {
    data: seededOrg(),
    size: { columns: 120, rows: 40 },
    theme: createTheme({ color: false, unicode: true }),
  });

describe('access review from the matrix', () => {
  it('shows e and c in the footer, writes a 0600 export, and compares with it', async () => {
    const app = await openMatrix();
    expect(app.lines().at(-1)).toMatch(/e export\s+c compare/);

    await openPanel(app, 'e', 'Export the access review as');
    await app.press(KEY.enter);
    await app.waitFor('Wrote ');
    const path = /Wrote (\S+)/.exec(panelText(app))![1]!;
    expect(path.startsWith(dir)).toBe(true);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const doc = parseAccessExport(readFileSync(path, 'utf8'), path);
    expect(doc.grants.length).toBeGreaterThan(0);

    // A second export never replaces the first.
    await app.press(KEY.enter);
    await app.waitFor(/Wrote \S+-2\.json/);

    // An earlier state: one grant fewer, so the organization now has one grant added since.
    const earlier = join(dir, 'ec-access-access-earlier.json');
    const dropped = doc.grants.find((g) => g.scope.kind === 'project')!;
    writeFileSync(earlier, JSON.stringify({ ...doc, grants: doc.grants.filter((g) => g !== dropped) }));
    // Newest first in the picker: make the earlier-state file the most recent one.
    const later = new Date(Date.now() + 60_000);
    utimesSync(earlier, later, later);

    await app.press(KEY.escape);
    await app.waitFor('Effective access');
    await openPanel(app, 'c', 'Compare the organization now with');
    expect(app.frame()).toContain('ec-access-access-earlier.json');
    await app.press(KEY.enter);
    await app.waitFor('1 added, 0 removed, 0 altered');
    expect(panelText(app)).toContain(dropped.principal.identity);
  });

  it('says so when there is nothing to compare with', async () => {
    const app = await openMatrix();
    await openPanel(app, 'c', 'Access changes since an export');
    expect(panelText(app)).toContain('No earlier JSON export');
  });
});
