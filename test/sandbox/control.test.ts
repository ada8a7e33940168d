import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../../src/sandbox/index.js';
import { z } from 'zod';
import { control as controlOf } from './answers.js';
import { RequestLog } from '../support/request-log.js';
import { withSandbox, call, cloudClient, failure, NOW } from './helpers.js';

let sb: RunningSandbox;
withSandbox('each', (started) => {
  sb = started;
});

const control = (method: string, path: string, body?: unknown) => controlOf(sb, method, path, body);
const loggedRequests = async (since = '') => (await control('GET', `/requests${since}`)).as(RequestLog).requests;
const Clock = z.object({ now: z.string() });
const KEYS = '/api/v1/users/auth/keys';

describe('request log', () => {
  it('records method, path, content type, the key id and the body byte for byte, never the Authorization header', async () => {
    const body = '{"description":"logged",  "expiration":"1d"}';
    await call(sb, 'POST', KEYS, { body });
    const log = await control('GET', '/requests');
    expect(log.as(RequestLog).requests.at(-1)).toMatchObject({
      method: 'POST',
      url: KEYS,
      contentType: 'application/json',
      keyId: sb.ownerKeyId,
      body,
      redacted: false,
      status: 201,
    });
    expect(JSON.stringify(log.json)).not.toContain(sb.ownerKey);
  });

  it('redacts credential fields in logged bodies and says so', async () => {
    await call(sb, 'POST', KEYS, { body: { description: 'x', key: 'essu_pretend-secret-value' } });
    const entry = (await loggedRequests()).at(-1);
    expect(entry?.redacted).toBe(true);
    expect(entry?.body).not.toContain('pretend-secret');
  });

  it('filters with ?since and clears', async () => {
    await call(sb, 'GET', '/api/v1/organizations');
    await call(sb, 'GET', '/api/v1/organizations');
    const all = await loggedRequests();
    expect(await loggedRequests(`?since=${all[0]!.seq}`)).toHaveLength(all.length - 1);
    await control('DELETE', '/requests');
    expect((await control('GET', '/requests')).json).toEqual({ requests: [] });
  });
});

describe('faults', () => {
  it('answers the next N matching calls with a status, then recovers', async () => {
    await control('POST', '/faults', {
      kind: 'status',
      method: 'GET',
      path: '/api/v1/organizations/*/members',
      status: 503,
      times: 2,
    });
    const path = `/api/v1/organizations/${sb.organizationId}/members`;
    expect((await call(sb, 'GET', path)).status).toBe(503);
    expect((await call(sb, 'GET', '/api/v1/organizations')).status).toBe(200); // other routes unaffected
    expect((await call(sb, 'GET', path)).status).toBe(503);
    expect((await call(sb, 'GET', path)).status).toBe(200);
  });

  it('injects a 429 with retry-after that the client reports as rate limited', async () => {
    await control('POST', '/faults', { kind: 'status', path: KEYS, status: 429, headers: { 'retry-after': '1' } });
    const error = await failure(cloudClient(sb).listApiKeys());
    expect([error.status, error.kind]).toEqual([429, 'rate_limited']);
  });

  it('a status fault "after" still makes the change (the outcome-unknown write)', async () => {
    await control('POST', '/faults', { kind: 'status', method: 'POST', path: KEYS, status: 502, when: 'after' });
    expect((await call(sb, 'POST', KEYS, { body: { description: 'ghost' } })).status).toBe(502);
    expect((await cloudClient(sb).listApiKeys()).some((k) => k.description === 'ghost')).toBe(true);
  });

  it('resets the connection of the next matching call', async () => {
    await control('POST', '/faults', { kind: 'reset', path: '/api/v1/organizations' });
    await expect(
      fetch(`${sb.baseUrl}/api/v1/organizations`, { headers: { authorization: `ApiKey ${sb.ownerKey}` } }),
    ).rejects.toThrow();
    expect((await call(sb, 'GET', '/api/v1/organizations')).status).toBe(200);
  });

  it('stalls the body after the headers', async () => {
    await control('POST', '/faults', { kind: 'stall', path: '/api/v1/organizations', ms: 300 });
    const started = Date.now();
    const response = await fetch(`${sb.baseUrl}/api/v1/organizations`, {
      headers: { authorization: `ApiKey ${sb.ownerKey}` },
    });
    const headersAfter = Date.now() - started;
    await response.json();
    expect(Date.now() - started - headersAfter).toBeGreaterThanOrEqual(250);
  });

  it('adds fixed latency to every API call ({"latencyMs"} shorthand) and clears', async () => {
    await control('POST', '/faults', { latencyMs: 200 });
    const started = Date.now();
    await call(sb, 'GET', '/api/v1/organizations');
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect((await control('GET', '/faults')).json).toEqual({ faults: [{ kind: 'latency', ms: 200 }] });
    await control('DELETE', '/faults');
    expect((await control('GET', '/faults')).json).toEqual({ faults: [] });
  });

  it('refuses a malformed fault', async () => {
    expect((await control('POST', '/faults', { kind: 'status', path: KEYS })).status).toBe(400);
  });
});

