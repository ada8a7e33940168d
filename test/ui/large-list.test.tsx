/** 10,000 members: only the visible rows are rendered, and moving and filtering stay cheap. */
import { describe, expect, it } from 'vitest';
import { manyMembers, orgData } from './helpers/fixtures.js';
import { KEY, renderApp } from './helpers/render-app.js';

describe('a 10,000-member organization', () => {
  it('renders only the rows that fit, scrolls and filters', async () => {
    const size = { columns: 100, rows: 30 };
    const app = await renderApp({ data: orgData({ members: manyMembers(10_000), invitations: [] }), size });
    await app.waitFor('Members[10000]');
    const rowLines = () => app.lines().filter((l) => l.includes('@big.test'));
    // 30 rows: 2 header, 2 box borders, 1 column header, 1 status, 1 footer, 1 spare line below the frame.
    expect(rowLines()).toHaveLength(22);
    expect(app.lines()).toHaveLength(29);

    // How fast is bench P3's business (bench/measures/filter-latency.ts); this checks what is drawn.
    await app.press('G');
    await app.waitFor(/▶.*user09999@big\.test/);
    expect(rowLines()).toHaveLength(22);
    await app.press('/');
    await app.type('user09998');
    await app.waitFor('Members[1/10000]');
    expect(rowLines()).toHaveLength(1);
    await app.press(KEY.escape);
    await app.waitFor('Members[10000]');
    expect(rowLines()).toHaveLength(22);
  });
});
