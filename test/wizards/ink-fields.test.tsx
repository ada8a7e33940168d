/**
 * The wizard's text steps are ink-text-input and its fitting single-choice lists ink-select-input (through
 * src/ui/ink-input-bridge.tsx), in the whole app: a real cursor (insert mid-text), a paste at the cursor, the step's
 * character rules on inserted text, and a list chosen with the arrows, while the reducer keeps every answer.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { PASTE_END, PASTE_START } from '../../src/ui/keys.js';
import { KEY, openRoleWizard, startWizardApp, type WizardApp } from './harness.js';

const LEFT = '\x1b[D';
const RIGHT = '\x1b[C';

let app: WizardApp | undefined;
afterEach(async () => {
  await app?.stop();
  app = undefined;
});

/** The line of the current text field (after the step title). */
const fieldLine = (a: WizardApp) =>
  a
    .frame()
    .split('\n')
    .find((l) => l.includes('▶'))
    ?.replace(/^[│|]\s*/, '')
    .replace(/\s*[│|]\s*$/, '')
    .trim();

describe('wizard text steps (ink-text-input)', () => {
  it('edits in the middle: the cursor moves left and right, typing inserts there, backspace deletes before it', async () => {
    app = await openRoleWizard();
    await app.type('mktanalyst');
    await app.press(...Array<string>(7).fill(LEFT));
    await app.type('-');
    await app.waitUntil((f) => f.includes('mkt-analyst'), 'the dash inserted before "analyst"');
    // A field that only appends (the wizard's own before ink-text-input) would show mktanalyst-.
    expect(fieldLine(app)).toBe('▶ mkt-analyst');
    await app.press(RIGHT, RIGHT, KEY.backspace);
    await app.waitUntil((f) => f.includes('mkt-aalyst'), 'the n before the cursor deleted');
    await app.press(KEY.enter);
    await app.waitFor('Description (optional)');
    expect(app.text()).toContain('Role name mkt-aalyst');
    // esc back: the answer is the reducer's, and the field starts again from it.
    await app.press(KEY.escape);
    await app.waitFor('Letters, digits');
    expect(fieldLine(app)).toBe('▶ mkt-aalyst');
  });

  it('checks an inserted character by the same rules as a typed one, and pastes at the cursor', async () => {
    app = await openRoleWizard();
    await app.type('mkt');
    await app.press(LEFT, LEFT);
    await app.type('!');
    await app.waitFor('That character is not allowed here');
    expect(fieldLine(app)).toBe('▶ mkt');
    // The refused ! left the cursor where it was, after the m.
    await app.type('x');
    await app.waitUntil((f) => f.includes('mxkt'), 'the x after the m');
    await app.press(LEFT, LEFT, `${PASTE_START}team-${PASTE_END}`);
    await app.waitUntil((f) => f.includes('team-mxkt'), 'the paste at the start');
    expect(fieldLine(app)).toBe('▶ team-mxkt');
    // In one read, the refused character and the keys after it: they wait for the cursor to step back.
    await app.press(`${RIGHT}${RIGHT}!!-`);
    await app.waitUntil((f) => f.includes('team-mx-kt'), 'the dash where the refused marks were typed');
  });

  it('types a whole burst read at once, every key meeting the value the previous one left', async () => {
    app = await openRoleWizard();
    await app.press('marketing-analyst-2026');
    await app.waitUntil((f) => f.includes('marketing-analyst-2026'), 'the burst typed in full');
    expect(fieldLine(app)).toBe('▶ marketing-analyst-2026');
  });
});

describe('wizard single-choice lists (ink-select-input)', () => {
  it("moves with the arrows and chooses with enter; the answer and the cursor are the wizard's", async () => {
    app = await startWizardApp();
    await app.waitFor('ada.garcia@');
    await app.press('n');
    await app.waitFor('Who should be invited?');
    await app.type('someone@example.com');
    await app.press(KEY.enter);
    await app.waitFor('Invitation expiry');
    await app.press(KEY.enter);
    await app.waitFor('Organization role');
    const options = app
      .frame()
      .split('\n')
      .filter((l) => /\([ •]\)/.test(l));
    expect(options.length).toBeGreaterThan(1);
    const second = options[1]!.replace(/^.*\([ •]\)\s*/, '').split(/\s{2,}/)[0]!;
    await app.press(KEY.down);
    await app.waitUntil(
      (f) => f.split('\n').some((l) => l.includes('▶') && l.includes(second)),
      `the pointer on ${second}`,
    );
    await app.press(KEY.enter);
    await app.waitFor('Hosted deployment role');
    expect(app.text()).toContain(`Organization role ${second}`);
    // Back: the list starts again on the answer given.
    await app.press(KEY.escape);
    await app.waitFor('Organization role');
    expect(
      app
        .frame()
        .split('\n')
        .some((l) => l.includes('▶') && l.includes(`(•) ${second}`)),
    ).toBe(true);
  });
});
