/**
 * Why things are the way they are, by concept: a one-line "why" for under a wizard step and a longer text for the
 * `i` panel and the tour. Pure data, written from the access-management skill and the unified-key note
 * (shared/seeds), so the app teaches the same rules the API enforces. Wizard steps and tour lessons name concepts
 * by id; a test keeps every id they use present here.
 */

export const CONCEPT_IDS = [
  'custom-role-assignment',
  'key-stack-access',
  'org-scoped-stack-access',
  'project-scoped-stack-access',
  'over-grant',
  'custom-role-per-project',
  'invitation-expiry',
  'invite-or-update',
  'sandbox-accept',
  'key-expiry-and-reuse',
  'key-owner-only',
  'typed-confirmation',
  'one-time-secret',
  'revoke-leaked-key',
  'role-id-prefix',
  'predefined-vs-custom',
  'predefined-roles',
  'organization-roles',
  'deployment-roles',
  'project-role-scope',
  'edit-role-assignments',
  'role-name-rules',
  'dls-fls',
  'cluster-privileges',
  'kibana-privileges',
  'index-privileges',
  'request-preview',
  'who-has-access',
  'access-doctor',
] as const;

export type ConceptId = (typeof CONCEPT_IDS)[number];

export interface Explanation {
  readonly id: ConceptId;
  readonly title: string;
  /** One line, shown dim under a wizard step. */
  readonly why: string;
  /** Paragraphs for the explanation panel. */
  readonly body: readonly string[];
}

type Entry = Omit<Explanation, 'id'>;

