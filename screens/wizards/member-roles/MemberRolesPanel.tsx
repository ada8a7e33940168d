/** `e` on Members: the selected row's member (an invitation cannot be edited: cancel and re-invite instead). */
import type { AppActions, PanelSpec } from '../../../src/ui/contexts.js';
import { PanelProblem, WizardPanel } from '../WizardPanel.js';
import { useSelectedId } from '../selection.js';
import { MEMBER_ROLES_SPEC, type MemberRolesValues } from './wizard.js';

function MemberRolesWizard({ ids, initial }: { ids: readonly string[]; initial: Partial<MemberRolesValues> }) {
  const selected = useSelectedId('members', ids);
  const userId = initial.userId ?? (selected?.startsWith('member:') ? selected.slice('member:'.length) : undefined);
  if (!userId)
    return (
      <PanelProblem text="Select a member first (pending invitations are changed by cancelling and re-inviting)." />
    );
  return (
    <WizardPanel
      spec={MEMBER_ROLES_SPEC}
      initial={{ remove: [], orgRole: '', grants: [], deploymentGrants: [], ...initial, userId }}
    />
  );
}

export function memberRolesPanel(
  _actions: AppActions,
  ids: readonly string[],
  initial: Partial<MemberRolesValues> = {},
): PanelSpec {
  return { id: 'member-roles', title: 'Edit member roles', node: <MemberRolesWizard ids={ids} initial={initial} /> };
}
