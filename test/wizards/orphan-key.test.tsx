/**
 * A created key whose value never arrived: the create got a 503 after the sandbox made the key, the re-read found
 * it, so it exists but nobody has its value. The TUI says so plainly, shows no secret panel, and `r` opens the
 * orphan's typed revocation over a fresh wizard with the same answers.
 */
import { afterEach, expect, it } from 'vitest';
import { orphanMessage } from '../../src/domain/plan.js';
import { KEY, startWizardApp, type WizardApp } from './harness.js';

let app: WizardApp | undefined;
afterEach(async () => {
  await app?.stop();
  app = undefined;
});

const DESCRIPTION = 'Orphan pipeline';

it('says the value never arrived, and r revokes the orphan (typed) and reopens the wizard', async () => {
  app = await startWizardApp({ screen: 'keys' });
  await app.waitFor('Grafana dashboards');
  await app.fault({ kind: 'status', method: 'POST', path: '/api/v1/users/auth/keys', status: 503, when: 'after' });
  await app.press('n');
  await app.waitFor('What is the key for?');
  await app.type(DESCRIPTION);
  await app.press(KEY.enter);
  await app.pointAt('30d');
  await app.press(KEY.enter);
  await app.pointAt('Chosen projects');
  await app.press(KEY.enter);
  await app.pointAt('search-staging');
  await app.press(KEY.space, KEY.enter);
  await app.pointAt('Developer');
  await app.press(KEY.enter);
  await app.waitFor('Cloud-only key: no stack access');
  await app.press(KEY.enter);
  await app.waitFor('nothing is sent until you press enter');
  await app.press(KEY.enter);

  await app.waitFor('value never arrived');
  const orphans = (await app.cloud.listApiKeys()).filter((k) => k.description === DESCRIPTION);
  expect(orphans).toHaveLength(1);
  const id = orphans[0]!.id;
  await app.waitFor(`r revoke the orphan ${id} and create a new one`);
  expect(app.text()).toContain(orphanMessage([id]));
  expect(orphanMessage([id])).toBe(
    `API key ${id} was created, but the value never arrived, so nothing can use it. Revoke it and create a new one.`,
  );
  expect(app.text()).not.toContain('This is the only time');
  expect(app.text()).not.toContain('Done.');

  await app.press('r');
  await app.waitFor(`Type ${DESCRIPTION} to confirm`);
  expect(app.frame()).toContain('DELETE http://127.0.0.1');
  await app.type(DESCRIPTION);
  await app.waitFor('unlocked: enter sends it');
  await app.press(KEY.enter);
  await app.waitFor('Result, key by key');
  expect(app.frame()).toMatch(/✓ revoked/);
  await app.press(KEY.enter);

  // Under the revocation, a new wizard with the same answers.
  await app.waitFor('What is the key for?');
  expect(app.frame()).toContain(DESCRIPTION);
  expect((await app.cloud.listApiKeys()).filter((k) => k.description === DESCRIPTION)).toEqual([]);
  const writes = await app.writes();
  expect(writes.map((w) => `${w.method} ${w.url}`)).toEqual([
    'POST /api/v1/users/auth/keys',
    'DELETE /api/v1/users/auth/keys',
  ]);
  expect(JSON.parse(writes[1]!.body!)).toEqual({ keys: [id] });
});
