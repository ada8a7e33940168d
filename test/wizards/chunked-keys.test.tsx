/**
 * Keys that arrive together in one read (fast typing, a paste ending in Enter) act as if typed one by one: the
 * harness splits each read into keys (test/support/split-keys.ts), so the wizard meets them as keys; the app's own
 * splitting of one read is tested in test/ui/keypress.test.tsx and test/e2e/fast-typing.e2e.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openRoleWizard, type WizardApp } from './harness.js';

let app: WizardApp | undefined;
afterEach(async () => {
  await app?.stop();
  app = undefined;
});

describe('a read of several keys', () => {
  it('types the text and answers the step with the Enter at its end', async () => {
    app = await openRoleWizard();
    await app.press('marketing-*\r');
    // * is refused by the as-you-type rule, as it would be when typed.
    await app.waitFor('Description (optional)');
    expect(app.text()).toContain('Role name marketing- ');
  });

  it('applies a Backspace inside the read, then moves on and answers the next step too', async () => {
    app = await openRoleWizard();
    await app.press('ab\x7fc\r\r');
    await app.waitFor('In which projects?');
    expect(app.text()).toContain('Role name ac ');
    expect(app.text()).toContain('Description (optional) (none)');
  });

  it('takes an arrow key inside the read as the arrow it is', async () => {
    app = await openRoleWizard();
    await app.press('ab\r\r\x1b[B');
    await app.waitFor('In which projects?');
    const options = app
      .frame()
      .split('\n')
      .filter((l) => /[▶ ] \[[ x]\] /.test(l));
    expect(options.length).toBeGreaterThan(2);
    expect(options.findIndex((l) => l.includes('▶'))).toBe(1);
  });

  it('still refuses an empty answer: Enter alone in the read validates like a single Enter', async () => {
    app = await openRoleWizard();
    await app.press('\r\r');
    await app.waitFor('Enter a role name');
    expect(app.text()).not.toContain('Description (optional)');
  });
});
