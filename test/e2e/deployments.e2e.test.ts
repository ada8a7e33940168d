/**
 * Hosted deployments in the TUI, at the smallest supported terminal: `5` opens the list of the sandbox's
 * deployments, and enter on one says its version and health (read from `GET /deployments/{id}`) and who can reach
 * it and why (owners, roles on all deployments, roles naming it).
 */
import { afterEach, expect, it } from 'vitest';
import { waitForList } from './app-screen.js';
import { closeAll, launch } from './harness.js';

afterEach(closeAll);

it('lists the deployments on tab 5, and enter shows one’s version, health and who reaches it and why', async () => {
  const app = await launch({ cols: 80, rows: 24 });
  await waitForList(app, 'Members');

  await app.press('5');
  const list = await waitForList(app, 'Deployments');
  expect(list).toMatch(/\[5 Deployments\]/);
  expect(list).toMatch(/NAME\s+REGION\s+PARTS\s+REACH/);
  // The small sandbox's three deployments, each with its region.
  expect(list).toMatch(/ecommerce-search\s+gcp-us-central1/);
  expect(list).toMatch(/logging-cluster\s+aws-eu-west-1/);
  expect(list).toMatch(/legacy-siem\s+azure-eastus2/);

  await app.press('/');
  await app.type('ecommerce');
  await app.waitForText('/ecommerce');
  await app.press('enter'); // keep the filter
  await app.waitFor((s) => !/keep filter/.test(s), 'the list to take the keyboard back from the filter');
  await app.press('enter'); // open it

  const details = await app.waitFor(
    (s) => /Deployment: ecommerce-search/.test(s) && /Members \(\d+\)/.test(s),
    'the deployment details with who reaches it',
  );
  expect(details).toMatch(/Who can reach this deployment, and why/);
  // Every organization owner reaches every deployment, and the line says so.
  expect(details).toMatch(/organization owner: every deployment/);
  const members = Number(/Members \((\d+)\)/.exec(details)?.[1]);
  expect(members).toBeGreaterThan(0);
  // Version and health come from the deployment itself, not the listing.
  const state = await app.waitFor((s) => /Health\s+✓ healthy/.test(s), 'the deployment health');
  expect(state).toMatch(/Version\s+8\.15\.1/);
  expect(state).toMatch(/Status\s+started/);
  expect(state).toMatch(/Region\s+gcp-us-central1/);
  expect(state).toMatch(/elasticsearch\s+main-elasticsearch\s+8\.15\.1\s+started ✓/);

  await app.press('esc');
  await waitForList(app, 'Deployments');

  // The sandbox's legacy-siem runs an old version on an unhealthy cluster, and says so.
  await app.press('esc'); // clear the kept filter
  await app.waitFor((s) => /legacy-siem/.test(s), 'every deployment listed again');
  await app.press('/');
  await app.type('legacy');
  await app.waitForText('/legacy');
  await app.press('enter');
  await app.waitFor((s) => !/keep filter/.test(s), 'the list to take the keyboard back from the filter');
  await app.press('enter');
  const siem = await app.waitFor(
    (s) => /Deployment: legacy-siem/.test(s) && /Health\s+✗ unhealthy: elasticsearch/.test(s),
    'the unhealthy deployment',
  );
  expect(siem).toMatch(/Version\s+7\.17\.24/);
});
