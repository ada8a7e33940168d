/**
 * One assignment entry in words: "Developer (elasticsearch) on search-prod · stack: marketing-reader", "Deployment
 * viewer on logging-cluster (4f1c…)".
 */
import type { FlatAssignment } from '../../src/domain/assignments.js';
import { friendlyRoleName } from '../../src/domain/catalog.js';
import { deploymentLabel, projectName, type WizardEnv } from './env.js';

export function rowLabel(row: FlatAssignment, env: WizardEnv): string {
  const where =
    row.scope === 'organization'
      ? 'the organization'
      : row.all
        ? `all ${row.scope === 'deployment' ? 'deployments' : `${row.type} projects`}`
        : row.ids
            .map((id) => (row.scope === 'deployment' ? deploymentLabel(env, id) : projectName(env, id)))
            .join(', ');
  const stack = row.applicationRoles.length > 0 ? ` · stack: ${row.applicationRoles.join(', ')}` : '';
  return `${friendlyRoleName(row.roleId)} on ${where}${stack}`;
}
