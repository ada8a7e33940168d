/**
 * Scenario 5: a CI key for one project, with stack access (application_roles: developer). After the exact request
 * is previewed and sent, the one-time secret panel takes over: the value is masked, `v` reveals and hides it,
 * and the panel closes only after the typed acknowledgement. The key is then in the list.
 *
 * The secret must never reach the terminal except while revealed: every frame the app wrote before `v` and after
 * the second `v` is searched for it, and so is every file the session left (state file, audit trail). The value
 * shown is the real one: its sha256 is what the sandbox stored for the new key.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { z } from 'zod';
import { choose, projectIdOnScreen, reviewRequests, tick, typeAndEnter, waitForList } from '../e2e/app-screen.js';
import { stringMatching } from '../support/matchers.js';
import { parseAs } from '../support/json.js';
import { SANDBOX_STATE, startScenario, stopScenariosAfterEach } from './app.js';

stopScenariosAfterEach();

const DESCRIPTION = 'CI deploy - search-prod';
const PROJECT = 'search-prod';
const MASKED = /Value {3}(essu_•+\S*) {3}\(masked: v reveals it\)/;
const REVEALED = /Value {3}(\S+) {3}\(revealed: v hides it\)/;
/** The keys in the sandbox's state file (src/sandbox/persist.ts), the fields this test reads. */
const StoredKeys = z.looseObject({
  data: z.looseObject({ keys: z.array(z.looseObject({ id: z.string(), secret_sha256: z.string() })) }),
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)],
  );
}

it('creates a project key with stack access, shows its secret only when revealed, and lists it', async () => {
  const { app: session, screen: app } = await startScenario(120, 50);
  const rawOutput = () => session.frames.join('');
  await waitForList(app, 'Members');
  await app.press('4');
  await waitForList(app, 'Keys');

  await app.press('n');
  await app.waitForText('What is the key for?');
  await typeAndEnter(app, DESCRIPTION);
  await app.waitForText('Expiration');
  await choose(app, '30d');
  await choose(app, 'Chosen projects');
  await tick(app, PROJECT);
  const projectId = projectIdOnScreen(app, PROJECT);
  await app.press('enter');
  await app.waitForText('Cloud role on those projects');
  await choose(app, 'Developer');
  await app.waitForText('Stack access (application_roles)');
  await tick(app, 'developer');
  await app.waitFor((s) => !s.includes('Cloud-only key'), 'the Cloud-only warning gone');
  await app.press('enter');

  const [request, ...others] = await reviewRequests(app);
  expect(others).toEqual([]);
  expect(request?.method).toBe('POST');
  expect(request?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1\/users\/auth\/keys$/);
  const grant = {
    role_id: 'elasticsearch-developer',
    all: false,
    project_ids: [projectId],
    application_roles: ['developer'],
  };
  expect(request?.body).toEqual({
    description: DESCRIPTION,
    expiration: '30d',
    role_assignments: { project: { elasticsearch: [{ ...grant, organization_id: stringMatching(/^\d+$/) }] } },
  });

  await app.press('enter');
  const panel = await app.waitForText(/Value {3}essu_•/);
  expect(panel).toContain(`New API key: ${DESCRIPTION}`);
  expect(panel).toContain("This is the only time this key's value is shown");
  expect(panel).toMatch(new RegExp(`The key list now shows "${DESCRIPTION}" \\(\\S+\\) with the chosen roles`));
  const keyId = new RegExp(`Key {5}${DESCRIPTION} {2}\\((\\S+)\\)`).exec(panel)?.[1];
  expect(keyId).toBeDefined();
  const masked = MASKED.exec(panel)![1]!;

  const beforeReveal = rawOutput().length;
  await app.press('v');
  const secret = REVEALED.exec(await app.waitForText(REVEALED))![1]!;
  expect(secret).toMatch(/^essu_[A-Za-z0-9_-]{20,}$/);
  expect(secret.endsWith(masked.replace(/^essu_•+/, ''))).toBe(true);
  await app.press('v');
  await app.waitForText(MASKED);
  const afterHide = rawOutput().length;

  // Closing needs the typed word; enter alone only asks.
  await app.press('enter');
  await app.waitForText('Type saved and press enter to close');
  await app.type('saved');
  await app.press('enter');
  const list = await app.waitFor(
    (s) => s.includes(`Closed the key value of "${DESCRIPTION}"`) && /Keys\[\d+\]/.test(s),
    'the panel to close onto the key list',
  );
  const row = list.split('\n').find((l) => l.includes(DESCRIPTION));
  expect(row, 'the new key is in the list').toBeDefined();
  expect(row).toMatch(/es:developer\(1\)/);
  expect(row).toMatch(/Cloud\+ES/);

  // Only the frames drawn while revealed carried the value.
  const raw = rawOutput();
  expect(raw.slice(beforeReveal, afterHide)).toContain(secret);
  expect(raw.slice(0, beforeReveal).includes(secret), 'the secret was written before v').toBe(false);
  expect(raw.slice(afterHide).includes(secret), 'the secret was written after it was hidden').toBe(false);

  // No file the session wrote holds it; the sandbox keeps its hash, and that hash is of the value shown.
  const files = filesUnder(session.env.home);
  expect(files.map((f) => f.slice(f.lastIndexOf('/') + 1))).toEqual(
    expect.arrayContaining([SANDBOX_STATE, 'audit.jsonl']),
  );
  expect(files.filter((f) => readFileSync(f, 'utf8').includes(secret))).toEqual([]);
  const state = parseAs(StoredKeys, JSON.parse(readFileSync(join(session.env.home, SANDBOX_STATE), 'utf8')), 'state');
  const stored = state.data.keys.find((k) => k.id === keyId);
  expect(stored?.secret_sha256).toBe(createHash('sha256').update(secret).digest('hex'));

  // And the key, as the API lists it: without its value.
  const keys = await session.cloud.listApiKeys();
  expect(JSON.stringify(keys)).not.toContain(secret);
  const key = keys.find((k) => k.id === keyId);
  expect(key).toMatchObject({ description: DESCRIPTION });
  expect(key?.role_assignments?.project?.elasticsearch).toEqual([expect.objectContaining(grant)]);
});
