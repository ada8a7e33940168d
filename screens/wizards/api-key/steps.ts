/**
 * The API key wizard's questions. Stack access is asked explicitly because keys never inherit stack roles from
 * their Cloud role; organization-wide stack access needs a typed confirmation because it reaches future projects.
 */
import { isProjectType, PROJECT_TYPES, type ProjectType } from '../../../src/api/schemas.js';
import { formatExpiry, validateExpiration } from '../../../src/domain/duration.js';
import {
  friendlyRoleName,
  ORGANIZATION_OWNER_ROLE_ID,
  predefinedStackRoles,
  rolesForScope,
} from '../../../src/domain/catalog.js';
import type { Note, Option, Step } from '../../../components/wizard/model.js';
import { deploymentGrantSteps } from '../deployment-grants.js';
import { customRolesIn, projectsOfType, TYPE_LABEL, type WizardEnv } from '../env.js';
import { stackAccessNotes } from './notes.js';
import {
  asksDeployments,
  ORG_CONFIRM_PHRASE,
  PRESETS,
  reuseCandidates,
  targetProjects,
  targetTypes,
  type KeyValues,
} from './values.js';

type S = Step<KeyValues, WizardEnv>;

const KEY_SCOPES = ['projects', 'types', 'organization', 'deployments'] as const;
const isKeyScope = (id: string): id is KeyValues['scope'] => (KEY_SCOPES as readonly string[]).includes(id);

/** An organization owner already reaches every deployment, so a deployment role adds nothing to such a key. */
function ownerReachNotes(v: KeyValues): Note[] {
  const orgRole = v.scope === 'organization' ? v.orgRole : v.scope === 'deployments' ? '' : v.orgRoleToo;
  return orgRole === ORGANIZATION_OWNER_ROLE_ID
    ? [
        {
          tone: 'muted',
          text: 'As Organization owner the key already reaches every deployment; a deployment role adds nothing',
        },
      ]
    : [];
}

const short = (type: ProjectType, roleId: string) => roleId.slice(type.length + 1);

/** Cloud roles valid on every chosen type (`admin`, `viewer`; `developer` only for Elasticsearch alone, …). */
function cloudRoleOptions(v: KeyValues, env: WizardEnv): Option[] {
  const types = targetTypes(v, env);
  if (types.length === 0) return [];
  const [first, ...rest] = types;
  return rolesForScope(first!)
    .filter((r) => rest.every((t) => rolesForScope(t).some((x) => short(t, x.id) === short(first!, r.id))))
    .map((r) => ({ id: short(first!, r.id), label: r.label, hint: r.description }));
}

function stackOptions(v: KeyValues, env: WizardEnv): Option[] {
  const types = targetTypes(v, env);
  const everywhere = (name: string) => types.every((t) => predefinedStackRoles(t).includes(name));
  const predefined = [...new Set(types.flatMap(predefinedStackRoles))].map((name) => ({
    id: name,
    label: name,
    hint: everywhere(name)
      ? 'predefined in every target project'
      : `predefined only in ${types.filter((t) => predefinedStackRoles(t).includes(name)).join(', ')}`,
  }));
  const customs = [...new Set(targetProjects(v, env).flatMap((p) => customRolesIn(env, p.id)))]
    .sort()
    .filter((name) => !predefined.some((o) => o.id === name))
    .map((name) => ({ id: name, label: name, hint: 'custom role' }));
  return [...predefined, ...customs];
}

