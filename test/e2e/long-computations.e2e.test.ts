/**
 * The doctor (D) and the access matrix (A) on a large organization (10,000 members, 300 projects, 500 keys): the
 * panel opens at once with a spinner while the computation runs in slices, and keys keep working meanwhile; esc
 * closes the panel before the results are in.
 */
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/index.js';
import { waitForList } from './app-screen.js';
import { closeAll, launch } from './harness.js';

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ scale: 'large' });
}, 120_000);
afterAll(() => sandbox.stop());
afterEach(closeAll);

for (const { key, working, done } of [
  { key: 'D', working: /Checking access… \(esc closes\)/, done: /\d+ critical · \d+ warning/ },
  { key: 'A', working: /Working out who can reach what… \(esc closes\)/, done: /missing in the project/ },
]) {
  it(`${key}: opens at once with a spinner, and esc closes it while it computes`, { timeout: 180_000 }, async () => {
    const app = await launch({
      cols: 80,
      rows: 24,
      env: { EC_BASE_URL: sandbox.baseUrl, EC_API_KEY: sandbox.ownerKey, EC_HTTP2: 'h2c' },
    });
    await waitForList(app, 'Members', { timeoutMs: 120_000 });
    await app.press(key);
    await app.waitForText(working);
    const closedAt = app.rawOutput().length;
    await app.press('esc');
    await app.waitFor((s) => !working.test(s) && /Members\[\d+\]/.test(s), 'the panel to close');
    // Closed, not finished: nothing of the results was drawn after esc.
    expect(app.rawOutput().slice(closedAt)).not.toMatch(done);

    // Opened again and left alone, the results do arrive.
    await app.press(key);
    await app.waitForText(done, { timeoutMs: 60_000 });
  });
}
