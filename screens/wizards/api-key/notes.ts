/**
 * What the chosen stack access really gives, project by project: a role named in `application_roles` that does not
 * exist in a project grants nothing there, silently. And a key with no stack access at all is Cloud-only.
 */
import { roleExistence } from '../../../src/domain/access/index.js';
import type { Note } from '../../../components/wizard/model.js';
import type { WizardEnv } from '../env.js';
import { targetProjects, type KeyValues } from './values.js';

export const CLOUD_ONLY =
  'Cloud-only key: no stack access, so Elasticsearch and Kibana calls with it get 403 Forbidden';

const DEPLOYMENTS_ONLY =
  'Deployments-only key: it may manage the chosen hosted deployments through the Cloud API, and has no Serverless project access';

export function stackAccessNotes(v: KeyValues, env: WizardEnv): Note[] {
  if (v.scope === 'deployments') return [{ tone: 'muted', text: DEPLOYMENTS_ONLY }];
  if (v.stackRoles.length === 0) return [{ tone: 'warning', text: CLOUD_ONLY }];
  const notes: Note[] = [];
  for (const role of v.stackRoles) {
    for (const project of targetProjects(v, env)) {
      const existence = roleExistence(env.snapshot, project, role);
      if (existence === 'missing') {
        notes.push({
          tone: 'warning',
          text: `${role} does not exist in ${project.name}: the key will silently get no access in ${project.name}`,
        });
      } else if (existence === 'unknown') {
        notes.push({
          tone: 'muted',
          text: `Could not check whether ${role} exists in ${project.name} (its custom roles are not loaded)`,
        });
      }
    }
  }
  if (v.scope !== 'projects')
    notes.push({
      tone: 'warning',
      text: 'Projects created later are covered too; a custom role must be created in each of them',
    });
  return notes;
}