const CATALOGUE: Record<ConceptId, Entry> = {
  'custom-role-assignment': {
    title: 'How a custom role is assigned',
    why: 'A custom role goes in application_roles, next to the project-type Viewer role_id.',
    body: [
      'A custom role lives inside the project (PUT /_security/role/{name}); the Cloud API only points at it. The ' +
        'assignment sets role_id to the project-type Viewer role (elasticsearch-viewer, observability-viewer or ' +
        'security-viewer) and application_roles to the custom role name.',
      'The Viewer role_id lets the user see and open the project in the Cloud console. Because application_roles is ' +
        'set, signing in to the project gives only the custom role, not the Viewer stack role.',
      'Canonical flow: create the role in the project, invite the user without project roles if they are new, then ' +
        'assign the custom role, and verify by listing members and roles.',
    ],
  },
  'key-stack-access': {
    title: 'Stack access for API keys',
    why: 'Keys never inherit stack roles: without application_roles, Elasticsearch and Kibana answer 403.',
    body: [
      'A Cloud API key can call the Cloud API and, on Serverless projects, the Elasticsearch and Kibana APIs with the ' +
        "same Authorization: ApiKey header. The data-plane part comes only from application_roles in the key's " +
        'role_assignments.',
      'Unlike users, keys never inherit a stack role from their role_id. A key whose application_roles are absent or ' +
        'empty is a Cloud-only key: every Elasticsearch or Kibana call answers 403 Forbidden. That keeps keys created ' +
        'before unified keys working exactly as before.',
      'Keys cannot be edited: to add stack access, create a new key with application_roles and revoke the old one.',
    ],
  },
  'org-scoped-stack-access': {
    title: 'Organization-scoped stack access',
    why: 'application_roles on an organization assignment reach every project, including ones not created yet.',
    body: [
      'An organization-scoped assignment with application_roles grants Elasticsearch and Kibana access in every ' +
        'current and future project of the organization: the broadest data-plane scope there is.',
      'Use it only when the key genuinely needs every project (platform automation, cross-project search), and ' +
        'confirm first. Prefer project-scoped assignments: a leaked project-scoped key exposes only those projects.',
      'With a custom role name, the role must exist in each project; where it does not, the key silently gets nothing.',
    ],
  },
  'project-scoped-stack-access': {
    title: 'Project-scoped stack access',
    why: 'Preferred: grant specific projects, or all projects of one type with all: true.',
    body: [
      'A project assignment names a project type and either project_ids or all: true. all: true covers every project ' +
        'of that type, including future ones of that type, but nothing of the other types.',
      'This is the default for keys that need Elasticsearch or Kibana: it limits the blast radius if the key leaks.',
    ],
  },
  'over-grant': {
    title: 'Over-grant: roles combine as a union',
    why: "A predefined role next to a custom role on the same project defeats the custom role's restriction.",
    body: [
      'When a user signs in to a project, every role they hold there applies together, as a union. A custom role ' +
        'already gives Viewer-level console access for its project.',
      'Assigning viewer (or any predefined role) separately on the same project adds the broader stack role, and ' +
        'the restrictions the custom role was meant to enforce no longer hold. Do not assign a predefined role ' +
        'alongside a custom role for the same project.',
    ],
  },
  'custom-role-per-project': {
    title: 'Custom roles exist per project',
    why: 'A custom role must be created in every project where it should work; elsewhere it grants nothing.',
    body: [
      'PUT /_security/role/{name} creates the role in one project only. An assignment or key that names the role in ' +
        'a project without it gets no access there, and no error says so.',
      'Create the role in each target project first, or use a predefined role (admin, developer, viewer), which exists ' +
        'in every project by default.',
    ],
  },
  'invitation-expiry': {
    title: 'Invitations expire',
    why: 'An invitation is valid for 72 hours unless expires_in says otherwise; expired ones must be re-sent.',
    body: [
      'POST /organizations/{id}/invitations sends an email with a link. Until it is accepted the person is not a ' +
        'member and has no access; the roles in the invitation apply from the moment they accept.',
      'Invitations cannot be edited or extended: cancel and invite again. Expired invitations are clutter to clean up.',
    ],
  },
  'invite-or-update': {
    title: 'Invite or update',
    why: 'Existing members are not invited again: their role assignments are updated instead.',
    body: [
      'Check the member list first. A new person is invited (with roles in the invitation); an existing member gets ' +
        'POST /users/{user_id}/role_assignments, which adds to what they already have.',
    ],
  },
  'sandbox-accept': {
    title: 'Accepting an invitation (sandbox only)',
    why: "In the sandbox you can accept on the invitee's behalf; in Elastic Cloud only the invitee can.",
    body: [
      'A real invitation is accepted by the invitee following the emailed link. The sandbox has a control route ' +
        '(POST /_sandbox/invitations/{token}/_accept) that does it for them, so the whole flow can be practised ' +
        "end to end. The new member carries the invitation's role assignments.",
    ],
  },
  'key-expiry-and-reuse': {
    title: 'Key expiry and reuse',
    why: 'Give every key an expiry, and reuse an active key for the same purpose instead of adding another.',
    body: [
      'A key without expiration works until someone revokes it; a short expiry (30d for CI) limits what a leak costs.',
      'Before creating a key, look at the existing ones: if an active key already serves the same purpose with the ' +
        'right roles and enough lifetime left, reuse it. Two identical keys are fine for two different pipelines, ' +
        'not for the same task.',
    ],
  },
  'key-owner-only': {
    title: 'Only organization owners manage keys',
    why: 'Creating and revoking Cloud API keys needs the organization-admin role.',
    body: [
      'Any member may list keys, but only an Organization owner (organization-admin) can create or revoke them; ' +
        'others get 403. ec-access does not pre-check: the API enforces it and the error is shown as is.',
    ],
  },
  'typed-confirmation': {
    title: 'Typed confirmation',
    why: 'Destructive actions cannot be undone, so you type what will be destroyed before anything is sent.',
    body: [
      'Removing a member, cancelling an invitation and revoking keys take effect at once and cannot be reversed. ' +
        'Typing the name (or the count) proves you read what will go, not just pressed enter out of habit.',
    ],
  },
  'one-time-secret': {
    title: 'The secret is shown once',
    why: "The API returns a key's secret only in the create response; nobody can show it again.",
    body: [
      'Copy or save the secret while it is on screen. ec-access never writes it to its state, logs or audit trail. ' +
        'If it is lost, create a new key and revoke the old one.',
      "Put it straight into the secret store of the system that uses it (the CI pipeline's secrets), not in a chat " +
        'or a file in the repository.',
    ],
  },
  'revoke-leaked-key': {
    title: 'Revoking a leaked key',
    why: 'Revocation is immediate: find the exact key by id, revoke it, and leave the others alone.',
    body: [
      'DELETE /users/auth/keys with the key id stops it working at once, for the Cloud API and every project. Do not ' +
        'revoke by description: descriptions repeat, and revoking a healthy key breaks whatever used it.',
      'Afterwards, create a replacement for the pipeline that used the leaked key and check the audit trail for what ' +
        'it did.',
    ],
  },
  'role-id-prefix': {
    title: 'Project role ids carry the project type',
    why: 'On the wire, project roles are prefixed with their type: elasticsearch-developer, security-t1-analyst.',
    body: [
      'The console says Developer; the Cloud API says elasticsearch-developer. Inside application_roles the bare stack ' +
        'role name is used instead (developer, t1_analyst) or a custom role name.',
    ],
  },
  'predefined-vs-custom': {
    title: 'Predefined or custom?',
    why: 'Prefer a predefined role; create a custom one only for finer grain (index patterns, DLS/FLS, Kibana features).',
    body: [
      'Admin, Developer, Viewer and Editor (and the Security analyst roles) cover most needs and exist in every ' +
        'project of their type. Custom roles fit read-only access to an index pattern, document- or field-level ' +
        'security, and Kibana feature-level control.',
    ],
  },
  'predefined-roles': {
    title: 'Predefined project roles',
    why: 'Admin, Developer (search only), Viewer, Editor (observability, security) and the Security analyst roles.',
    body: [
      'Developer exists on search (elasticsearch) projects only; Editor on observability and security; the analyst ' +
        'roles on security only. When a user signs in, the Cloud role maps to the stack role of the same name.',
    ],
  },
  'organization-roles': {
    title: 'Organization roles',
    why: 'organization-admin (owner) can do everything, including keys; billing-admin manages billing only.',
    body: [
      'Organization owners get admin in every project. Keep at least two owners so losing one account does not lock ' +
        'the organization out, and no more than needed.',
    ],
  },
  'deployment-roles': {
    title: 'Hosted deployment roles',
    why: 'Deployment roles are for hosted (non-Serverless) deployments; they give nothing in Serverless projects.',
    body: [
      'deployment-admin, deployment-editor and deployment-viewer apply to Elastic Cloud Hosted deployments, with ' +
        'all: true for every deployment or deployment_ids for some. Serverless projects ignore them.',
      'All deployments (all: true) also reaches every deployment created later; chosen deployments reach only those.',
      'Add none unless the person or key also works with hosted deployments.',
    ],
  },
  'project-role-scope': {
    title: 'Which projects a role covers',
    why: 'A project role names its projects, or with all: true every project of the type, future ones included.',
    body: [
      'Each project assignment has a project type and either project_ids or all: true. all: true is convenient but ' +
        'also covers every project of that type created later; naming projects keeps the access where it is meant.',
      'Roles are per type: Developer exists on search projects only, Editor on observability and security.',
    ],
  },
  'edit-role-assignments': {
    title: "Changing someone's roles",
    why: 'There is no "replace": removed entries are DELETEd and new ones POSTed, so you see exactly what changes.',
    body: [
      'DELETE /users/{user_id}/role_assignments removes exactly the entries named; POST adds entries next to the ones ' +
        'kept. ec-access removes first, so a failure half-way leaves less access, never more.',
      'Remove a predefined role that sits next to a custom role on the same project: the union would over-grant.',
    ],
  },
  'role-name-rules': {
    title: 'Custom role names',
    why: 'Start with a letter or digit; only letters, digits, _, - and . are allowed.',
    body: ['The same name may exist in several projects with different content; each is a separate role.'],
  },
  'dls-fls': {
    title: 'Document- and field-level security',
    why: 'DLS limits which documents a role sees (a query); FLS limits which fields (grant / except).',
    body: [
      'Both live on an indices entry of the custom role: query for document-level security, field_security for ' +
        'field-level security. They only narrow what the index privileges allow; they never widen it.',
    ],
  },
  'cluster-privileges': {
    title: 'Cluster privileges',
    why: 'Cluster privileges act on the whole project, not on indices; a read-only data role needs none.',
    body: [
      'monitor lets a role read cluster health and stats; the manage_* privileges change project-wide settings, ' +
        'pipelines or security. Serverless accepts only a subset, which the list offers.',
      'Index access comes from the index privileges below, not from here: leave this empty unless the role truly ' +
        'needs a project-wide action.',
    ],
  },
  'kibana-privileges': {
    title: 'Kibana privileges',
    why: 'Kibana features are granted as application privileges for the kibana-.kibana application.',
    body: [
      'An applications entry names the application, privileges such as feature_discover.read or all/read, and ' +
        'resources (spaces, * for all). Without one, a custom role has no Kibana feature access.',
    ],
  },
  'index-privileges': {
    title: 'Index privileges',
    why: 'read and view_index_metadata make a role read-only on the index patterns it names.',
    body: [
      'Each indices entry pairs names (patterns such as marketing-*) with privileges. read lets the role search and ' +
        'get documents; view_index_metadata lets it see mappings. write, index, delete and manage change data.',
    ],
  },
  'request-preview': {
    title: 'Nothing is sent until you confirm',
    why: 'The review shows every request exactly as it will be sent; enter sends, esc goes back.',
    body: [
      'Each wizard ends with the plan: the method, the full URL and the JSON body of every request. Reading it is the ' +
        'fastest way to learn the API, and the same requests work from curl or a script.',
    ],
  },
  'who-has-access': {
    title: 'Who has access to a project',
    why: 'Members, open invitations and keys reach a project directly, through all: true, or as organization owners.',
    body: [
      'A project lists everyone whose assignments cover it and the stack roles they sign in with. Custom roles show ' +
        'by name; a key covered without application_roles reaches the Cloud API only.',
    ],
  },
  'access-doctor': {
    title: 'The access doctor',
    why: 'Rules over the whole organization find over-grants, missing roles, risky keys and stale invitations.',
    body: [
      'Each finding says why it matters and carries its fix, which opens the matching wizard pre-filled, so every ' +
        'request is still previewed and confirmed.',
    ],
  },
};

const withIds: Partial<Record<ConceptId, Explanation>> = Object.fromEntries(
  CONCEPT_IDS.map((id) => [id, { id, ...CATALOGUE[id] }]),
);
if (!coversEveryConcept(withIds)) throw new Error('explanations: a concept id has no entry');
export const EXPLANATIONS: Readonly<Record<ConceptId, Explanation>> = withIds;

function coversEveryConcept(
  entries: Partial<Record<ConceptId, Explanation>>,
): entries is Record<ConceptId, Explanation> {
  return CONCEPT_IDS.every((id) => entries[id] !== undefined);
}

export function isConceptId(value: string): value is ConceptId {
  return (CONCEPT_IDS as readonly string[]).includes(value);
}

export function explanationOf(id: ConceptId): Explanation {
  return EXPLANATIONS[id];
}
