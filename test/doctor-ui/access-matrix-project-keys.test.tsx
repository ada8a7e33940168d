/**
 * The access matrix on the seeded sandbox lists each project's own API keys as `pkey` rows after the Cloud
 * principals: a key reaches one project only, and the explanation under the matrix says what it may do there.
 */
import { afterEach, expect, it } from 'vitest';
import { KEY, startWizardApp, type WizardApp } from '../wizards/harness.js';

let app: WizardApp | undefined;
afterEach(async () => {
  await app?.stop();
  app = undefined;
});

const selectedRow = (frame: string) => frame.split('\n').find((l) => l.includes('▶')) ?? '';

it('pkey rows reach their own project only, with what their descriptors allow', async () => {
  app = await startWizardApp();
  await app.waitFor('Members[');
  await app.press('4');
  await app.waitFor('logstash-ingest');
  await app.press('A');
  await app.waitFor('Effective access');
  // The project keys are the last rows: page down to the end.
  for (let i = 0; i < 8; i++) await app.press(KEY.pageDown);
  await app.waitUntil((f) => selectedRow(f).includes('pkey'), 'a project key row selected');
  const frame = app.frame();
  expect(frame).toMatch(/pkey\s+metrics-ship/);
  // A project key reaches one project: every other cell on its row is a dash.
  const cells = selectedRow(frame)
    .split(/\s{1,}/)
    .filter((c) => c === '—');
  expect(cells.length).toBeGreaterThan(0);
  expect(app.text()).toMatch(/works only in its own project|its own role descriptors/);
  // Up through the key rows to the superuser-like break-glass key, whose cell says so.
  for (let i = 0; i < 6 && !selectedRow(app.frame()).includes('ops-break-gl'); i++) await app.press(KEY.up);
  expect(selectedRow(app.frame())).toContain('ops-break-gl');
  expect(app.frame()).toMatch(/ops-break-gl.*superuser/);
});
