/**
 * The sandbox's seeded organization as the domain sees it (OrgSnapshot), built straight from the seed and rendered
 * through the sandbox's own wire functions: the doctor and the access matrix at medium or large scale, without a
 * server or thousands of requests. Every project's custom roles and project keys count as loaded, except where a
 * caller asks for some projects' custom roles to be unavailable (the "unknown" paths).
 */
import { ProjectApiKey } from '../../src/api/project-key-schemas.js';
import type { CustomRolesState, OrgSnapshot } from '../../src/domain/org.js';
import { projectKeyWire } from '../../src/sandbox/project-keys.js';
import { seedOrganization, type Scale } from '../../src/sandbox/seed.js';
import { invitationWire, keyWire, memberWire, projectWire } from '../../src/sandbox/wire.js';

export interface SeededSnapshot {
  readonly snapshot: OrgSnapshot;
  /** The sandbox's owner key, the one ec-access runs on against it (the doctor's `selfKeyId`). */
  readonly ownerKeyId: string;
}

export interface SeededSnapshotOptions {
  readonly scale: Scale;
  readonly now: Date;
  readonly seed?: number;
  /** Projects (by their position in the project list) whose custom roles could not be read. */
  readonly rolesUnavailable?: (index: number) => boolean;
}

export function seededSnapshot(options: SeededSnapshotOptions): SeededSnapshot {
  const { now } = options;
  // Fixed secrets: the seed would draw random ones, and nothing here depends on them.
  const data = seedOrganization({
    seed: options.seed ?? 1,
    scale: options.scale,
    now,
    credentials: { ownerKey: 'owner-secret', viewerKey: 'viewer-secret' },
  });
  const orgId = data.organization.id;
  const projects = data.projects.map((p) => projectWire(p, data, 'http://127.0.0.1:9'));
  const customRoles = new Map<string, CustomRolesState>(
    projects.map((project, index) => [
      project.id,
      options.rolesUnavailable?.(index)
        ? { status: 'unavailable', reason: 'not readable in this test' }
        : { status: 'loaded', names: Object.keys(data.customRoles[project.id] ?? {}), source: 'cloud' },
    ]),
  );
  return {
    ownerKeyId: data.credentials.ownerKeyId,
    snapshot: {
      organization: data.organization,
      members: data.members.map((m) => memberWire(m, orgId)),
      invitations: data.invitations.map((i) => invitationWire(i, data.organization, now)),
      // Expired keys too (the API leaves them out; the doctor has a rule for them).
      keys: data.keys.map((k) => keyWire(k, orgId)),
      projects,
      customRoles,
      projectKeys: projects.map((project) => ({
        project,
        state: {
          status: 'loaded',
          keys: (data.projectKeys[project.id] ?? []).map((k) => ProjectApiKey.parse(projectKeyWire(k, true))),
        },
      })),
      now,
    },
  };
}
