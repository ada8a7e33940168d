/** Selection follows the row, not the index, across refreshes and re-sorting. */
import { describe, expect, it } from 'vitest';
import { ORG, orgData } from './helpers/fixtures.js';
import { createFakeCloud } from './helpers/fake-cloud.js';
import { renderApp } from './helpers/render-app.js';

const selected = (lines: string[]) => lines.find((l) => l.includes('▶')) ?? '';

describe('selection', () => {
  it('stays on the same member when a refresh inserts rows above it', async () => {
    const cloud = createFakeCloud(orgData());
    const app = await renderApp({ cloud });
    await app.waitFor('dan@acme.test');
    await app.press('j', 'j');
    expect(selected(app.lines())).toContain('dan@acme.test');
    cloud.data.members.push(
      {
        organization_id: ORG.id,
        user_id: 'u-a',
        member_since: '2026-11-19T00:00:00Z',
        email: 'aaron@acme.test',
        name: 'Aaron',
      },
      {
        organization_id: ORG.id,
        user_id: 'u-b',
        member_since: '2026-11-19T00:00:00Z',
        email: 'bea@acme.test',
        name: 'Bea',
      },
    );
    await app.press('r');
    await app.waitFor('aaron@acme.test');
    expect(selected(app.lines())).toContain('dan@acme.test');
  });

  it('falls back to the same position when the selected row disappears', async () => {
    const cloud = createFakeCloud(orgData());
    const app = await renderApp({ cloud });
    await app.waitFor('dan@acme.test');
    await app.press('j', 'j');
    cloud.data.members = cloud.data.members.filter((m) => m.user_id !== 'u-dev');
    await app.press('r');
    await app.waitFor(/Members\[5\]/);
    expect(selected(app.lines())).toContain('late@acme.test');
  });

  it('stays on the same row when the sort changes', async () => {
    const app = await renderApp();
    await app.waitFor('dan@acme.test');
    await app.press('j', 'j', 's');
    expect(app.frame()).toContain('sort:name');
    expect(selected(app.lines())).toContain('dan@acme.test');
  });
});
