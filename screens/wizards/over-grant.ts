/**
 * The over-grant rule for people: a custom role is carried by `<type>-viewer` + `application_roles`, and roles
 * combine as a union on sign-in, so any predefined project role on the same project adds its stack role on top and
 * defeats the custom role's restrictions. Wizards refuse such a plan and say why.
 */
import { PROJECT_TYPES } from '../../src/api/schemas.js';
import type { FlatAssignment } from '../../src/domain/assignments.js';
import { friendlyRoleName, isPredefinedStackRole } from '../../src/domain/catalog.js';
import { projectName, type WizardEnv } from './env.js';

const isCustom = (row: FlatAssignment) => row.applicationRoles.some((name) => !isPredefinedStackRole(name, row.type));
const isPredefined = (row: FlatAssignment) => row.applicationRoles.length === 0;

/** Where two project entries of one type overlap: "all …" or the shared project names; undefined if nowhere. */
function overlap(a: FlatAssignment, b: FlatAssignment, env: WizardEnv): string | undefined {
  if (a.all && b.all) return `all ${a.type} projects`;
  const ids = a.all ? b.ids : b.all ? a.ids : a.ids.filter((id) => b.ids.includes(id));
  return ids.length > 0 ? ids.map((id) => projectName(env, id)).join(', ') : undefined;
}

/** One sentence per conflict; empty when the rows are safe. */
export function overGrants(rows: readonly FlatAssignment[], env: WizardEnv): string[] {
  const problems: string[] = [];
  for (const type of PROJECT_TYPES) {
    const ofType = rows.filter((r) => r.scope === 'project' && r.type === type);
    for (const custom of ofType.filter(isCustom)) {
      for (const predefined of ofType.filter(isPredefined)) {
        const where = overlap(custom, predefined, env);
        if (!where) continue;
        problems.push(
          `${friendlyRoleName(predefined.roleId)} and custom role ${custom.applicationRoles.join(', ')} on ${where}: ` +
            "roles combine on sign-in, so the predefined role would override the custom role's restrictions. Keep one of them.",
        );
      }
    }
  }
  return problems;
}
