/**
 * The doctor's fix for a custom role named where it does not exist: create it in those projects as a copy of the
 * descriptor from a project that has it (read through that project's Elasticsearch), so the name grants the same
 * everywhere. If no project has it, the wizard starts from an empty role and says so.
 */
import { useEffect, useState } from 'react';
import type { Note } from '../../../components/wizard/model.js';
import type { Project } from '../../../src/api/schemas.js';
import type { OrgSnapshot } from '../../../src/domain/org.js';
import { dataOf } from '../../../src/state/resource.js';
import { roleKey } from '../../../src/state/store.js';
import { useAppActions, useAppState, type PanelSpec } from '../../../src/ui/contexts.js';
import { PanelProblem, WizardPanel } from '../WizardPanel.js';
import { ROLE_SPEC } from './RolePanel.js';
import { copyOfRole, EMPTY_ROLE, type RoleValues } from './values.js';

/** A project outside the targets that has the role, preferring one of a target's type (same Kibana features). */
function sourceOf(snapshot: OrgSnapshot, name: string, targets: readonly Project[]): Project | undefined {
  const has = (p: Project) => {
    const state = snapshot.customRoles.get(p.id);
    return !targets.includes(p) && state?.status === 'loaded' && state.names.includes(name);
  };
  const candidates = snapshot.projects.filter(has);
  return candidates.find((p) => targets.some((t) => t.type === p.type)) ?? candidates[0];
}

function copyNotes(name: string, source: Project, targets: readonly Project[]): Note[] {
  const otherTypes = [...new Set(targets.map((t) => t.type))].filter((t) => t !== source.type);
  return [
    {
      tone: 'accent',
      text: `Copied from ${source.name}, where "${name}" exists, so it means the same in ${targets.map((t) => t.name).join(', ')}. Review each step; nothing is sent before the plan.`,
    },
    ...otherTypes.map((type): Note => ({
      tone: 'warning',
      text: `${source.name} is a ${source.type} project: check that its Kibana features exist in ${type} projects too.`,
    })),
  ];
}

interface Start {
  readonly initial: RoleValues;
  readonly intro: readonly Note[];
}

/** What the wizard starts from, once it can be told; otherwise what it is still waiting for. */
function useStart(name: string, projectIds: readonly string[]): Start | { problem: string } {
  const { data, snapshot } = useAppState();
  const actions = useAppActions();
  const targets = snapshot?.projects.filter((p) => projectIds.includes(p.id)) ?? [];
  // Where the role exists can be told only once every project's custom roles are in, or failed to load.
  const settled = (id: string) => ['ready', 'error'].includes(data.customRoles.get(id)?.status ?? 'idle');
  const known = snapshot !== undefined && snapshot.projects.every((p) => settled(p.id));
  const source = known ? sourceOf(snapshot, name, targets) : undefined;
  const sourceId = source?.id;
  const projectList = snapshot?.projects.map((p) => p.id).join('\n') ?? '';
  useEffect(() => {
    for (const id of projectList.split('\n').filter(Boolean)) actions.ensureCustomRoles(id);
  }, [projectList, actions]);
  useEffect(() => {
    if (sourceId) actions.ensureRole(sourceId, name);
  }, [sourceId, name, actions]);

  if (!known) return { problem: `Looking for "${name}" in every project's custom roles…` };
  if (!source) {
    return {
      initial: { ...EMPTY_ROLE, name, projectIds },
      intro: [
        {
          tone: 'warning',
          text: `"${name}" exists in no project ec-access can read, so there is nothing to copy: this starts from an empty role. Define what it should grant.`,
        },
      ],
    };
  }
  const resource = data.roleDescriptors.get(roleKey(source.id, name));
  const role = dataOf(resource);
  if (resource?.status === 'error' && !role)
    return { problem: `Cannot read ${name} in ${source.name}: ${resource.error.message}` };
  if (role === null) return { problem: `${name} no longer exists in ${source.name} (r reloads).` };
  if (!role) return { problem: `Reading ${name} from ${source.name}…` };
  return { initial: copyOfRole(name, role, projectIds), intro: copyNotes(name, source, targets) };
}

function CopyRole({ name, projectIds }: { name: string; projectIds: readonly string[] }) {
  const start = useStart(name, projectIds);
  // Decided once: the plan's own re-read reloads the custom roles, and the wizard must not start over meanwhile.
  const [decided, setDecided] = useState<Start>();
  // React's "state from the previous render" pattern: the first answer is kept, later ones are ignored.
  if (!decided && !('problem' in start)) setDecided(start);
  if (!decided) return <PanelProblem text={'problem' in start ? start.problem : ''} />;
  return <WizardPanel spec={ROLE_SPEC} initial={decided.initial} intro={decided.intro} />;
}

export function copyRolePanel(name: string, projectIds: readonly string[]): PanelSpec {
  return {
    id: 'custom-role-copy',
    title: `Create custom role ${name}`,
    node: <CopyRole name={name} projectIds={projectIds} />,
  };
}
