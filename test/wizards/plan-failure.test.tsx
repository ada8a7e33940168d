/** A failing step stops the plan: later steps are never sent, and the result says what already took effect. */
import { afterEach, expect, it } from 'vitest';
import { KEY, startWizardApp, type WizardApp } from './harness.js';

let app: WizardApp | undefined;
afterEach(async () => {
  await app?.stop();
  app = undefined;
});

it('stops at the refused PUT, does not send the assignment, and names the step that took effect', async () => {
  app = await startWizardApp({ screen: 'roles' });
  await app.waitFor('marketing-reader');
  await fetch(`${app.sandbox.controlUrl}/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      kind: 'status',
      method: 'PUT',
      path: '/_es/a1883c4ffd020f5bd14dcc312684e4ed/_security/role/*',
      status: 403,
      body: {
        error: { type: 'security_exception', reason: 'action [cluster:admin/xpack/security/role/put] is unauthorized' },
        status: 403,
      },
    }),
  });
  await app.press('n');
  await app.waitFor('Role name');
  await app.type('ops');
  await app.press(KEY.enter, KEY.enter);
  for (const p of ['search-staging', 'vector-lab']) {
    await app.pointAt(p);
    await app.press(KEY.space);
  }
  await app.press(KEY.enter);
  await app.pointAt('monitor');
  await app.press(KEY.space, KEY.enter);
  await app.waitFor('Index privileges');
  await app.press(KEY.enter); // none
  await app.waitFor('Kibana feature privileges');
  await app.press(KEY.enter); // none
  await app.pointAt('tomas.xu@');
  await app.press(KEY.space, KEY.enter);
  await app.waitFor('nothing is sent until you press enter');
  await app.press(KEY.enter);
  await app.waitFor('Step 2 failed');
  expect(app.text()).toContain('Step 2 failed; already took effect: create or update role ops. Not sent: 1.');
  expect(app.text()).toMatch(/3\. . not sent/);
  const writes = await app.writes();
  expect(writes.map((w) => w.method)).toEqual(['PUT', 'PUT']);
});
