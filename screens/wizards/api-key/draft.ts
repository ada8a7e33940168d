/** The key wizard's plan: one POST /users/auth/keys, built by buildCreateApiKey from exactly the chosen answers. */
import { flattenAssignments, isSameAssignment } from '../../../src/domain/assignments.js';
import { buildCreateApiKey, NEVER_EXPIRES } from '../../../src/domain/builders/index.js';
import { createPlan } from '../../../src/domain/plan.js';
import type { Draft } from '../../../components/wizard/Wizard.js';
import { gather, refusal, toInputs } from '../build.js';
import { deploymentIdNotes } from '../deployment-grants.js';
import { orgIdOf, type WizardEnv } from '../env.js';
import { stackAccessNotes } from './notes.js';
import { expirationOf, keyRows, type KeyValues } from './values.js';

export function keyDraft(v: KeyValues, env: WizardEnv): Draft<WizardEnv> {
  const rows = keyRows(v, env);
  const result = buildCreateApiKey({
    orgId: orgIdOf(env),
    description: v.description,
    expiration: v.expiry === 'never' ? NEVER_EXPIRES : expirationOf(v),
    assignments: toInputs(rows.map((r) => ({ ...r, applicationRoles: [] }))),
    // Answers left from another scope (chosen, then walked back from) must not reach a deployments-only key.
    stackAccess: v.scope === 'deployments' ? [] : v.stackRoles,
    stackAccessScope: v.scope === 'organization' ? 'organization' : 'projects',
  });
  const built = gather([result]);
  const existing = new Set(env.snapshot.keys.map((k) => k.id));
  const blocked = refusal([], built);
  return {
    plan: createPlan('Create an API key', built.requests),
    notes: [
      // Per project: where a chosen role is missing the key silently gets nothing; with none at all it is Cloud-only.
      ...stackAccessNotes(v, env),
      ...deploymentIdNotes(rows, env),
      ...built.notes,
      { tone: 'muted', text: 'The secret is shown once, after creation; ec-access does not store it anywhere' },
    ],
    verify: (fresh) => {
      const found = fresh.snapshot.keys.find(
        (k) =>
          !existing.has(k.id) &&
          k.description === v.description.trim() &&
          rows.every((r) => flattenAssignments(k.role_assignments ?? {}).some((h) => isSameAssignment(h, r))),
      );
      return [
        found
          ? {
              tone: 'success',
              text: `The key list now shows "${found.description}" (${found.id}) with the chosen roles`,
            }
          : { tone: 'danger', text: 'The re-read key list does not show the new key with the chosen roles' },
      ];
    },
    ...(blocked ? { blocked } : {}),
  };
}
