/**
 * The JSON export: the grant rows plus what makes two exports comparable (organization, time, schema version,
 * the filters used). Scripts and the next quarter's `--since` read it back, so it is parsed with a schema and
 * changes only by adding fields; an incompatible change bumps ACCESS_SCHEMA.
 */
import * as z from 'zod';
import { PROJECT_TYPES } from '../../api/schemas.js';
import type { DoctorJson } from '../doctor/index.js';
import type { OrgSnapshot } from '../org.js';
import { filterGrants, filterPrincipals, type GrantFilter } from './filters.js';
import { accessReview, type AccessGrant, type ReviewPrincipal } from './grants.js';
import { countByKind, PRINCIPAL_KIND_ORDER, principalKey, type ReviewPrincipalKind } from './principals.js';

export const ACCESS_SCHEMA = 'ec-access/access@1';

export interface AccessExportFilters {
  readonly project: string | null;
  readonly member: string | null;
  readonly key: string | null;
  readonly type: string | null;
}

export interface AccessExport {
  readonly schema: typeof ACCESS_SCHEMA;
  readonly organization: { readonly id: string; readonly name: string };
  /** The time the data describes (the sandbox clock may run ahead of the wall clock). */
  readonly generated_at: string;
  readonly filters: AccessExportFilters;
  readonly summary: {
    readonly grants: number;
    readonly principals: Readonly<Record<ReviewPrincipalKind, number>>;
    readonly projects: number;
  };
  /** Everyone who holds or will hold access (matching --member/--key), with a grant here or not. */
  readonly principals: readonly ReviewPrincipal[];
  readonly grants: readonly AccessGrant[];
  /** Only with --with-findings: the doctor's document (`ec-access/doctor@1`). */
  readonly findings?: DoctorJson;
}

export function exportFilters(filter: GrantFilter): AccessExportFilters {
  return {
    project: filter.projectId ?? null,
    member: filter.email ?? null,
    key: filter.keyId ?? null,
    type: filter.type ?? null,
  };
}

function summaryOf(grants: readonly AccessGrant[]): AccessExport['summary'] {
  const principals = new Map<string, ReviewPrincipalKind>();
  const projects = new Set<string>();
  // A review's rows share one principal object per principal, in runs (they are sorted by principal): one key per
  // run instead of one string per row (364,000 at 10,000 members). Parsed rows, one object each, still count right.
  let previous: AccessGrant['principal'] | undefined;
  for (const grant of grants) {
    if (grant.principal !== previous) principals.set(principalKey(grant.principal), grant.principal.kind);
    previous = grant.principal;
    if (grant.scope.kind === 'project') projects.add(grant.scope.id);
  }
  return { grants: grants.length, principals: countByKind(principals.values()), projects: projects.size };
}

export function accessExport(
  snapshot: Pick<OrgSnapshot, 'organization' | 'now'>,
  review: { readonly principals: readonly ReviewPrincipal[]; readonly grants: readonly AccessGrant[] },
  options: { filter?: GrantFilter; findings?: DoctorJson } = {},
): AccessExport {
  const { principals, grants } = review;
  return {
    schema: ACCESS_SCHEMA,
    organization: { id: snapshot.organization.id, name: snapshot.organization.name },
    generated_at: snapshot.now.toISOString(),
    filters: exportFilters(options.filter ?? {}),
    summary: summaryOf(grants),
    principals,
    grants,
    ...(options.findings ? { findings: options.findings } : {}),
  };
}

/** The organization's review with the filters applied: what the command prints and the TUI writes. */
export function reviewExport(
  snapshot: OrgSnapshot,
  options: { filter?: GrantFilter; findings?: DoctorJson } = {},
): AccessExport {
  const filter = options.filter ?? {};
  const { principals, grants } = accessReview(snapshot);
  return accessExport(
    snapshot,
    { principals: filterPrincipals(principals, filter), grants: filterGrants(grants, filter) },
    options,
  );
}

// ---- reading an export back ---------------------------------------------------------------------------------

const Grant = z.object({
  principal: z.object({
    kind: z.enum(PRINCIPAL_KIND_ORDER),
    id: z.string(),
    identity: z.string(),
  }),
  scope: z.object({
    kind: z.enum(['organization', 'project', 'deployment']),
    id: z.string(),
    name: z.string(),
    type: z.enum(['organization', ...PROJECT_TYPES, 'deployment']),
  }),
  role_id: z.string(),
  role: z.string(),
  application_roles: z.array(z.string()),
  stack_roles: z.array(z.string()),
  missing_roles: z.array(z.string()),
  via: z.enum(['direct', 'all', 'organization', 'owner']),
  expires_at: z.string().nullable(),
  privileges: z.array(z.string()).optional(),
});

const Principal = z.object({
  kind: z.enum(PRINCIPAL_KIND_ORDER),
  id: z.string(),
  identity: z.string(),
  expires_at: z.string().nullable(),
});

const Header = z.looseObject({
  schema: z.string(),
  organization: z.object({ id: z.string(), name: z.string() }),
  generated_at: z.iso.datetime({ offset: true }),
});

const Filters = z.object({
  project: z.string().nullable(),
  member: z.string().nullable(),
  key: z.string().nullable(),
  type: z.string().nullable(),
});

const Body = z.looseObject({ filters: Filters, principals: z.array(Principal), grants: z.array(Grant) });

export class ExportReadError extends Error {
  override readonly name = 'ExportReadError';
}

/**
 * An earlier export, checked: JSON, an ec-access access export, of this schema version, well-formed. Each failure
 * says which of these it is, since the file may be anything a person pointed `--since` at.
 */
export function parseAccessExport(text: string, source: string): AccessExport {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new ExportReadError(
      `${source} is not JSON; --since takes a file written by 'ec-access access --format json'`,
    );
  }
  const header = Header.safeParse(raw);
  if (!header.success)
    throw new ExportReadError(
      `${source} is not an ec-access access export (no schema, organization and generated_at); write one with 'ec-access access --format json'`,
    );
  if (header.data.schema !== ACCESS_SCHEMA)
    throw new ExportReadError(
      `${source} has schema ${header.data.schema}, and this ec-access compares only ${ACCESS_SCHEMA} exports; export again with this version to start a new baseline`,
    );
  const body = Body.safeParse(raw);
  if (!body.success) {
    const issue = body.error.issues[0];
    const where = issue ? issue.path.join('.') : '';
    throw new ExportReadError(`${source} is a damaged ${ACCESS_SCHEMA} export (at ${where}: ${issue?.message ?? ''})`);
  }
  // Findings are not read back: a diff compares grants. The summary is recounted rather than trusted.
  const { organization, generated_at } = header.data;
  return {
    schema: ACCESS_SCHEMA,
    organization,
    generated_at,
    filters: body.data.filters,
    summary: summaryOf(body.data.grants),
    principals: body.data.principals,
    grants: body.data.grants,
  };
}
