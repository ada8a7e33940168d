/**
 * A typed confirmation shows the whole request it will send: a URL longer than the panel continues on the next lines
 * (broken after a slash), and nothing in the panel is cut off with "…", at 80×24 and at 60×20.
 */
import { afterEach, expect, it } from 'vitest';
import { previewedRequests } from '../support/request-preview.js';
import { panelRows, waitForList } from './app-screen.js';
import { closeAll, launch } from './harness.js';

afterEach(closeAll);

for (const [cols, rows] of [
  [80, 24],
  [60, 20],
] as const) {
  it(`shows the whole request of a member's removal, wrapped, at ${cols}×${rows}`, async () => {
    const app = await launch({ cols, rows });
    await waitForList(app, 'Members');
    await app.press('d');
    await app.waitForText(/Type .* to confirm/);
    // Scrolled to the end of the panel, where the request is.
    let screen = app.screen();
    for (let i = 0; i < 10 && previewedRequests(screen).length === 0; i++) {
      await app.press('pagedown');
      screen = app.screen();
    }
    const [request] = previewedRequests(screen);
    expect(request?.method).toBe('DELETE');
    expect(request?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1\/organizations\/\d+\/members\/[\w-]+$/);
    // The title may be cut; no row inside the panel is.
    expect(panelRows(screen).filter((r) => r.includes('…'))).toEqual([]);
    expect(app.wrappedRows()).toEqual([]);
  });
}
