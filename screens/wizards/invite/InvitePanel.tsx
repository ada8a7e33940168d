/** `n` on Members: invite people (or update members' roles), with the custom-role flow's follow-up. */
import { FollowUp } from '../../../components/wizard/FollowUp.js';
import type { Note } from '../../../components/wizard/model.js';
import type { WizardSpec } from '../../../components/wizard/Wizard.js';
import type { AppActions, PanelSpec } from '../../../src/ui/contexts.js';
import type { WizardEnv } from '../env.js';
import { WizardPanel } from '../WizardPanel.js';
import { AwaitAcceptance } from './AwaitAcceptance.js';
import { afterAcceptance, inviteDraft } from './draft.js';
import { INVITE_STEPS } from './steps.js';
import { EMPTY_INVITE, nonMembers, type InviteValues } from './values.js';
import { INVITATIONS, MEMBERS } from '../../../src/state/lists.js';

export const INVITE_SPEC: WizardSpec<InviteValues, WizardEnv> = {
  title: 'Invite',
  steps: INVITE_STEPS,
  draft: inviteDraft,
  refresh: () => [MEMBERS, INVITATIONS],
};

function InviteWizard({
  initial,
  actions,
  intro,
}: {
  initial: InviteValues;
  actions: AppActions;
  intro?: readonly Note[];
}) {
  return (
    <WizardPanel
      spec={INVITE_SPEC}
      initial={initial}
      {...(intro ? { intro } : {})}
      done={(outcome, values, { env }) => {
        const later = afterAcceptance(values, env);
        const emails = nonMembers(values, env);
        if (!outcome.ok || emails.length === 0) return null;
        if (later.length === 0) {
          // Nothing to assign afterwards: in the sandbox the learner can still play the invitee's part.
          if (!env.sandbox) return null;
          const accept = () => {
            actions.closeOverlay();
            actions.openPanel({
              id: 'invite-accept',
              title: 'Accept the invitation (sandbox)',
              node: <AwaitAcceptance emails={emails} rows={[]} acceptNow />,
            });
          };
          return (
            <FollowUp keyLabel="a" text="accept the invitation on the invitee's behalf (sandbox only)" onRun={accept} />
          );
        }
        const next = () => {
          actions.closeOverlay();
          actions.openPanel({
            id: 'invite-assign',
            title: 'Assign custom roles after acceptance',
            node: <AwaitAcceptance emails={emails} rows={later} />,
          });
        };
        return (
          <FollowUp
            keyLabel="c"
            text="continue: assign the custom roles once the invitation is accepted"
            onRun={next}
          />
        );
      }}
    />
  );
}

/** `intro`: what a pre-filled invite is for ("replaces the invitation to …"), said on every step. */
export function invitePanel(
  actions: AppActions,
  initial: Partial<InviteValues> = {},
  intro?: readonly Note[],
): PanelSpec {
  return {
    id: 'invite',
    title: 'Invite people',
    node: <InviteWizard initial={{ ...EMPTY_INVITE, ...initial }} actions={actions} {...(intro ? { intro } : {})} />,
  };
}
