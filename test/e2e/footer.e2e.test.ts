/**
 * The footer while browsing, at 80×24 and 60×20: the screen's own actions first, in the binding table's order
 * (Keys: space mark, a all, d revoke, i identify, n new key), then the keys of the moment (x on Members), then the
 * keys every screen has, as many as fit, never a slot cut in half.
 */
import { afterEach, expect, it } from 'vitest';
import { BINDINGS, type Binding } from '../../src/ui/bindings.js';
import { keyLabel } from '../../src/ui/keys.js';
import type { ScreenId } from '../../src/ui/screen-ids.js';
import { footerOf, waitForList, type ScreenName } from './app-screen.js';
import { closeAll, launch } from './harness.js';

afterEach(closeAll);

const SCREENS: readonly [ScreenName, ScreenId, string][] = [
  ['Members', 'members', '1'],
  ['Projects', 'projects', '2'],
  ['Roles', 'roles', '3'],
  ['Keys', 'keys', '4'],
  // No actions of its own (it only reads): the footer is quit and what else fits.
  ['Deployments', 'deployments', '5'],
];

/** The screen's own footer slots, as the footer writes them. */
const ownSlots = (screen: ScreenId) =>
  (BINDINGS as readonly Binding[])
    .filter((b) => b.scope === screen && b.label)
    .map((b) => `${keyLabel(b.keys[0]!, true)} ${b.label}`);

for (const [cols, rows] of [
  [80, 24],
  [60, 20],
] as const) {
  it(`puts each screen's own actions first at ${cols}×${rows}, then quit and what else fits`, async () => {
    const app = await launch({ cols, rows });
    await waitForList(app, 'Members');
    for (const [name, id, key] of SCREENS) {
      await app.press(key);
      await waitForList(app, name);
      const expected = ownSlots(id).join('  ');
      await app.waitFor(() => footerOf(app).startsWith(expected), `the ${name} footer to start with "${expected}"`);
      expect(footerOf(app)).toMatch(/(^| {2})q quit( {2}|$)/);
      expect(footerOf(app).length).toBeLessThanOrEqual(cols);
      if (cols === 80) expect(footerOf(app)).toContain('? help');
    }
    // The Keys screen's, as the issue names them.
    await app.press('4');
    await waitForList(app, 'Keys');
    await app.waitFor(() => footerOf(app).startsWith('space mark'), 'the Keys footer');
    expect(footerOf(app)).toMatch(/^space mark {2}a all {2}d revoke {2}i identify {2}n new key {2}q quit/);
    expect(app.wrappedRows()).toEqual([]);
  });
}
