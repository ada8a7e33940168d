/**
 * Step 3 of the canonical custom-role flow: once each invitee has accepted (and so has a user id), assign the custom
 * roles with a role-assignment POST. Until then it shows who is still pending; in the sandbox, `a` accepts the
 * invitations on the invitees' behalf through the sandbox control route, so the flow can be completed end to end.
 */
import { Box, Text, useInput } from 'ink';
import { useState } from 'react';
import { PlanRunner } from '../../../components/wizard/PlanRunner.js';
import { useWizardServices } from '../../../components/wizard/services.js';
import type { Member } from '../../../src/api/schemas.js';
import { flattenAssignments, type FlatAssignment } from '../../../src/domain/assignments.js';
import { buildAddRoleAssignments } from '../../../src/domain/builders/index.js';
import { createPlan } from '../../../src/domain/plan.js';
import { describeError } from '../../../src/state/resource.js';
import { useAppActions } from '../../../src/ui/contexts.js';
import { keyName } from '../../../src/ui/keys.js';
import { layoutFor } from '../../../src/ui/layout.js';
import { useTerminalSize } from '../../../src/ui/terminal-size.js';
import { useTheme } from '../../../src/ui/theme.js';
import { gather, refusal, toInputs } from '../build.js';
import { orgIdOf } from '../env.js';
import { overGrants } from '../over-grant.js';
import { PanelProblem, useWizardContext } from '../WizardPanel.js';

export function AwaitAcceptance({ emails, rows }: { emails: readonly string[]; rows: readonly FlatAssignment[] }) {
  const context = useWizardContext();
  const services = useWizardServices();
  const actions = useAppActions();
  const theme = useTheme();
  const layout = layoutFor(useTerminalSize());
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const env = 'env' in context ? context.env : undefined;
  const memberOf = (email: string): Member | undefined => env?.snapshot.members.find((m) => m.email?.toLowerCase() === email);
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
    await actions.refresh(['members', 'invitations']);
    setBusy(false);
  };

  useInput(
    (input, key) => {
      const name = keyName(input, key);
      if (name === 'escape') actions.closeOverlay();
      else if (name === 'r') void actions.refresh(['members', 'invitations']);
      else if (name === 'a') void acceptAll();
    },
    { isActive: !ready },
  );

  if ('problem' in context) return <PanelProblem text={context.problem} />;
  if (ready) {
    const orgId = orgIdOf(context.env);
    const built = gather(accepted.map((m) => buildAddRoleAssignments({ userId: m.user_id, orgId, assignments: toInputs(rows) })));
    const problems = accepted.flatMap((m) =>
      overGrants([...flattenAssignments(m.role_assignments ?? {}), ...rows], context.env).map((p) => `${m.email}: ${p}`));
    return (
      <PlanRunner
        plan={createPlan('Assign the custom roles', built.requests)}
        router={context.router}
        notes={built.notes}
        blocked={refusal(problems, built)}
        refresh={['members']}
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
      <Text bold color={theme.colorOf('title')}>{' Waiting for the invitation to be accepted'}</Text>
      <Text color={muted}>{' The custom roles can only be assigned to a member (a user id); invitations cannot carry them safely.'}</Text>
      {emails.map((email) => (
        <Text key={email}>{`   ${memberOf(email) ? `${theme.symbols.ok} accepted` : `${theme.symbols.bullet} pending `}  ${email}`}</Text>
      ))}
      {error ? <Text color={theme.colorOf('danger')}>{` ${theme.symbols.fail} ${error}`}</Text> : null}
      {busy ? <Text color={muted}>{' accepting…'}</Text> : null}
      <Text color={muted}>
        {` ${context.env.sandbox ? 'a accept (sandbox) · ' : ''}r re-check · esc close (assign later with e on Members)`}
      </Text>
    </Box>
  );
}