describe('clock, projects, reset, connections', () => {
  it('advances the clock', async () => {
    expect((await control('POST', '/clock', { advance: '3d' })).as(Clock).now).toBe(
      new Date(NOW.getTime() + 3 * 86_400_000).toISOString(),
    );
    expect((await control('POST', '/clock', { advance: 'later' })).status).toBe(400);
  });

  it('creates a project of any type', async () => {
    const created = await control('POST', '/projects', { type: 'elasticsearch', name: 'playground' });
    expect(created.status).toBe(201);
    expect((await cloudClient(sb).listProjects('elasticsearch')).map((p) => p.name)).toContain('playground');
    expect((await control('POST', '/projects', { type: 'search', name: 'x' })).status).toBe(400);
  });

  it('resets the organization, clock and faults, keeping the sandbox keys valid', async () => {
    const before = await cloudClient(sb).listMembers(sb.organizationId);
    await cloudClient(sb).removeMembers(sb.organizationId, [before.at(-1)!.user_id]);
    await control('POST', '/clock', { advance: '10d' });
    await control('POST', '/reset');
    expect(await cloudClient(sb).listMembers(sb.organizationId)).toEqual(before);
    expect((await control('GET', '/clock')).as(Clock).now).toBe(NOW.toISOString());
  });

  it('counts TCP connections', async () => {
    const before = sb.connectionsSeen();
    await new Promise<void>((resolve) =>
      request(`${sb.baseUrl}/api/v1/organizations`, { agent: false }, (res) => res.resume().on('end', resolve)).end(),
    );
    expect(sb.connectionsSeen()).toBe(before + 1);
  });

  it('refuses cross-site control calls (a web page), and takes same-origin and header-less ones', async () => {
    const statusWith = (headers: Record<string, string>) =>
      new Promise<number>((resolve) => {
        request(`${sb.controlUrl}/clock`, { method: 'GET', headers, agent: false }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        }).end();
      });
    const self = new URL(sb.controlUrl).origin;
    expect(await statusWith({ origin: 'https://evil.example' })).toBe(403);
    expect(await statusWith({ origin: 'http://127.0.0.1:1' })).toBe(403);
    expect(await statusWith({ origin: 'null' })).toBe(403);
    expect(await statusWith({ 'sec-fetch-site': 'cross-site' })).toBe(403);
    expect(await statusWith({ 'sec-fetch-site': 'same-site' })).toBe(403);
    expect(await statusWith({ origin: self, 'sec-fetch-site': 'same-origin' })).toBe(200);
    expect(await statusWith({ 'sec-fetch-site': 'none' })).toBe(200);
    expect(await statusWith({})).toBe(200);
  });

  it('refuses control calls whose Host is not a loopback name', async () => {
    const status = await new Promise<number>((resolve) => {
      request(`${sb.controlUrl}/reset`, { method: 'POST', headers: { host: 'evil.example' }, agent: false }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      }).end();
    });
    expect(status).toBe(403);
  });
});
