/**
 * PUT /_security/role/{name} on one project's Elasticsearch endpoint: a custom role, checked against the Serverless
 * rules (name and descriptor) before it goes out. Descriptor issues keep paths relative to the descriptor
 * ("indices[0].privileges"), which is what the person edits.
 */
import { esRequests } from '../../api/requests.js';
import type { RoleDescriptor } from '../../api/schemas.js';
import { validateRoleDescriptor } from '../privileges.js';
import { validateRoleName } from '../role-name.js';
import { issue, requireText } from '../validation.js';
import { failed, type BuildResult } from './result.js';

export interface PutRoleInput {
  readonly projectId: string;
  readonly name: string;
  readonly descriptor: unknown;
}

export function buildPutRole(input: PutRoleInput): BuildResult<RoleDescriptor> {
  const nameProblem = validateRoleName(input.name);
  const descriptor = validateRoleDescriptor(input.descriptor);
  const issues = [
    ...requireText('projectId', input.projectId),
    ...(nameProblem ? [issue('name', nameProblem)] : []),
    ...(descriptor.ok ? [] : descriptor.issues),
  ];
  if (issues.length > 0 || !descriptor.ok) return failed(issues);
  return {
    ok: true,
    request: esRequests.putRole(input.projectId, input.name, descriptor.value),
    body: descriptor.value,
    warnings: [],
  };
}
