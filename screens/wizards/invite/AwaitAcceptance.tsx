/**
 * After an invitation is sent: shows who is still pending and, in the sandbox, `a` accepts the invitations on the
 * invitees' behalf through the sandbox control route, so a flow can be practised end to end. With `rows` (step 3 of
 * the canonical custom-role flow) it then assigns the custom roles with a role-assignment POST; without, it shows
 * the new members, who hold what their invitation carried.
 */
import { Box, Text } from 'ink';
import { useEffect, useRef, useState } from 'react';
import { PlanRunner } from '../../../components/wizard/PlanRunner.js';
import { useWizardServices } from '../../../components/wizard/services.js';
import type { Member } from '../../../src/api/schemas.js';
import { flattenAssignments, type FlatAssignment } from '../../../src/domain/assignments.js';
import { buildAddRoleAssignments } from '../../../src/domain/builders/index.js';
import { memberLabel } from '../../../src/domain/org.js';
import { createPlan } from '../../../src/domain/plan.js';
import { describeError } from '../../../src/state/resource.js';
import { useAppActions } from '../../../src/ui/contexts.js';
import { layoutFor } from '../../../src/ui/layout.js';
import { useTerminalSize } from '../../../src/ui/terminal-size.js';
import { useTheme } from '../../../src/ui/theme.js';
import { gather, refusal, toInputs } from '../build.js';
import { orgIdOf } from '../env.js';
import { overGrants } from '../over-grant.js';
import { PanelProblem, useWizardContext } from '../WizardPanel.js';
import { usePanelBindings } from '../../../src/ui/use-panel-bindings.js';
import { INVITATIONS, MEMBERS } from '../../../src/state/lists.js';

export interface AwaitAcceptanceProps {
  readonly emails: readonly string[];
  readonly rows: readonly FlatAssignment[];
  /** Accept at once (the user already asked for it with the key that opened this), sandbox only. */
  readonly acceptNow?: boolean;
}

export function AwaitAcceptance({ emails, rows, acceptNow = false }: AwaitAcceptanceProps) {
  const context = useWizardContext();
  const services = useWizardServices();
  const actions = useAppActions();
  const theme = useTheme();
  const layout = layoutFor(useTerminalSize());
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const env = 'env' in context ? context.env : undefined;
  const memberOf = (email: string): Member | undefined =>
    env?.snapshot.members.find((m) => m.email?.toLowerCase() === email);
  const accepted = emails.map(memberOf).filter((m): m is Member => m !== undefined);
  const ready = env !== undefined && accepted.length === emails.length;

  const acceptAll = async () => {
    if (!services?.sandbox || !env || busy) return;
    setBusy(true);
    setError(undefined);
    try {
      const open = env.snapshot.invitations.filter((i) => emails.includes(i.email.toLowerCase()));
      for (const invitation of open) await services.sandbox.acceptInvitation(invitation.token);
    } catch (e) {
      setError(describeError(e).message);
    }
    await actions.refresh([MEMBERS, INVITATIONS]);
    setBusy(false);
  };

  const asked = useRef(false);
  useEffect(() => {
    if (!acceptNow || asked.current || !env) return;
    asked.current = true;
    void acceptAll();
  });

  usePanelBindings(
    'waiting',
    {
      'waiting.accept': 'env' in context && context.env.sandbox ? () => void acceptAll() : undefined,
      'waiting.recheck': () => void actions.refresh([MEMBERS, INVITATIONS]),
      'waiting.close': actions.closeOverlay,
    },
    { active: !ready || rows.length === 0 },
  );

  if ('problem' in context) return <PanelProblem text={context.problem} />;
  if (ready && rows.length === 0) return <Accepted members={accepted} />;
  if (ready) {
    const orgId = orgIdOf(context.env);
    const built = gather(
      accepted.map((m) =>
        buildAddRoleAssignments({ userId: m.user_id, who: memberLabel(m), orgId, assignments: toInputs(rows) }),
      ),
    );
    const problems = accepted.flatMap((m) =>
      overGrants([...flattenAssignments(m.role_assignments ?? {}), ...rows], context.env).map(
        (p) => `${m.email}: ${p}`,
      ),
    );
    return (
      <PlanRunner
        plan={createPlan('Assign the custom roles', built.requests)}
        router={context.router}
        notes={built.notes}
        blocked={refusal(problems, built)}
        refresh={[MEMBERS]}
        onBack={actions.closeOverlay}
        onClose={actions.closeOverlay}
        width={layout.width - 2}
        height={layout.boxInner}
      />
    );
  }
  const muted = theme.colorOf('muted');
  return (
    <Box flexDirection="column">
      <Text bold color={theme.colorOf('title')}>
        {' Waiting for the invitation to be accepted'}
      </Text>
      <Text color={muted}>
        {rows.length > 0
          ? ' The custom roles can only be assigned to a member (a user id); invitations cannot carry them safely.'
          : ' Until then they are not a member and have no access. In Elastic Cloud the invitee accepts by email.'}
      </Text>
      {emails.map((email) => (
        <Text
          key={email}
        >{`   ${memberOf(email) ? `${theme.symbols.ok} accepted` : `${theme.symbols.bullet} pending `}  ${email}`}</Text>
      ))}
      {error ? <Text color={theme.colorOf('danger')}>{` ${theme.symbols.fail} ${error}`}</Text> : null}
      {busy ? <Text color={muted}>{' accepting…'}</Text> : null}
      {rows.length > 0 ? <Text color={muted}>{' Closing now: assign them later with e on Members.'}</Text> : null}
    </Box>
  );
}

/** The invitees are members now, holding what the invitation carried. */
function Accepted({ members }: { members: readonly Member[] }) {
  const theme = useTheme();
  return (
    <Box flexDirection="column">
      <Text bold color={theme.colorOf('success')}>{` ${theme.symbols.ok} Invitation accepted`}</Text>
      {members.map((m) => (
        <Text key={m.user_id}>{`   ${memberLabel(m)} is a member now, with the invitation's roles`}</Text>
      ))}
      <Text color={theme.colorOf('muted')}>{' esc close, then 1 Members lists them'}</Text>
    </Box>
  );
}
