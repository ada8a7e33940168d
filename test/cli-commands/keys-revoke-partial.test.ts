/**
 * `keys revoke` across both layers when one project fails: the Cloud request and the other project's go through,
 * the failing project answers 500, and the result is told key by key (revoked, already invalidated, failed on a
 * refusal, and a 500 settled by re-reading the key: still active, so failed) with exit 3 (partial: some done, some
 * not), never "all revoked", and "nothing changed" only once the re-read showed it.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { z } from 'zod';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.stop();
});

const Created = z.object({ results: z.array(z.object({ result: z.object({ id: z.string() }) })) });
const Listed = z.object({
  project_keys: z.array(
    z.object({ id: z.string(), name: z.string().nullable(), project_id: z.string(), project_name: z.string() }),
  ),
});
const Revoked = z.object({
  schema: z.literal('ec-access/revoke@1'),
  complete: z.boolean(),
  results: z.array(
    z.object({
      id: z.string(),
      layer: z.enum(['cloud', 'project']),
      project_name: z.string().nullable(),
      status: z.string(),
      outcome: z.enum(['done', 'failed', 'unknown']),
      reason: z.string().nullable().optional(),
    }),
  ),
});
const Invalidated = z.object({ api_keys: z.array(z.object({ id: z.string(), invalidated: z.boolean() })) });

/** A project's keys as its Elasticsearch lists them (invalidated ones included). */
async function keysIn(projectId: string, query: string) {
  const response = await fetch(`${h.sandbox.baseUrl}/_es/${projectId}/_security/api_key?${query}`, {
    headers: { authorization: `ApiKey ${h.sandbox.ownerKey}` },
  });
  return Invalidated.parse(await response.json()).api_keys;
}

it('one project answering 500 (settled by re-reading), another 403: results key by key, already invalidated too', async () => {
  const cloudId = (
    await h.run(['keys', 'create', '--description', 'tmp-cloud', '--expiration', '1d', '--scope', 'org'])
  ).doc(Created).results[0]!.result.id;
  const listed = (await h.run(['keys', 'list'])).doc(Listed).project_keys;
  const key = (name: string, project: string) => listed.find((k) => k.name === name && k.project_name === project)!;
  const ingest = key('logstash-ingest', 'search-prod');
  // Invalidated a month ago: not listed, so read straight from its project.
  const rotated = (await keysIn(ingest.project_id, 'name=old-ingest%20(rotated)'))[0]!;
  const shipper = key('metrics-shipper', 'obs-prod');
  const devShipper = key('metrics-shipper', 'obs-dev');
  // A refusal (4xx) is a known failure: nothing changed there.
  await h.control('POST', '/faults', {
    kind: 'status',
    method: 'DELETE',
    path: `/_es/${devShipper.project_id}/_security/api_key`,
    status: 403,
  });
  await h.control('POST', '/faults', {
    kind: 'status',
    method: 'DELETE',
    path: `/_es/${shipper.project_id}/_security/api_key`,
    status: 500,
  });

  const r = await h.run([
    'keys',
    'revoke',
    '--ids',
    [cloudId, ingest.id, rotated.id, shipper.id, devShipper.id].join(','),
    '--yes',
  ]);
  expect(r.code, r.stderr).toBe(3);
  const doc = r.doc(Revoked);
  expect(doc.complete).toBe(false);
  const byId = new Map(doc.results.map((x) => [x.id, x]));
  expect(byId.get(cloudId)).toMatchObject({ layer: 'cloud', status: 'revoked' });
  expect(byId.get(ingest.id)).toMatchObject({ layer: 'project', project_name: 'search-prod', status: 'revoked' });
  expect(byId.get(rotated.id)).toMatchObject({ status: 'already-gone', reason: 'already invalidated' });
  expect(byId.get(shipper.id)).toMatchObject({ layer: 'project', project_name: 'obs-prod' });
  // A 500 leaves the outcome unknown on the wire (the project may have acted before failing); re-reading the key
  // settles it: still active, so the invalidation failed and nothing changed.
  expect(byId.get(shipper.id)).toMatchObject({ status: 'failed', outcome: 'failed' });
  expect(byId.get(shipper.id)!.reason).toMatch(/500|server/i);
  expect(byId.get(shipper.id)!.reason).toMatch(/still active: nothing changed/);

  expect(byId.get(devShipper.id)).toMatchObject({ layer: 'project', project_name: 'obs-dev', status: 'failed' });

  // What the projects hold now agrees with the report: the failed key still works, the revoked one does not.
  const read = async (projectId: string, id: string) => (await keysIn(projectId, `id=${id}`))[0]!.invalidated;
  expect(await read(shipper.project_id, shipper.id)).toBe(false);
  expect(await read(devShipper.project_id, devShipper.id)).toBe(false);
  expect(await read(ingest.project_id, ingest.id)).toBe(true);
});
