/**
 * `L` opens the audit trail on the organization in use: the trail is one file for every session on the machine,
 * so writes made to another organization are counted but not listed until `a` asks for all of them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { auditPath } from '../../src/audit/index.js';
import type { AuditWriteEntry } from '../../src/audit/entry.js';
import { waitForList } from './app-screen.js';
import { closeAll, launch } from './harness.js';

afterEach(closeAll);

function write(organizationId: string, path: string): AuditWriteEntry {
  return {
    type: 'write',
    id: `w-${path}`,
    time: '2026-12-01T10:00:00.000Z',
    organizationId,
    mode: 'sandbox',
    method: 'DELETE',
    path,
    service: 'cloud',
    url: `http://127.0.0.1:1${path}`,
    summary: 'test entry',
    status: 200,
    outcome: 'done',
    durationMs: 5,
  };
}

it('shows the current organization by default, and every organization on a', async () => {
  const app = await launch({ cols: 80, rows: 24 });
  const screen = await waitForList(app, 'Members');
  const orgId = /Acme Analytics \((\d+)\)/.exec(screen)![1]!;
  const file = auditPath(app.env);
  mkdirSync(dirname(file), { recursive: true });
  const entries = [write(orgId, '/users/auth/keys/ours'), write('999000111', '/users/auth/keys/theirs')];
  writeFileSync(file, entries.map((e) => JSON.stringify(e) + '\n').join(''), { mode: 0o600 });

  await app.press('L');
  const mine = await app.waitForText('Audit trail');
  expect(mine).toContain(`Acme Analytics (${orgId}), 1 elsewhere: a shows all · 1 entry`);
  expect(mine).toContain('/users/auth/keys/ours');
  expect(mine).not.toContain('/users/auth/keys/theirs');

  await app.press('a');
  const all = await app.waitForText('all organizations · 2 entries');
  expect(all).toContain('/users/auth/keys/ours');
  expect(all).toContain('/users/auth/keys/theirs');
});
