/**
 * Scenario 6, the incident: the "Grafana dashboards" keys leaked. From a cold start, `ec-access keys --filter
 * grafana`, `a` marks every match, `d` asks for the typed confirmation `revoke 2` (nothing is sent before it
 * matches), enter revokes both in one request. The result is reported per key, the list no longer shows them,
 * the sandbox no longer has them (`ec-access keys list` on the same state file), and the audit trail
 * (`ec-access audit --json`) holds the DELETE and its verification.
 */
import { afterEach, expect, it } from 'vitest';
import { z } from 'zod';
import { AuditEntry } from '../../src/audit/entry.js';
import { KeysDoc } from '../support/cli-docs.js';
import { waitForList } from './app-screen.js';
import { runCommand, SANDBOX_STATE } from './commands.js';
import { closeAll, launch } from './harness.js';
import { previewedRequests } from '../support/request-preview.js';

afterEach(closeAll);

const LEAKED = 'Grafana dashboards';

it(`revokes every "${LEAKED}" key from a cold start with a handful of keys`, async () => {
  const app = await launch({
    cols: 120,
    rows: 40,
    args: ['keys', '--filter', 'grafana'],
    env: { EC_SANDBOX_STATE: SANDBOX_STATE },
  });
  const filtered = await waitForList(app, 'Keys');
  expect(filtered).toMatch(/Keys\[2\/\d+\].*\/grafana/);
  const total = Number(/Keys\[2\/(\d+)\]/.exec(filtered)![1]);

  await app.press('a');
  await app.waitForText('2 marked');
  await app.press('d');
  const confirm = await app.waitForText('Type revoke 2 to confirm');
  // Both keys by id, and the one request that will revoke them.
  const ids = [...confirm.matchAll(new RegExp(`${LEAKED} {2}(\\S{20}) `, 'g'))].map((m) => m[1]!);
  expect(ids).toHaveLength(2);
  const [request, ...others] = previewedRequests(confirm);
  expect(others).toEqual([]);
  expect(request).toMatchObject({ method: 'DELETE', body: { keys: ids } });
  expect(request!.url).toMatch(/\/api\/v1\/users\/auth\/keys$/);

  // A near miss keeps it locked; enter then sends nothing.
  await app.type('revoke');
  await app.waitForText('locked until the text matches');
  await app.press('enter');
  await app.waitForText('Type revoke 2 to confirm');
  await app.type(' 2');
  await app.waitForText('unlocked: enter sends it');
  await app.press('enter');

  const result = await app.waitForText('Done: above is what the re-read shows.');
  for (const id of ids) expect(result).toMatch(new RegExp(`revoked +${LEAKED} \\(${id}\\)`));
  await app.press('enter');
  const after = await app.waitForText('Revoked 2 keys (verified)');
  expect(after).toMatch(new RegExp(`Keys\\[0/${total - 2}\\]`));
  expect(after).toContain('No matches for "grafana"');

  await app.press('q');
  expect(await app.exit()).toBe(0);

  const [keys, audit] = await Promise.all([
    runCommand(app, ['keys', 'list', '--json']),
    runCommand(app, ['audit', '--json']),
  ]);
  expect(keys.code, keys.stderr).toBe(0);
  const { keys: remaining, project_keys } = keys.doc(KeysDoc);
  // The list counts both layers: Cloud keys and the projects' own keys.
  expect(remaining.length + project_keys.length).toBe(total - 2);
  expect(remaining.filter((k) => ids.includes(k.id) || k.description === LEAKED)).toEqual([]);

  expect(audit.code, audit.stderr).toBe(0);
  const entries = audit.doc(z.array(AuditEntry));
  const write = entries.find((e) => e.type === 'write');
  expect(entries).toHaveLength(2);
  expect(write).toMatchObject({
    mode: 'sandbox',
    method: 'DELETE',
    path: '/users/auth/keys',
    status: 200,
    outcome: 'done',
    body: { keys: ids },
  });
  expect(entries.find((e) => e.type === 'verify')).toMatchObject({ ref: write!.id, result: 'confirmed' });
});
