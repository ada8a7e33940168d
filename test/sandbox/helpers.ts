/**
 * Shared by the sandbox contract tests: a sandbox on a fixed clock and seed, a raw HTTP helper (for what the
 * client cannot express: missing auth, odd bodies, headers), the core clients, and a checker for the required
 * fields of the published Cloud spec's definitions.
 */
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { z } from 'zod';
import { createCloudClient } from '../../src/api/cloud-client.js';
import { createEsClient } from '../../src/api/es-client.js';
import type { CloudApi, EsApi } from '../../src/api/client.js';
import { isApiError, type ApiError } from '../../src/api/errors.js';
import { closeConnections } from '../../src/api/http.js';
import type { Member, Project } from '../../src/api/schemas.js';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../src/sandbox/index.js';
import { Secret } from '../../src/util/secret.js';
import { parseAs } from '../support/json.js';

export const NOW = new Date('2026-03-02T12:00:00.000Z');
const NO_RETRY = { attempts: 1 } as const;

export function start(options: SandboxOptions = {}): Promise<RunningSandbox> {
  return startSandbox({ seed: 7, now: NOW, ...options });
}

/**
 * The test file's sandbox, started by its hooks: a fresh one for `each` test (tests that change it), or one for
 * the whole `file` (tests that only read). `ready` gets every new sandbox (keep it, look projects up). After the
 * file the connection pools are closed and the sandbox stopped.
 */
export function withSandbox(scope: 'each' | 'file', ready: (sb: RunningSandbox) => void | Promise<void>): void {
  let sb: RunningSandbox | undefined;
  (scope === 'each' ? beforeEach : beforeAll)(async () => {
    await sb?.stop();
    sb = await start();
    await ready(sb);
  });
  afterAll(async () => {
    await closeConnections();
    await sb?.stop();
  });
}

export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  /** The body parsed, unchecked (undefined when it is not JSON): for `toEqual`/`toMatchObject` assertions. */
  readonly json: unknown;
  readonly text: string;
  /** The body checked against a schema (prefer the API's own, src/api/schemas.ts). */
  as<S extends z.ZodType>(schema: S): z.output<S>;
}

/** One request; `key: null` sends no Authorization header; a string body is sent as is. */
export async function call(
  sb: RunningSandbox,
  method: string,
  path: string,
  options: { key?: string | null; body?: unknown } = {},
): Promise<Answer> {
  const key = options.key === undefined ? sb.ownerKey : options.key;
  const body =
    options.body === undefined
      ? undefined
      : typeof options.body === 'string'
        ? options.body
        : JSON.stringify(options.body);
  const response = await fetch(`${sb.baseUrl}${path}`, {
    method,
    headers: {
      ...(key !== null ? { authorization: `ApiKey ${key}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body } : {}),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  return {
    status: response.status,
    headers: response.headers,
    json,
    text,
    as: (schema) => parseAs(schema, json, `${method} ${path} answer`),
  };
}

export const cloudClient = (sb: RunningSandbox, key = sb.ownerKey): CloudApi =>
  createCloudClient({ baseUrl: sb.baseUrl, apiKey: new Secret(key), retry: NO_RETRY });

export const esClient = (sb: RunningSandbox, project: Project, key = sb.ownerKey): EsApi =>
  createEsClient({
    projectId: project.id,
    baseUrl: project.endpoints.elasticsearch,
    apiKey: new Secret(key),
    retry: NO_RETRY,
  });

/** The promise's rejection, to assert on ApiError fields; anything but an ApiError fails the test. */
export async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (isApiError(error)) return error;
    throw new Error('expected an ApiError', { cause: error });
  }
  throw new Error('expected the call to fail');
}

export async function projectNamed(sb: RunningSandbox, name: string): Promise<Project> {
  for (const type of ['elasticsearch', 'observability', 'security'] as const) {
    const found = (await cloudClient(sb).listProjects(type)).find((p) => p.name === name);
    if (found) return found;
  }
  throw new Error(`no project ${name}`);
}

export async function members(sb: RunningSandbox): Promise<Member[]> {
  return cloudClient(sb).listMembers(sb.organizationId);
}

/** A key created through the API with the given role assignments; returns its secret and id. */
export async function makeKey(
  sb: RunningSandbox,
  roleAssignments: unknown,
  description = 'test key',
): Promise<{ key: string; id: string }> {
  const answer = await call(sb, 'POST', '/api/v1/users/auth/keys', {
    body: { description, expiration: '7d', role_assignments: roleAssignments },
  });
  if (answer.status !== 201) throw new Error(`key creation failed: ${answer.text}`);
  return answer.as(z.object({ key: z.string(), id: z.string() }));
}

// ---------------------------------------------------------------------------------------------------------------
// The published Cloud spec, for checking answers carry every field it marks required.

const SPEC_DIR = new URL('../../../shared/reference/specs/', import.meta.url);
/** `iam`: organizations, members, invitations, keys; `user`: the whole ESS user API (hosted deployments). */
const SPEC_FILES = {
  iam: new URL('elastic-cloud-iam-subset.swagger.json', SPEC_DIR),
  user: new URL('elastic-cloud-apidocs-user.swagger.json', SPEC_DIR),
} as const;
type Spec = keyof typeof SPEC_FILES;
/** The spec lives beside the repository (shared reference material); the checks are skipped where it is absent. */
export const SPEC_AVAILABLE = existsSync(SPEC_FILES.iam) && existsSync(SPEC_FILES.user);
const Definitions = z.record(
  z.string(),
  z.object({
    required: z.array(z.string()).optional(),
    properties: z
      .record(
        z.string(),
        z.object({
          $ref: z.string().optional(),
          type: z.string().optional(),
          items: z.object({ $ref: z.string().optional() }).optional(),
        }),
      )
      .optional(),
  }),
);
type Definitions = z.output<typeof Definitions>;
const definitions = new Map<Spec, Definitions>();
function swagger(spec: Spec): Definitions {
  const loaded =
    definitions.get(spec) ??
    parseAs(
      z.object({ definitions: Definitions }),
      JSON.parse(readFileSync(SPEC_FILES[spec], 'utf8')),
      `the Cloud spec (${spec})`,
    ).definitions;
  definitions.set(spec, loaded);
  return loaded;
}

/** Paths of required fields missing from `value` under `definition`, following `$ref`s into objects and arrays. */
export function missingRequired(definition: string, value: unknown, path = definition, spec: Spec = 'iam'): string[] {
  const def = swagger(spec)[definition];
  if (!def) throw new Error(`no definition ${definition}`);
  if (value === null || typeof value !== 'object') return [`${path} is not an object`];
  const record = new Map<string, unknown>(Object.entries(value));
  const missing = (def.required ?? [])
    .filter((field) => record.get(field) === undefined)
    .map((field) => `${path}.${field}`);
  for (const [field, prop] of Object.entries(def.properties ?? {})) {
    const child = record.get(field);
    if (child === undefined) continue;
    const ref = prop.$ref ?? prop.items?.$ref;
    if (!ref) continue;
    const name = ref.replace('#/definitions/', '');
    if (prop.type === 'array' && Array.isArray(child))
      child.forEach((item, i) => missing.push(...missingRequired(name, item, `${path}.${field}[${i}]`, spec)));
    else if (!prop.type || prop.type === 'object')
      missing.push(...missingRequired(name, child, `${path}.${field}`, spec));
  }
  return missing;
}
