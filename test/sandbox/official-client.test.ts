/**
 * The sandbox as the official Elasticsearch client sees it (`@elastic/elasticsearch` 9.x in Serverless mode, the
 * way users point it at a project endpoint with a unified Cloud key), on each project type, with request and
 * response compression on (the client's Serverless default) and off. The client checks `x-elastic-product`, so a
 * missing header fails every call here.
 */
import { Client, errors } from '@elastic/elasticsearch';
import { afterAll, describe, expect, it } from 'vitest';
import type { Project } from '../../src/api/schemas.js';
import type { RunningSandbox } from '../../src/sandbox/index.js';
import { withSandbox, projectNamed } from './helpers.js';

let sb: RunningSandbox;
const projects: Record<string, Project> = {};
withSandbox('file', async (started) => {
  sb = started;
  for (const name of ['search-prod', 'obs-prod', 'soc-main']) projects[name] = await projectNamed(sb, name);
});

const clients: Client[] = [];
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
});

/** A client on the project's endpoint, and the content codings of every request body and response it saw. */
function clientFor(project: Project, compression: boolean) {
  const client = new Client({
    node: project.endpoints.elasticsearch,
    auth: { apiKey: sb.ownerKey },
    serverMode: 'serverless',
    compression,
    maxRetries: 0,
  });
  clients.push(client);
  const seen: Array<{ request?: string; response?: string }> = [];
  client.diagnostic.on('response', (_error, result) => {
    const requestHeaders = result?.meta.request.params.headers ?? {};
    seen.push({
      request: requestHeaders['content-encoding'],
      response: result?.headers?.['content-encoding'],
    });
  });
  return { client, seen };
}

/** The ResponseError a call ends with. */
async function refusal(promise: Promise<unknown>): Promise<errors.ResponseError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof errors.ResponseError)) throw new Error('expected an Elasticsearch error answer');
  return error;
}

describe.each([
  ['search-prod', true],
  ['search-prod', false],
  ['obs-prod', true],
  ['obs-prod', false],
  ['soc-main', true],
  ['soc-main', false],
])('official client on %s, compression %s', (name, compression) => {
  it('reads cluster info, pings and authenticates', async () => {
    const project = projects[name]!;
    const { client, seen } = clientFor(project, compression);
    const info = await client.info();
    expect(info.version.build_flavor).toBe('serverless');
    expect(info.tagline).toBe('You Know, for Search');
    expect(info.cluster_name).toBe(project.id);
    expect(await client.ping()).toBe(true);
    const me = await client.security.authenticate();
    expect(me.authentication_type).toBe('api_key');
    expect(me.api_key).toEqual({ id: sb.ownerKeyId, name: 'ec-access sandbox (owner)', managed_by: 'cloud' });
    expect(me.roles).toEqual(['admin']);
    // HEAD has no body to compress; the GETs' answers are compressed exactly when the client asked.
    expect(seen.filter((s) => s.response !== undefined).length > 0).toBe(compression);
  });

  it('puts, gets, queries and deletes a role', async () => {
    const { client, seen } = clientFor(projects[name]!, compression);
    const role = `contract-${compression ? 'gz' : 'plain'}`;
    const put = await client.security.putRole({
      name: role,
      cluster: ['monitor'],
      indices: [{ names: ['logs-*'], privileges: ['read', 'view_index_metadata'] }],
      description: 'contract test role',
      metadata: { suite: 'official-client' },
    });
    expect(put.role.created).toBe(true);
    // The PUT body went out gzipped when compression is on (the client's Serverless default).
    expect(seen.at(-1)?.request).toBe(compression ? 'gzip' : undefined);

    const got = await client.security.getRole({ name: role });
    expect(got[role]?.indices[0]?.names).toEqual(['logs-*']);

    const found = await client.security.queryRole({
      query: { bool: { must: [{ term: { 'metadata.suite': 'official-client' } }, { prefix: { name: 'contract-' } }] } },
      sort: ['name'],
    });
    expect(found.roles.map((r) => r.name)).toEqual([role]);
    expect(found.roles[0]?._sort).toEqual([role]);
    expect(found.total).toBe(1);

    const refused = await refusal(client.security.putRole({ name: `${role}-bad`, cluster: ['monitr'] }));
    expect(refused.statusCode).toBe(400);
    expect(JSON.stringify(refused.meta.body)).toMatch(
      /"reason":"Validation Failed: 1: unknown cluster privilege \[monitr\]/,
    );

    expect((await client.security.deleteRole({ name: role })).found).toBe(true);
    expect((await refusal(client.security.getRole({ name: role }))).statusCode).toBe(404);
  });
});
