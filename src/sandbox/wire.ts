/**
 * Stored records rendered as the API answers them (the response schemas of src/api/schemas.ts), adding what only
 * the moment of the request knows: endpoints on this run's port, `expired` on this clock, the embedded org.
 */
import type { ApiKey, Invitation, Member, Organization, Project } from '../api/schemas.js';
import type { SandboxData, StoredInvitation, StoredKey, StoredMember, StoredProject } from './model.js';

export function memberWire(member: StoredMember, orgId: string): Member {
  return {
    organization_id: orgId,
    user_id: member.user_id,
    member_since: member.member_since,
    name: member.name,
    email: member.email,
    role_assignments: member.role_assignments,
  };
}

export function invitationWire(invitation: StoredInvitation, organization: Organization, now: Date): Invitation {
  return {
    token: invitation.token,
    email: invitation.email,
    created_at: invitation.created_at,
    expires_at: invitation.expires_at,
    expired: isPast(invitation.expires_at, now),
    organization,
    role_assignments: invitation.role_assignments,
  };
}

export function keyWire(key: StoredKey, orgId: string): ApiKey {
  return {
    id: key.id,
    description: key.description,
    creation_date: key.creation_date,
    ...(key.expiration_date ? { expiration_date: key.expiration_date } : {}),
    user_id: key.user_id,
    organization_id: orgId,
    role_assignments: key.role_assignments,
  };
}

/** Every project is served from this one port: `<baseUrl>/_es/<id>` is its Elasticsearch endpoint. */
function projectEndpoints(project: StoredProject, baseUrl: string): Project['endpoints'] {
  const at = (service: string) => `${baseUrl}/_${service}/${project.id}`;
  const endpoints: Project['endpoints'] = { elasticsearch: at('es'), kibana: at('kibana') };
  if (project.type === 'observability') return { ...endpoints, apm: at('apm'), ingest: at('ingest') };
  if (project.type === 'security') return { ...endpoints, ingest: at('ingest') };
  return endpoints;
}

export function projectWire(project: StoredProject, data: SandboxData, baseUrl: string): Project {
  const host = new URL(baseUrl).host;
  return {
    id: project.id,
    name: project.name,
    alias: project.alias,
    type: project.type,
    region_id: project.region_id,
    // Same layout as a real cloud id: "<label>:" + base64("<host>$<es id>$<kibana id>").
    cloud_id: `${project.alias}:${Buffer.from(`${host}$${project.id}$${project.id.split('').reverse().join('')}`).toString('base64')}`,
    metadata: { created_at: project.created_at, created_by: project.created_by, organization_id: data.organization.id },
    endpoints: projectEndpoints(project, baseUrl),
    ...project.extra,
  };
}

export function isPast(iso: string | undefined, now: Date): boolean {
  return iso !== undefined && Date.parse(iso) <= now.getTime();
}

export function isKeyActive(key: StoredKey, now: Date): boolean {
  return !isPast(key.expiration_date, now);
}
