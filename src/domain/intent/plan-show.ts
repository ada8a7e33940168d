/** "who has access to X" and "what can X access": open the access explainer on a project, a member or a key. */
import { exactProject, keysMatching } from './resolve.js';
import { failed, itemsOf, planned, type PlanInput } from './plan-input.js';
import type { IntentResult } from './types.js';

export function planWhoHasAccess(input: PlanInput): IntentResult {
  const { items, notes } = input.classified;
  const projects = itemsOf(items, 'project');
  if (projects.length !== 1 || items.length !== 1) return failed('who has access to which project? Name one project');
  return planned({ kind: 'show-access', subject: { kind: 'project', projectId: projects[0]!.project.id } }, notes);
}

/** A subject may be a key description too, which the word classifier does not know: those are tried first. */
export function planShowSubject(input: PlanInput, rawSubject: string): IntentResult {
  const key =
    input.context.keys.find((k) => k.description.toLowerCase() === rawSubject.toLowerCase()) ??
    (keysMatching(input.context.keys, rawSubject).length === 1
      ? keysMatching(input.context.keys, rawSubject)[0]
      : undefined);
  if (key) return planned({ kind: 'show-access', subject: { kind: 'key', keyId: key.id } }, []);
  const { items, notes } = input.classified;
  const [only] = items;
  if (items.length === 1 && only?.t === 'member')
    return planned({ kind: 'show-access', subject: { kind: 'member', userId: only.member.user_id } }, notes);
  if (items.length === 1 && only?.t === 'email') {
    const member = input.context.members.find((m) => m.email?.toLowerCase() === only.email);
    if (member) return planned({ kind: 'show-access', subject: { kind: 'member', userId: member.user_id } }, notes);
  }
  const project = exactProject(input.context.projects, rawSubject.toLowerCase());
  if (project) return planned({ kind: 'show-access', subject: { kind: 'project', projectId: project.id } }, notes);
  return failed(`"${rawSubject}" is not a member, key or project`);
}
