/**
 * Where the sandbox must answer as the real services do (issue 16): the project endpoint's root, content codings
 * both ways, unknown privilege names, `_query/role`, the documented 400 code of key creation, and bare project
 * role ids (accepted with a Warning, refused with --strict). Raw HTTP, so headers and bytes are what was sent.
 */
import { request } from 'node:http';
import { deflateSync, gunzipSync, gzipSync, inflateSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CloudErrorEnvelope, CreatedApiKey, Role, RoleMap, type Project } from '../../src/api/schemas.js';
import type { RunningSandbox } from '../../src/sandbox/index.js';
import { anyOf, objectContaining, stringMatching } from '../support/matchers.js';
import { RequestLog } from '../support/request-log.js';
import { cloudErrorCode, esError, esErrorType } from './answers.js';
import { withSandbox, call, makeKey, projectNamed, start } from './helpers.js';

let sb: RunningSandbox;
let prod: Project;
withSandbox('each', async (started) => {
  sb = started;
  prod = await projectNamed(sb, 'search-prod');
});

interface Raw {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  /** As received, before any decoding. */
  readonly bytes: Buffer;
}

function raw(
  method: string,
  path: string,
  options: { body?: Buffer | string; headers?: Record<string, string>; key?: string | null } = {},
): Promise<Raw> {
  const key = options.key === undefined ? sb.ownerKey : options.key;
  return new Promise((resolve, reject) => {
    const req = request(
      `${sb.baseUrl}${path}`,
      {
        method,
        headers: {
          ...(key !== null ? { authorization: `ApiKey ${key}` } : {}),
          ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...options.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes: Buffer.concat(chunks) }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const json = (bytes: Buffer): unknown => JSON.parse(bytes.toString('utf8'));
const es = (path: string) => `/_es/${prod.id}${path}`;

/**
 * `_security/_query/role`: a page of custom roles by name (with `_sort` when sorted), how many matched and how many
 * this page holds.
 */
const RoleQuery = z.looseObject({
  total: z.number(),
  count: z.number(),
  roles: z.array(Role.extend({ name: z.string(), _sort: z.array(z.unknown()).optional() })),
});

describe('the project endpoint root', () => {
  it('answers GET / with Serverless cluster info and x-elastic-product', async () => {
    const answer = await raw('GET', es('/'));
    expect(answer.status).toBe(200);
    expect(answer.headers['x-elastic-product']).toBe('Elasticsearch');
    expect(json(answer.bytes)).toEqual({
      name: 'serverless',
      cluster_name: prod.id,
      cluster_uuid: stringMatching(/^[\w-]{22}$/),
      version: objectContaining({ number: anyOf(String), build_flavor: 'serverless' }),
      tagline: 'You Know, for Search',
    });
    expect((await raw('GET', es(''))).status).toBe(200);
  });

  it('answers HEAD / with 200 and no body, and refuses both without a key or without roles there', async () => {
    const head = await raw('HEAD', es(''));
    expect([head.status, head.bytes.length, head.headers['x-elastic-product']]).toEqual([200, 0, 'Elasticsearch']);
    expect((await raw('HEAD', es(''), { key: null })).status).toBe(401);
    const { key } = await makeKey(sb, { organization: [{ role_id: 'billing-admin' }] });
    const cloudOnly = await call(sb, 'GET', es('/'), { key });
    expect([cloudOnly.status, esErrorType(cloudOnly)]).toEqual([403, 'security_exception']);
  });
});

describe('content codings', () => {
  const ROLE = JSON.stringify({ cluster: ['monitor'], indices: [{ names: ['a-*'], privileges: ['read'] }] });

  it.each([
    ['gzip', gzipSync],
    ['deflate', deflateSync],
  ])('reads a %s request body', async (coding, encode) => {
    const answer = await raw('PUT', es('/_security/role/zipped'), {
      body: encode(ROLE),
      headers: { 'content-encoding': coding },
    });
    expect(answer.status).toBe(200);
    expect(json(answer.bytes)).toEqual({ role: { created: true } });
    const read = await call(sb, 'GET', es('/_security/role/zipped'));
    expect(read.as(RoleMap).zipped?.cluster).toEqual(['monitor']);
  });

  it('refuses a body that does not decompress, an unknown coding, and one that expands past the limit', async () => {
    const broken = await raw('PUT', es('/_security/role/x'), {
      body: 'not gzip',
      headers: { 'content-encoding': 'gzip' },
    });
    expect(broken.status).toBe(400);
    expect(json(broken.bytes)).toMatchObject({ error: { type: 'parse_exception' } });
    const unknown = await raw('POST', '/api/v1/users/auth/keys', { body: ROLE, headers: { 'content-encoding': 'br' } });
    expect(unknown.status).toBe(415);
    const bomb = await raw('PUT', es('/_security/role/x'), {
      body: gzipSync(Buffer.alloc(11 * 1024 * 1024, 0x20)),
      headers: { 'content-encoding': 'gzip' },
    });
    expect(bomb.status).toBe(413);
  });

  it('compresses answers the client accepts, preferring gzip, and nothing else', async () => {
    const gz = await raw('GET', es('/_security/role'), { headers: { 'accept-encoding': 'deflate, gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers.vary).toBe('accept-encoding');
    expect(Number(gz.headers['content-length'])).toBe(gz.bytes.length);
    expect(json(gunzipSync(gz.bytes))).toHaveProperty('admin');
    const deflated = await raw('GET', '/api/v1/users/auth/keys', {
      headers: { 'accept-encoding': 'gzip;q=0, deflate' },
    });
    expect(deflated.headers['content-encoding']).toBe('deflate');
    expect(json(inflateSync(deflated.bytes))).toHaveProperty('keys');
    const plain = await raw('GET', '/api/v1/users/auth/keys', { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(json(plain.bytes)).toHaveProperty('keys');
  });
});

describe('privilege names', () => {
  it('refuses unknown cluster and index privileges with Elasticsearch reasons, in its order', async () => {
    const answer = await call(sb, 'PUT', es('/_security/role/typos'), {
      body: { cluster: ['monitr', 'monitor'], indices: [{ names: ['a'], privileges: ['read', 'raed', 'wirte'] }] },
    });
    expect(answer.status).toBe(400);
    expect(esErrorType(answer)).toBe('action_request_validation_exception');
    expect(esError(answer).reason).toMatch(
      /^Validation Failed: 1: unknown cluster privilege \[monitr\]\. a privilege must be either one of the predefined cluster privilege names \[all,cancel_task,.*\] or a pattern over one of the available cluster actions;2: unknown index privilege \[raed\]\. a privilege must be either one of the predefined fixed indices privileges \[.*\] or a pattern over one of the available index actions;$/,
    );
    expect((await call(sb, 'GET', es('/_security/role/typos'))).status).toBe(404);
  });

  it('accepts action patterns and names in any case', async () => {
    const body = {
      cluster: ['cluster:monitor/main', 'MONITOR'],
      indices: [{ names: ['a'], privileges: ['indices:data/read/*'] }],
    };
    expect((await call(sb, 'PUT', es('/_security/role/patterns'), { body })).status).toBe(200);
  });
});

describe('_security/_query/role', () => {
  const put = (name: string, body: object) => call(sb, 'PUT', es(`/_security/role/${name}`), { body });

  it('finds custom roles only, filters, sorts, pages and continues with search_after', async () => {
    await put('q-alpha', { description: 'User access for alpha', metadata: { team: 'a', level: 1 } });
    await put('q-beta', { description: 'Admin access', metadata: { team: 'b' } });
    await put('q-gamma', {
      description: 'user access too',
      applications: [{ application: 'kibana-.kibana', privileges: ['read'], resources: ['*'] }],
    });
    const all = await call(sb, 'POST', es('/_security/_query/role'), { body: { size: 100 } });
    expect(all.status).toBe(200);
    const { roles } = all.as(RoleQuery);
    expect(roles.map((r) => r.name)).not.toContain('admin');
    expect(roles.every((r) => r._sort === undefined)).toBe(true);

    const q = (body: object) => call(sb, 'POST', es('/_security/_query/role'), { body }).then((a) => a.as(RoleQuery));
    const match = await q({
      query: { match: { description: { query: 'user access', operator: 'and' } } },
      sort: ['name'],
    });
    expect(match.roles.map((r) => r.name)).toEqual(['q-alpha', 'q-gamma']);
    expect(match.roles[0]).toEqual(
      expect.objectContaining({ description: 'User access for alpha', _sort: ['q-alpha'] }),
    );
    expect((await q({ query: { term: { 'metadata.team': 'b' } } })).roles.map((r) => r.name)).toEqual(['q-beta']);
    const apps = await q({ query: { term: { 'applications.application': 'kibana-.kibana' } } });
    expect(apps.roles.map((r) => r.name)).toContain('q-gamma');
    expect(apps.roles.map((r) => r.name)).not.toContain('q-alpha');
    const page = await q({ query: { prefix: { name: 'q-' } }, sort: [{ name: 'desc' }], size: 1 });
    expect([page.total, page.count, page.roles[0]?.name]).toEqual([3, 1, 'q-gamma']);
    const next = await q({
      query: { prefix: { name: 'q-' } },
      sort: [{ name: 'desc' }],
      size: 1,
      search_after: ['q-gamma'],
    });
    expect(next.roles[0]?.name).toBe('q-beta');
    const notBeta = await q({
      query: { bool: { must: [{ wildcard: { name: 'q-*' } }], must_not: [{ exists: { field: 'metadata.team' } }] } },
    });
    expect(notBeta.roles.map((r) => r.name)).toEqual(['q-gamma']);
    expect((await call(sb, 'GET', es('/_security/_query/role'))).as(RoleQuery).count).toBeGreaterThanOrEqual(3);
  });

  it('refuses fields and query types outside the documented subset', async () => {
    const field = await call(sb, 'POST', es('/_security/_query/role'), {
      body: { query: { term: { cluster: 'all' } } },
    });
    expect([field.status, esErrorType(field)]).toEqual([400, 'illegal_argument_exception']);
    const type = await call(sb, 'POST', es('/_security/_query/role'), { body: { query: { fuzzy: { name: 'x' } } } });
    expect(esError(type).reason).toMatch(/Query type \[fuzzy\] is not currently supported/);
  });
});

describe('documented error codes', () => {
  it('answers a malformed key-creation body with api_keys.invalid_input', async () => {
    const answer = await call(sb, 'POST', '/api/v1/users/auth/keys', { body: '{"description":' });
    expect(answer.status).toBe(400);
    expect(cloudErrorCode(answer)).toBe('api_keys.invalid_input');
    expect(answer.headers.get('x-cloud-error-codes')).toBe('api_keys.invalid_input');
  });
});

describe('bare project role ids', () => {
  const body = (roleId: string) => ({
    description: 'bare',
    expiration: '1d',
    role_assignments: { project: { elasticsearch: [{ role_id: roleId, all: true }] } },
  });

  it('are accepted as the prefixed id with a Warning header and a note in the request log', async () => {
    const answer = await call(sb, 'POST', '/api/v1/users/auth/keys', { body: body('developer') });
    expect(answer.status).toBe(201);
    const created = answer.as(CreatedApiKey);
    expect(created.role_assignments?.project?.elasticsearch?.[0]?.role_id).toBe('elasticsearch-developer');
    expect(answer.headers.get('warning')).toMatch(
      /^299 ec-access-sandbox "project\.elasticsearch\[0\]\.role_id \\"developer\\" is not the wire form: Elastic Cloud expects \\"elasticsearch-developer\\"/,
    );
    const log = (await call(sb, 'GET', '/_sandbox/requests', { key: null })).as(RequestLog).requests.at(-1);
    expect(log?.warnings).toEqual([expect.stringContaining('Elastic Cloud expects "elasticsearch-developer"')]);
    const prefixed = await call(sb, 'POST', '/api/v1/users/auth/keys', { body: body('elasticsearch-developer') });
    expect(prefixed.headers.get('warning')).toBeNull();
  });

  describe('with --strict', () => {
    let strict: RunningSandbox | undefined;
    afterEach(async () => {
      await strict?.stop();
    });

    it('are refused with the endpoint code, and the prefixed id still works', async () => {
      strict = await start({ strict: true });
      const refused = await call(strict, 'POST', '/api/v1/users/auth/keys', { body: body('developer') });
      expect(refused.status).toBe(400);
      const [error] = refused.as(CloudErrorEnvelope).errors;
      expect(error).toEqual(
        expect.objectContaining({ code: 'api_keys.invalid_input', fields: ['project.elasticsearch[0].role_id'] }),
      );
      expect(error?.message).toMatch(/--strict/);
      expect(
        (await call(strict, 'POST', '/api/v1/users/auth/keys', { body: body('elasticsearch-developer') })).status,
      ).toBe(201);
    });
  });
});
