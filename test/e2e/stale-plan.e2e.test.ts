/**
 * A request in plain words (`:`) opens its wizard with a "Plan: …" line on the status line. Abandoning the wizard
 * takes the plan with it: nothing on screen may suggest the plan is still pending.
 */
import { afterEach, expect, it } from 'vitest';
import { waitForList } from './app-screen.js';
import { closeAll, launch } from './harness.js';

afterEach(closeAll);

it('clears the "Plan: …" line when the wizard it opened is abandoned', async () => {
  const app = await launch({ cols: 80, rows: 24 });
  await waitForList(app, 'Members');
  await app.press(':');
  await app.waitForText('Request in plain words');
  await app.type('invite bob@example.com as viewer');
  await app.press('enter');
  await app.waitForText('On which project?');
  await app.press('1');
  // The request is complete: its wizard opens on the review.
  const wizard = await app.waitForText('Invite · review');
  expect(wizard).toMatch(/^Plan: invite bob@example\.com/m);

  // esc walks back through the answers; on the first one it closes the wizard.
  await app.press('esc');
  await app.waitForText(/Invite · step \d/);
  for (let i = 0; i < 10 && /Invite · step/.test(app.screen()); i++) {
    const step = /Invite · step (\d+)/.exec(app.screen())?.[1];
    await app.press('esc');
    await app.waitFor((s) => /Invite · step (\d+)/.exec(s)?.[1] !== step, 'the step before');
  }
  await app.waitFor((s) => !/Invite · /.test(s), 'the wizard to close');
  await waitForList(app, 'Members');
  // Cleared as the wizard closes (the frame after): waited for, not sampled.
  const after = await app.waitFor((s) => !/Plan:/.test(s), 'the plan line to go', { timeoutMs: 10_000 });
  expect(after).toMatch(/Members\[\d+\]/);
});