export const KEY_STEPS: readonly S[] = [
  {
    kind: 'text',
    id: 'description',
    concept: 'key-expiry-and-reuse',
    title: 'What is the key for?',
    help: 'The description is how the key is found (and reused) later',
    placeholder: 'CI pipeline - ES ingest',
    get: (v) => v.description,
    set: (v, description) => ({ ...v, description }),
    validate: (v) =>
      v.description.trim() === ''
        ? 'A description is required'
        : v.description.length > 255
          ? 'At most 255 characters'
          : undefined,
    notes: (v, env) =>
      env.snapshot.keys
        .filter(
          (k) =>
            k.description.trim().toLowerCase() === v.description.trim().toLowerCase() && v.description.trim() !== '',
        )
        .map((k) => ({
          tone: 'warning' as const,
          text: `A key with this description exists (${k.id}${k.expiration_date ? `, expires ${formatExpiry(new Date(k.expiration_date), env.snapshot.now)}` : ', never expires'})`,
        })),
  },
  {
    kind: 'choice',
    id: 'expiry',
    concept: 'key-expiry-and-reuse',
    title: 'Expiration',
    options: () => [
      ...PRESETS.map((p) => ({ id: p, label: p })),
      { id: 'custom', label: 'Custom…', hint: 'e.g. 12h, 14d, 6mo (at most 1y)' },
      { id: 'never', label: 'Never', hint: 'not recommended' },
    ],
    get: (v) => v.expiry,
    set: (v, expiry) => ({ ...v, expiry }),
  },
  {
    kind: 'text',
    id: 'custom-expiry',
    concept: 'key-expiry-and-reuse',
    title: 'Custom expiration',
    when: (v) => v.expiry === 'custom',
    placeholder: '14d',
    accept: (ch) => /[0-9a-zA-Z]/.test(ch),
    get: (v) => v.customExpiry,
    set: (v, customExpiry) => ({ ...v, customExpiry }),
    validate: (v) => {
      const check = validateExpiration(v.customExpiry);
      return check.ok ? undefined : check.message;
    },
  },
  {
    kind: 'choice',
    id: 'never',
    concept: 'key-expiry-and-reuse',
    title: 'A key without an expiration works until someone revokes it. Really create one?',
    help: 'If it leaks, it keeps working. No expiration is sent; where the API applies a default instead (docs: 3 months), that default wins.',
    when: (v) => v.expiry === 'never',
    options: () => [
      { id: 'no', label: 'No, choose an expiration' },
      { id: 'yes', label: 'Yes, I understand the risk' },
    ],
    get: () => undefined,
    set: (v, id) => (id === 'no' ? { ...v, expiry: '90d' } : v),
    next: (v) => (v.expiry === 'never' ? undefined : 'expiry'),
    summary: () => 'accepted: never expires',
  },
  {
    kind: 'choice',
    id: 'scope',
    concept: 'project-scoped-stack-access',
    title: 'Where may the key act?',
    options: () => [
      { id: 'projects', label: 'Chosen projects', hint: 'preferred: the narrowest scope' },
      { id: 'types', label: 'All projects of a type', hint: 'includes projects created later' },
      { id: 'organization', label: 'The whole organization', hint: 'every current and future project' },
      { id: 'deployments', label: 'Hosted deployments only', hint: 'deployment roles, no Serverless project access' },
    ],
    get: (v) => v.scope,
    set: (v, scope) => (isKeyScope(scope) ? { ...v, scope } : v),
  },
  {
    kind: 'choice',
    id: 'org-role',
    concept: 'key-owner-only',
    title: 'Organization role',
    when: (v) => v.scope === 'organization',
    options: () => rolesForScope('organization').map((r) => ({ id: r.id, label: r.label, hint: r.description })),
    get: (v) => v.orgRole,
    set: (v, orgRole) => ({ ...v, orgRole }),
  },
  {
    kind: 'multi',
    id: 'types',
    concept: 'project-scoped-stack-access',
    title: 'Which project types?',
    when: (v) => v.scope === 'types',
    options: (_, env) =>
      PROJECT_TYPES.map((t) => ({
        id: t,
        label: TYPE_LABEL[t],
        hint: `${projectsOfType(env, t).length} projects now`,
      })),
    get: (v) => v.types,
    set: (v, ids) => ({ ...v, types: ids.filter(isProjectType) }),
    validate: (v) => (v.types.length === 0 ? 'Choose at least one type (space to tick)' : undefined),
  },
  {
    kind: 'multi',
    id: 'projects',
    concept: 'project-scoped-stack-access',
    title: 'Which projects?',
    when: (v) => v.scope === 'projects',
    options: (_, env) => env.snapshot.projects.map((p) => ({ id: p.id, label: p.name, hint: `${p.type} · ${p.id}` })),
    get: (v) => v.projectIds,
    set: (v, projectIds) => ({ ...v, projectIds }),
    validate: (v) => (v.projectIds.length === 0 ? 'Choose at least one project (space to tick)' : undefined),
  },
  {
    kind: 'choice',
    id: 'cloud-role',
    concept: 'role-id-prefix',
    title: 'Cloud role on those projects',
    when: (v) => v.scope === 'projects' || v.scope === 'types',
    help: 'What the key may do through the Cloud API; it gives no Elasticsearch or Kibana access by itself',
    options: cloudRoleOptions,
    get: (v) => v.cloudRole || undefined,
    set: (v, cloudRole) => ({ ...v, cloudRole }),
    validate: (v, env) =>
      cloudRoleOptions(v, env).some((o) => o.id === v.cloudRole)
        ? undefined
        : 'Choose a role valid on every chosen type',
  },
  {
    kind: 'choice',
    id: 'org-role-too',
    concept: 'key-owner-only',
    title: 'The old key also has an organization role. Keep it on the new key?',
    help: 'Cloud API rights over the organization, next to the project access above; it gives no stack access',
    when: (v) => (v.scope === 'projects' || v.scope === 'types') && v.replaces?.orgRole !== undefined,
    options: (v) => [
      {
        id: v.replaces!.orgRole!,
        label: `Keep ${friendlyRoleName(v.replaces!.orgRole!)}`,
        hint: 'as the old key has it',
      },
      { id: '', label: 'No organization role', hint: 'narrower than the old key' },
    ],
    get: (v) => v.orgRoleToo,
    set: (v, orgRoleToo) => ({ ...v, orgRoleToo }),
  },
  {
    kind: 'multi',
    id: 'stack',
    concept: 'key-stack-access',
    title: 'Stack access (application_roles): Elasticsearch and Kibana roles inside the projects',
    help: 'API keys never inherit stack roles from their Cloud role; with none ticked the key is Cloud-only (403 on ES/Kibana)',
    when: (v) => v.scope !== 'deployments',
    options: stackOptions,
    get: (v) => v.stackRoles,
    set: (v, stackRoles) => ({ ...v, stackRoles }),
    notes: stackAccessNotes,
    summary: (v) => (v.stackRoles.length === 0 ? 'none (Cloud-only key)' : v.stackRoles.join(', ')),
  },
  {
    kind: 'text',
    id: 'org-confirm',
    concept: 'org-scoped-stack-access',
    title: `Type "${ORG_CONFIRM_PHRASE}" to give this key stack access in every project, including future ones`,
    help: 'Organization-scoped application_roles reach projects created later; project-scoped access is safer',
    when: (v) => v.scope === 'organization' && v.stackRoles.length > 0,
    get: (v) => v.orgConfirm,
    set: (v, orgConfirm) => ({ ...v, orgConfirm }),
    validate: (v) => (v.orgConfirm.trim() === ORG_CONFIRM_PHRASE ? undefined : `Type exactly: ${ORG_CONFIRM_PHRASE}`),
    summary: () => 'confirmed',
  },
  ...deploymentGrantSteps<KeyValues>('deployments', 'Hosted deployment access', {
    when: asksDeployments,
    notes: ownerReachNotes,
    validate: (v) =>
      v.scope === 'deployments' && v.deploymentGrants.length === 0
        ? 'This key has no other access: add at least one deployment role'
        : undefined,
  }),
  {
    kind: 'choice',
    id: 'reuse',
    concept: 'key-expiry-and-reuse',
    title: 'An active key already does this. Reuse it instead of creating another?',
    help: 'A second key for the same job doubles what must be rotated and revoked',
    when: (v, env) => reuseCandidates(v, env).length > 0,
    options: (v, env) => [
      ...reuseCandidates(v, env).map((k) => ({
        id: k.id,
        label: `Reuse "${k.description}"`,
        hint: `${k.id} · ${k.expiration_date ? `expires ${formatExpiry(new Date(k.expiration_date), env.snapshot.now)}` : 'never expires'}`,
      })),
      { id: 'new', label: 'Create a new key anyway' },
    ],
    get: (v) => v.reuse || undefined,
    set: (v, reuse) => ({ ...v, reuse }),
    next: (v, env) => {
      const chosen = reuseCandidates(v, env).find((k) => k.id === v.reuse);
      return chosen ? { close: `Reusing key "${chosen.description}" (${chosen.id}); nothing was created` } : undefined;
    },
  },
];
