/** `n` on Roles creates a custom role; `e` on a custom role edits it, pre-filled from its descriptor. */
import { useEffect } from 'react';
import type { WizardSpec } from '../../../components/wizard/Wizard.js';
import { dataOf } from '../../../src/state/resource.js';
import { roleKey } from '../../../src/state/store.js';
import { useAppActions, useAppState, type PanelSpec } from '../../../src/ui/contexts.js';
import type { WizardEnv } from '../env.js';
import { useSelectedId } from '../selection.js';
import { PanelProblem, WizardPanel } from '../WizardPanel.js';
import { roleDraft } from './draft.js';
import { ROLE_STEPS } from './steps.js';
import { EMPTY_ROLE, valuesFromRole, type RoleValues } from './values.js';
import { MEMBERS } from '../../../src/state/lists.js';

export const ROLE_SPEC: WizardSpec<RoleValues, WizardEnv> = {
  title: 'Custom role',
  steps: ROLE_STEPS,
  draft: roleDraft,
  refresh: (v) => [
    ...v.projectIds.flatMap((projectId) => [{ customRoles: projectId }, { role: { projectId, name: v.name } }]),
    ...(v.assignees.length > 0 ? [MEMBERS] : []),
  ],
};

/** Row ids of custom roles on the Roles screen are `custom:<projectId>:<name>`. */
function parseRowId(id: string | undefined): { projectId: string; name: string } | undefined {
  const match = id === undefined ? null : /^custom:([^:]+):(.+)$/.exec(id);
  return match ? { projectId: match[1]!, name: match[2]! } : undefined;
}

function EditRole({ ids }: { ids: readonly string[] }) {
  const target = parseRowId(useSelectedId('roles', ids));
  const { data } = useAppState();
  const actions = useAppActions();
  const projectId = target?.projectId;
  const name = target?.name;
  useEffect(() => {
    if (projectId !== undefined && name !== undefined) actions.ensureRole(projectId, name);
  }, [projectId, name, actions]);
  if (!target) return <PanelProblem text="Select a custom role first (predefined roles cannot be edited)." />;
  const resource = data.roleDescriptors.get(roleKey(target.projectId, target.name));
  const role = dataOf(resource);
  if (resource?.status === 'error' && !role)
    return <PanelProblem text={`Cannot read the role: ${resource.error.message}`} />;
  if (role === null) return <PanelProblem text={`${target.name} no longer exists in that project (r reloads).`} />;
  if (!role) return <PanelProblem text="Reading the role…" />;
  return <WizardPanel spec={ROLE_SPEC} initial={valuesFromRole(target.name, target.projectId, role)} />;
}

export function createRolePanel(initial: Partial<RoleValues> = {}): PanelSpec {
  return {
    id: 'custom-role',
    title: 'New custom role',
    node: <WizardPanel spec={ROLE_SPEC} initial={{ ...EMPTY_ROLE, ...initial }} />,
  };
}

export function editRolePanel(ids: readonly string[]): PanelSpec {
  return { id: 'custom-role-edit', title: 'Edit custom role', node: <EditRole ids={ids} /> };
}
