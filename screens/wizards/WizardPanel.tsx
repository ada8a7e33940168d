/**
 * A wizard as a panel: supplies the organization snapshot, the request router and the lazy loads every wizard needs
 * (custom roles of each project, for pickers and existence checks). Until the organization is known, or when no API
 * connection was provided, it says so and `esc` closes it.
 */
import { Text } from 'ink';
import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { Wizard, type WizardSpec } from '../../components/wizard/Wizard.js';
import { requestRouter, useWizardServices, type RequestRouter } from '../../components/wizard/services.js';
import type { Note } from '../../components/wizard/model.js';
import type { PlanOutcome } from '../../src/domain/plan.js';
import { dataOf } from '../../src/state/resource.js';
import { roleKey } from '../../src/state/store.js';
import { useAppActions, useAppState } from '../../src/ui/contexts.js';
import { useTheme } from '../../src/ui/theme.js';
import type { WizardEnv } from './env.js';
import { usePanelBindings } from '../../src/ui/use-panel-bindings.js';

/** What a finished wizard's `done` gets besides the outcome and the answers. */
export interface DoneContext {
  readonly env: WizardEnv;
  readonly router: RequestRouter;
  /** What the re-read after the plan verified ("… is listed as invited"). */
  readonly checks: readonly Note[];
}

export interface WizardPanelProps<V> {
  readonly spec: WizardSpec<V, WizardEnv>;
  readonly initial: V;
  readonly onResponse?: (index: number, body: unknown) => void;
  readonly done?: (outcome: PlanOutcome, values: V, context: DoneContext) => ReactNode;
  /** What a pre-filled wizard is for and what it could not carry over (see Wizard's `intro`). */
  readonly intro?: readonly Note[];
}

/**
 * Set around a wizard opened from a complete request (the `:` command line): it opens on the review when its
 * pre-fill answers every step. A context, so each wizard's panel needs no option of its own for it.
 */
export const OpenOnReview = createContext(false);

export function useWizardContext(): { env: WizardEnv; router: RequestRouter } | { problem: string } {
  const { snapshot, data } = useAppState();
  const services = useWizardServices();
  const actions = useAppActions();
  const projects = snapshot?.projects;
  const roles = data.roleDescriptors;
  const existingRole = useMemo(
    () => (projectId: string, name: string) => {
      const resource = roles.get(roleKey(projectId, name));
      // A step's notes are pure functions of the values, so they cannot start a load in an effect: the first ask
      // schedules it, after this render (the store's load is idempotent and updates the state it is read from).
      if (!resource) queueMicrotask(() => actions.ensureRole(projectId, name));
      return dataOf(resource);
    },
    [roles, actions],
  );
  useEffect(() => {
    for (const p of projects ?? []) actions.ensureCustomRoles(p.id);
  }, [projects, actions]);
  const router = useMemo(
    () => (services && projects ? requestRouter(services, projects) : undefined),
    [services, projects],
  );
  if (!services || !router)
    return {
      problem: services
        ? 'Loading the organization…'
        : 'Changes cannot be sent: this session has no API connection for wizards.',
    };
  if (!snapshot) return { problem: 'Loading the organization…' };
  return { env: { snapshot, sandbox: services.sandbox !== undefined, existingRole }, router };
}

/** What a panel shows instead of its content, with `esc` to close. */
export function PanelProblem({ text }: { text: string }) {
  const actions = useAppActions();
  const theme = useTheme();
  usePanelBindings('problem', { 'problem.close': actions.closeOverlay });
  return <Text color={theme.colorOf('muted')}>{` ${text}`}</Text>;
}

export function WizardPanel<V>({ spec, initial, onResponse, done, intro }: WizardPanelProps<V>) {
  const context = useWizardContext();
  const review = useContext(OpenOnReview);
  if ('problem' in context) return <PanelProblem text={context.problem} />;
  const { env, router } = context;
  return (
    <Wizard
      spec={spec}
      initial={initial}
      env={env}
      router={router}
      onResponse={onResponse}
      done={done ? (outcome, values, checks) => done(outcome, values, { env, router, checks }) : undefined}
      {...(intro ? { intro } : {})}
      review={review}
    />
  );
}
