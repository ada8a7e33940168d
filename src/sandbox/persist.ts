/**
 * `--state FILE`: the organization saved as JSON between runs. Writes are atomic and private (mode 0600: the file
 * holds the sandbox's own simulated keys; src/util/atomic-file.ts). A file that exists but cannot be read back is
 * an error the caller must report; it is never silently replaced by a fresh seed.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as z from 'zod';
import { ProjectType, RoleAssignments } from '../api/schemas.js';
import { writeFileAtomic } from '../util/atomic-file.js';
import type { ClockSnapshot } from './clock.js';
import type { SandboxData } from './model.js';
import { SCALES, type Scale } from './seed.js';
import { errorMessage } from '../util/errors.js';

export const STATE_FORMAT = 'ec-access-sandbox-state';
export const STATE_VERSION = 1;

export interface SavedState {
  readonly seed: number;
  readonly scale: Scale;
  /** The instant the organization was seeded at; a reset seeds again from it. */
  readonly seededAt: string;
  readonly clock: ClockSnapshot;
  readonly data: SandboxData;
}

const isoDate = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not a date-time');
const StoredRoleSchema = z.object({
  cluster: z.array(z.string()),
  indices: z.array(z.record(z.string(), z.unknown())),
  applications: z.array(
    z.object({ application: z.string(), privileges: z.array(z.string()), resources: z.array(z.string()) }),
  ),
  metadata: z.record(z.string(), z.unknown()),
  run_as: z.array(z.string()),
  transient_metadata: z.record(z.string(), z.unknown()),
  description: z.string().optional(),
});

const StateFile = z.object({
  format: z.literal(STATE_FORMAT),
  version: z.literal(STATE_VERSION),
  seed: z.number().int(),
  scale: z.enum(SCALES),
  seededAt: isoDate,
  clock: z.discriminatedUnion('mode', [
    z.object({ mode: z.literal('frozen'), now: isoDate }),
    z.object({ mode: z.literal('wall'), offsetMs: z.number() }),
  ]),
  data: z.object({
    // Stored as given: the API client cleans the name where it reads it (src/api/schemas.ts), the sandbox does not.
    organization: z.object({ id: z.string(), name: z.string() }),
    accountId: z.string(),
    members: z.array(
      z.object({
        user_id: z.string(),
        email: z.string(),
        name: z.string(),
        member_since: isoDate,
        role_assignments: RoleAssignments,
      }),
    ),
    invitations: z.array(
      z.object({
        token: z.string(),
        email: z.string(),
        created_at: isoDate,
        expires_at: isoDate,
        role_assignments: RoleAssignments,
      }),
    ),
    keys: z.array(
      z.object({
        id: z.string(),
        description: z.string(),
        creation_date: isoDate,
        expiration_date: isoDate.optional(),
        user_id: z.string(),
        role_assignments: RoleAssignments,
        secret_sha256: z.string().regex(/^[0-9a-f]{64}$/),
      }),
    ),
    projects: z.array(
      z.object({
        id: z.string().regex(/^[a-z0-9]{32}$/),
        type: ProjectType,
        name: z.string(),
        alias: z.string(),
        region_id: z.string(),
        created_at: isoDate,
        created_by: z.string(),
        extra: z.record(z.string(), z.unknown()),
      }),
    ),
    // Absent in files saved before hosted deployments existed: such an organization simply has none.
    deployments: z
      .array(
        z.object({
          id: z.string(),
          name: z.string(),
          region: z.string(),
          // Absent in files saved before deployments had versions and health: such a deployment reads as running.
          version: z.string().default('8.15.1'),
          resources: z.array(
            z.object({
              kind: z.string(),
              ref_id: z.string(),
              id: z.string(),
              status: z.string().default('started'),
              healthy: z.boolean().default(true),
            }),
          ),
        }),
      )
      .default([]),
    customRoles: z.record(z.string(), z.record(z.string(), StoredRoleSchema)),
    // Absent in files saved before project keys existed: such an organization simply has none.
    projectKeys: z
      .record(
        z.string(),
        z.array(
          z.object({
            id: z.string(),
            name: z.string(),
            creation: z.number(),
            expiration: z.number().optional(),
            invalidated: z.boolean(),
            invalidation: z.number().optional(),
            username: z.string(),
            realm: z.string(),
            metadata: z.record(z.string(), z.unknown()),
            role_descriptors: z.record(z.string(), StoredRoleSchema),
            limited_by: z.record(z.string(), StoredRoleSchema),
            secret_sha256: z.string().regex(/^[0-9a-f]{64}$/),
          }),
        ),
      )
      .default({}),
    credentials: z.object({
      ownerKey: z.string(),
      ownerKeyId: z.string(),
      viewerKey: z.string(),
      viewerKeyId: z.string(),
    }),
  }),
});

export class SandboxStateError extends Error {
  override readonly name = 'SandboxStateError';
}

/** The saved state, or undefined when the file does not exist yet. Throws SandboxStateError when it is unusable. */
export function loadState(file: string): SavedState | undefined {
  if (!existsSync(file)) return undefined;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new SandboxStateError(`cannot read sandbox state ${file}: ${errorMessage(error)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new SandboxStateError(
      `sandbox state ${file} is not valid JSON (${errorMessage(error)}); fix or remove the file`,
    );
  }
  const parsed = StateFile.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`)
      .join('; ');
    throw new SandboxStateError(
      `sandbox state ${file} is not a state file this version can read (${issues}); fix or remove the file`,
    );
  }
  const { format: _format, version: _version, ...state } = parsed.data;
  return state;
}

export function saveState(file: string, state: SavedState): void {
  writeFileAtomic(file, `${JSON.stringify({ format: STATE_FORMAT, version: STATE_VERSION, ...state })}\n`);
}
