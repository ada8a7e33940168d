/**
 * `keys list`, `keys revoke` and `keys identify` across both credential layers (Cloud keys and each project's own
 * Elasticsearch keys), against the in-process sandbox; and a planted secret that must never come out anywhere.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { GetProjectApiKeysResponse } from '../../src/api/project-key-schemas.js';
import { DryRunDoc, IdentifyDoc, KeysDoc, ProjectsDoc, RevokeDoc, WriteDoc } from '../support/cli-docs.js';
import { parseAs } from '../support/json.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
const outputs: string[] = [];
beforeEach(async () => {
  h = await startHarness();
  outputs.length = 0;
});
afterEach(async () => {
  await h.stop();
});

async function run(argv: string[], options?: Parameters<Harness['run']>[1]) {
  const r = await h.run(argv, options);
  outputs.push(r.stdout, r.stderr);
  return r;
}

async function projectId(name: string): Promise<string> {
  const { projects } = (await run(['projects', 'list'])).doc(ProjectsDoc);
  const project = projects.find((p) => p.name === name);
  if (!project) throw new Error(`no project ${name}`);
  return project.id;
}

/** What a project's Elasticsearch answers to POST /_security/api_key. */
const CreatedProjectKey = z.looseObject({ id: z.string(), api_key: z.string(), encoded: z.string() });

/** What `keys create` reports for the key it made (src/cli/commands/keys-create.ts). */
const CreatedKey = z.looseObject({ id: z.string(), secret_file: z.string() });

async function createKey(argv: string[]) {
  return parseAs(CreatedKey, (await run(['keys', 'create', ...argv])).doc(WriteDoc).results[0]?.result, 'created key');
}

