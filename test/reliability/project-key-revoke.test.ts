/**
 * Revoking a project (Elasticsearch) API key when the invalidation's answer is lost: sandbox faults on
 * `DELETE /_security/api_key` (src/sandbox/faults.ts), and `keys revoke` must settle the outcome by re-reading the
 * key, as a Cloud revoke does. After the change (503, reset, unreadable answer): revoked. Before it: failed, and
 * known to have changed nothing. The re-read failing too: still unknown, exit 4, said plainly. Each case checks the
 * JSON, the exit code, the audit trail and what the project really holds.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { z } from 'zod';
import { readAuditEntries, type AuditVerifyEntry, type AuditWriteEntry } from '../../src/audit/index.js';
import { EXIT_FAILURE, EXIT_OK, EXIT_UNKNOWN } from '../../src/cli/exit-codes.js';
import { startHarness, type Harness } from '../cli-commands/harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.stop();
});

const Listed = z.object({
  project_keys: z.array(z.object({ id: z.string(), name: z.string().nullable(), project_id: z.string() })),
});
const Revoked = z.object({
  complete: z.boolean(),
  maybe_active: z.array(z.string()),
  still_active: z.array(z.string()),
  results: z.array(
    z.object({
      id: z.string(),
      layer: z.literal('project'),
      status: z.enum(['revoked', 'already-gone', 'failed', 'unknown']),
      outcome: z.enum(['done', 'failed', 'unknown']),
      reason: z.string().nullable(),
    }),
  ),
});
const Keys = z.object({ api_keys: z.array(z.object({ id: z.string(), invalidated: z.boolean() })) });

async function target() {
  const listed = (await h.run(['keys', 'list'])).doc(Listed).project_keys;
  return listed.find((k) => k.name === 'logstash-ingest')!;
}

/** Whether the project holds the key invalidated, read on a clean line (no fault left). */
async function invalidated(projectId: string, id: string): Promise<boolean> {
  const response = await fetch(`${h.sandbox.baseUrl}/_es/${projectId}/_security/api_key?id=${id}`, {
    headers: { authorization: `ApiKey ${h.sandbox.ownerKey}` },
  });
  return Keys.parse(await response.json()).api_keys[0]!.invalidated;
}

function audit() {
  const entries = readAuditEntries({ env: { HOME: h.dir, XDG_STATE_HOME: join(h.dir, 'state') } });
  const writes = entries.filter((e): e is AuditWriteEntry => e.type === 'write' && e.service === 'es');
  const verifies = entries.filter((e): e is AuditVerifyEntry => e.type === 'verify' && e.service === 'es');
  return { writes, verifies };
}

const deleteFault = (projectId: string, fault: object) => ({
  method: 'DELETE',
  path: `/_es/${projectId}/_security/api_key`,
  // Every attempt (a DELETE is retried on 503 and resets) meets it, so the answer stays lost.
  times: 3,
  ...fault,
});

const revoke = (id: string) => h.run(['keys', 'revoke', '--ids', id, '--yes']);

it.each([
  ['503 after the change', { kind: 'status', status: 503, when: 'after' }],
  ['reset after the change', { kind: 'reset', when: 'after' }],
  ['an unreadable answer after the change', { kind: 'garble', status: 200, when: 'after' }],
])('%s: the re-read settles it as revoked (exit 0, audit confirmed)', async (_name, fault) => {
  const key = await target();
  await h.control('POST', '/faults', deleteFault(key.project_id, fault));

  const r = await revoke(key.id);
  expect(r.code, r.stderr).toBe(EXIT_OK);
  const doc = r.doc(Revoked);
  expect(doc.results).toEqual([expect.objectContaining({ id: key.id, status: 'revoked', outcome: 'done' }) as unknown]);
  expect(doc.results[0]!.reason).toMatch(/re-read shows the key invalidated/);
  expect(doc).toMatchObject({ complete: true, maybe_active: [], still_active: [] });

  const { writes, verifies } = audit();
  expect(writes.at(-1)).toMatchObject({ method: 'DELETE', outcome: 'unknown' });
  expect(verifies).toEqual([expect.objectContaining({ result: 'confirmed', ref: writes.at(-1)!.id }) as unknown]);
  expect(await invalidated(key.project_id, key.id)).toBe(true);
});

it.each([
  ['503 before the change', { kind: 'status', status: 503 }],
  ['reset before the change', { kind: 'reset' }],
])('%s: the re-read shows the key still active, so it failed and nothing changed (exit 1)', async (_name, fault) => {
  const key = await target();
  await h.control('POST', '/faults', deleteFault(key.project_id, fault));

  const r = await revoke(key.id);
  expect(r.code, r.stderr).toBe(EXIT_FAILURE);
  const doc = r.doc(Revoked);
  expect(doc.results[0]).toMatchObject({ id: key.id, status: 'failed', outcome: 'failed' });
  expect(doc.results[0]!.reason).toMatch(/still active: nothing changed/);
  expect(doc).toMatchObject({ complete: false, still_active: [key.id], maybe_active: [] });
  expect(r.stderr).toContain(`${key.id} (search-prod): failed`);

  const { writes, verifies } = audit();
  expect(writes.at(-1)).toMatchObject({ method: 'DELETE', outcome: 'unknown' });
  expect(verifies).toEqual([expect.objectContaining({ result: 'not-applied', ref: writes.at(-1)!.id }) as unknown]);
  expect(await invalidated(key.project_id, key.id)).toBe(false);
});

it('the re-read failing too leaves it unknown: exit 4, "could not be confirmed", no verify line', async () => {
  const key = await target();
  await h.control('POST', '/faults', deleteFault(key.project_id, { kind: 'status', status: 503, when: 'after' }));
  // Only the re-read of this key (`?id=`), not the listing the command starts with.
  await h.control('POST', '/faults', {
    kind: 'status',
    status: 500,
    method: 'GET',
    path: `/_es/${key.project_id}/_security/api_key`,
    query: { id: key.id },
    times: 5,
  });

  const r = await revoke(key.id);
  expect(r.code, r.stderr).toBe(EXIT_UNKNOWN);
  const doc = r.doc(Revoked);
  expect(doc.results[0]).toMatchObject({ id: key.id, status: 'unknown', outcome: 'unknown' });
  expect(doc.results[0]!.reason).toMatch(/could not be confirmed/);
  expect(doc.results[0]!.reason).not.toMatch(/nothing changed/);
  expect(doc).toMatchObject({ complete: false, maybe_active: [key.id], still_active: [] });

  const { writes, verifies } = audit();
  expect(writes.at(-1)).toMatchObject({ method: 'DELETE', outcome: 'unknown' });
  expect(verifies).toEqual([]);
  // The re-read was tried: the sandbox saw it.
  const rereads = (await h.requests()).filter((q) => q.method === 'GET' && q.url.includes(`api_key?id=${key.id}`));
  expect(rereads.length).toBeGreaterThan(0);
  // The change was in fact made: "unknown" was the honest answer, not "failed".
  await h.control('DELETE', '/faults');
  expect(await invalidated(key.project_id, key.id)).toBe(true);
});