/** A project key made straight on the sandbox's ES API: its id and `encoded` value (the planted secret). */
async function plantProjectKey(project: string, name: string) {
  const id = await projectId(project);
  const response = await fetch(`${h.sandbox.baseUrl}/_es/${id}/_security/api_key`, {
    method: 'POST',
    headers: { authorization: `ApiKey ${h.sandbox.ownerKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      name,
      expiration: '7d',
      role_descriptors: { r: { indices: [{ names: ['a-*'], privileges: ['read'] }] } },
    }),
  });
  const body = parseAs(CreatedProjectKey, await response.json(), 'created project key');
  return { projectId: id, ...body };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('keys list', () => {
  it('lists Cloud keys, then project keys with their project, and no invalidated project key', async () => {
    const doc = (await run(['keys', 'list'])).doc(KeysDoc);
    expect(doc.schema).toBe('ec-access/keys@1');
    expect(doc.keys.every((k) => k.layer === 'cloud')).toBe(true);
    const names = doc.project_keys.map((k) => `${k.project_name}/${k.name}`);
    expect(names).toEqual(
      expect.arrayContaining([
        'search-prod/logstash-ingest',
        'search-prod/reindex-job',
        'search-prod/ops-break-glass',
        'obs-prod/metrics-shipper',
        'obs-dev/metrics-shipper',
      ]),
    );
    expect(names).not.toContain('search-prod/old-ingest (rotated)');
    const never = doc.project_keys.find((k) => k.name === 'logstash-ingest');
    expect(never).toMatchObject({
      layer: 'project',
      expiry: 'never',
      expiration_date: null,
      realm: 'cloud-saml-kibana',
    });
    expect(doc.unreadable_projects).toEqual([]);
  });

  it('names every project it cannot read, and why, instead of skipping it', async () => {
    const r = await run(['keys', 'list'], { env: { EC_BASE_URL: h.sandbox.baseUrl, EC_API_KEY: h.sandbox.viewerKey } });
    const doc = r.doc(KeysDoc);
    const { projects } = (await run(['projects', 'list'])).doc(ProjectsDoc);
    expect(doc.unreadable_projects.map((u) => u.project_name).sort()).toEqual(projects.map((p) => p.name).sort());
    expect(doc.unreadable_projects[0]?.reason).toMatch(/unauthorized|403|not allowed|forbidden/i);
    expect(r.stderr).toMatch(/search-prod: keys not readable: /);
  });

  it('shows a LAYER column in the table', async () => {
    const r = await run(['keys', 'list', '--table']);
    expect(r.stdout).toMatch(/^LAYER/);
    expect(r.stdout).toMatch(/\nsearch-prod\s+logstash-ingest/);
    expect(r.stdout).toMatch(/\nCloud\s+/);
  });
});

describe('keys revoke across layers', () => {
  it('revokes a Cloud key and project keys with one request per layer and project, key by key', async () => {
    const cloudId = (await createKey(['--description', 'tmp-cloud', '--expiration', '1d', '--scope', 'org'])).id;
    const planted = await plantProjectKey('search-prod', 'tmp-project');
    const listed = (await run(['keys', 'list'])).doc(KeysDoc).project_keys;
    const shipper = listed.find((k) => k.name === 'metrics-shipper' && k.project_name === 'obs-prod')?.id;
    const rotatedAnswer = await fetch(
      `${h.sandbox.baseUrl}/_es/${planted.projectId}/_security/api_key?name=old-ingest%20(rotated)`,
      { headers: { authorization: `ApiKey ${h.sandbox.ownerKey}` } },
    );
    const { api_keys: rotated } = parseAs(GetProjectApiKeysResponse, await rotatedAnswer.json(), 'rotated key');
    await h.clearRequests();

    const [oldIngest] = rotated;
    if (!oldIngest || shipper === undefined)
      throw new Error('the sandbox lacks old-ingest (rotated) or metrics-shipper');

    const ids = [cloudId, planted.id, oldIngest.id, shipper];
    const r = await run(['keys', 'revoke', `--ids=${ids.join(',')}`, '--yes']);
    expect(r.code, r.stderr).toBe(0);
    const doc = r.doc(RevokeDoc);
    expect(doc.schema).toBe('ec-access/revoke@1');
    expect(doc.results.map((x) => [x.layer, x.project_name, x.status])).toEqual([
      ['cloud', null, 'revoked'],
      ['project', 'search-prod', 'revoked'],
      ['project', 'search-prod', 'already-gone'],
      ['project', 'obs-prod', 'revoked'],
    ]);
    expect(doc.results[2]?.reason).toBe('already invalidated');
    expect(doc.complete).toBe(true);
    const writes = await h.writes();
    expect(writes.map((w) => `${w.method} ${w.url.replace(/_es\/[0-9a-f]+/, '_es/P')}`)).toEqual([
      'DELETE /api/v1/users/auth/keys',
      'DELETE /_es/P/_security/api_key',
      'DELETE /_es/P/_security/api_key',
    ]);
    const who = await fetch(`${h.sandbox.baseUrl}/_es/${planted.projectId}/_security/_authenticate`, {
      headers: { authorization: `ApiKey ${planted.encoded}` },
    });
    expect(who.status).toBe(401);
  });

  it('--filter matches project key names; one confirmation for all, and the dry run shows every request', async () => {
    const dry = await run(['keys', 'revoke', '--filter', 'metrics-shipper', '--dry-run']);
    expect(dry.doc(DryRunDoc).requests).toHaveLength(3);
    const r = await run(['keys', 'revoke', '--filter', 'metrics-shipper'], { tty: true, input: 'revoke 3\n' });
    expect(r.stderr).toContain('Type "revoke 3" to confirm');
    expect(r.stderr).toMatch(/revoke obs-dev API key "metrics-shipper"/);
    expect(r.code, r.stderr).toBe(0);
    expect((await run(['keys', 'list'])).doc(KeysDoc).project_keys.map((k) => k.name)).not.toContain('metrics-shipper');
  });

  it('an id only an unreadable project could hold is a usage error that says which projects were not read', async () => {
    const planted = await plantProjectKey('search-prod', 'tmp-project');
    const viewerDoc = await run(['keys', 'revoke', `--ids=${planted.id}`, '--yes'], {
      env: { EC_BASE_URL: h.sandbox.baseUrl, EC_API_KEY: h.sandbox.viewerKey },
    });
    expect(viewerDoc.code).toBe(2);
    expect(viewerDoc.stderr).toMatch(/could not be read/);
  });
});

describe('keys identify', () => {
  it('reads an encoded project key from stdin and names it without sending or printing the value', async () => {
    const planted = await plantProjectKey('search-prod', 'leaked-ci');
    await h.clearRequests();
    const r = await run(['keys', 'identify'], { input: `${planted.encoded}\n` });
    expect(r.code, r.stderr).toBe(0);
    const doc = r.doc(IdentifyDoc);
    expect(doc).toMatchObject({
      schema: 'ec-access/identify@1',
      found: true,
      method: 'encoded-id',
      key: { layer: 'project', id: planted.id, name: 'leaked-ci', project_name: 'search-prod' },
    });
    if (!doc.found) throw new Error(`not identified: ${doc.reason}`);
    expect(doc.revoke_command).toMatch(/^ec-access keys revoke --ids[ =]/);
    expect(doc.revoke_command.endsWith(planted.id)).toBe(true);
    expect(doc.key.owner.member).toBe(true);
    // The id was read from the value itself: no request presented it.
    expect((await h.requests()).some((q) => q.url.endsWith('/_authenticate'))).toBe(false);
  });

  it('asks _authenticate for a unified Cloud key, and prints the table at a terminal prompt', async () => {
    const created = await createKey([
      '--description',
      'leaky-unified',
      '--expiration',
      '1d',
      '--scope',
      'all:elasticsearch',
      '--stack-access',
      'viewer',
    ]);
    const value = readFileSync(created.secret_file, 'utf8').trim();
    const r = await run(['keys', 'identify', '--table'], { tty: true, input: `${value}\r` });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Paste the leaked key (not shown)');
    expect(r.stdout).toMatch(new RegExp(`id\\s+${created.id}`));
    expect(r.stdout).toMatch(/layer\s+Cloud/);
    expect(r.stdout).toMatch(/revoke:\s+ec-access keys revoke --ids[ =]/);
    expect(r.stdout).toContain(created.id);
    expect(r.stdout + r.stderr).not.toContain(value);
  });

  it('says plainly when a value cannot be identified, and refuses the value as an argument without echoing it', async () => {
    const unknown = await run(['keys', 'identify'], { input: 'essu_not-a-key-anybody-has\n' });
    expect(unknown.code).toBe(1);
    expect(unknown.json()).toMatchObject({ found: false, key: null });
    expect(unknown.stdout + unknown.stderr).not.toContain('not-a-key-anybody-has');

    const planted = await plantProjectKey('obs-prod', 'argv-leak');
    const asArg = await run(['keys', 'identify', planted.encoded]);
    expect(asArg.code).toBe(2);
    expect(asArg.stderr).toMatch(/never takes the key as an argument/);
    expect(asArg.stderr).not.toContain(planted.encoded);
  });

  it('a planted project secret never appears in any output, audit or state file (grep)', async () => {
    const planted = await plantProjectKey('search-prod', 'planted-secret');
    const env = { EC_BASE_URL: h.sandbox.baseUrl, EC_API_KEY: h.sandbox.ownerKey, EC_ACCESS_DEBUG: '1' };
    await run(['keys', 'identify'], { input: planted.encoded, env });
    await run(['keys', 'identify', '--table'], { input: planted.encoded, env, tty: true });
    await run(['keys', 'list', '--table'], { env });
    await run(['keys', 'revoke', `--ids=${planted.id}`, '--yes'], { env });
    const files = filesUnder(h.dir);
    expect(files.some((f) => f.endsWith('audit.jsonl'))).toBe(true);
    expect(files.some((f) => f.endsWith('debug.log'))).toBe(true);
    const everything = [...outputs, ...files.map((f) => readFileSync(f, 'utf8')), JSON.stringify(await h.requests())];
    for (const text of everything) {
      expect(text).not.toContain(planted.encoded);
      expect(text).not.toContain(planted.api_key);
    }
  });
});
