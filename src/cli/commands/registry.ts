/**
 * The scriptable commands: their words, flags, help and where their code lives. Pure data, loaded by the
 * dispatcher for every command line, so it imports nothing heavy; each command's module is import()ed only
 * when it runs. `ec-access members` alone still opens the TUI: these all have a second word.
 */
import type { OptionSpecs } from '../args.js';
import { runModule, type CommandContext, type CommandSpec } from '../command-spec.js';
import { commandHelpText } from './command-help.js';
import type { FlagHelp, ScriptCommand } from './script-command.js';

const OUTPUT: readonly FlagHelp[] = [
  { name: 'json', help: 'print one JSON document (the default when stdout is not a terminal)' },
  { name: 'table', help: 'print tables even when stdout is not a terminal' },
];
const WRITE: readonly FlagHelp[] = [
  ...OUTPUT,
  { name: 'dry-run', help: 'print the exact request(s) (method, URL, body) and send no write' },
];
const DESTRUCTIVE: readonly FlagHelp[] = [
  ...WRITE,
  { name: 'yes', help: 'confirm without asking (required when there is no terminal)' },
];
const ROLES_JSON: FlagHelp = {
  name: 'roles',
  value: 'JSON',
  help: 'role_assignments as the skill writes them (bare ids such as viewer are expanded, a missing organization_id is filled in; leftover $ORG_ID/$PROJECT_ID placeholders are reported)',
};
const WHO: readonly FlagHelp[] = [
  { name: 'user-id', value: 'ID', help: "the member's user id" },
  { name: 'email', value: 'EMAIL', help: "or the member's email" },
];
const PROJECT: FlagHelp = {
  name: 'project',
  value: 'PROJECT',
  help: 'project id, alias or name (a unique prefix will do)',
};

const WRITE_JSON =
  '{schema:"ec-access/write@1", operation, results:[{target, ok, request:{method,url,summary}, result, error}], summary:{succeeded,failed}, warnings}';

function command<M>(
  words: string,
  load: () => Promise<M>,
  run: (module: M, ctx: CommandContext) => Promise<number>,
  rest: Omit<ScriptCommand, 'words' | 'run' | 'usage' | 'group'> & { usage?: string },
): ScriptCommand {
  return { words: words.split(' '), usage: rest.usage ?? words, group: 'command', run: runModule(load, run), ...rest };
}

export const SCRIPT_COMMANDS: readonly ScriptCommand[] = [
  command(
    'members list',
    () => import('./inventory.js'),
    (m, ctx) => m.membersList(ctx),
    {
      summary: 'organization members and their role assignments',
      description: ["Lists every member of the organization with their role assignments (the skill's list-members)."],
      flags: OUTPUT,
      examples: [['ec-access members list', 'Show me who has access to my organization.']],
      json: '{schema:"ec-access/members@1", organization_id, members:[{user_id, email, name, member_since, role_assignments}]}',
    },
  ),
  command(
    'members invite',
    () => import('./changes.js'),
    (m, ctx) => m.membersInvite(ctx),
    {
      usage: 'members invite --emails LIST [--roles JSON | --project P --role R] [--expires-in 3d]',
      summary: 'invite people to the organization, optionally with roles',
      description: [
        'Sends one invitation request per email, so one refused address does not stop the others.',
        'Roles are applied when the invitation is accepted. For a custom role, invite without roles and run',
        '`roles assign-custom` after acceptance.',
      ],
      flags: [
        { name: 'emails', value: 'LIST', help: 'comma-separated email addresses' },
        ROLES_JSON,
        PROJECT,
        { name: 'role', value: 'ROLE', help: 'with --project: admin, developer, viewer, editor, t1_analyst, …' },
        { name: 'expires-in', value: 'DURATION', help: 'how long the invitation stays valid (default 3d)' },
        ...WRITE,
      ],
      examples: [
        [
          'ec-access members invite --emails alice@example.com --project my-search --role viewer',
          'Add alice to my search project with read-only access.',
        ],
        [
          `ec-access members invite --emails alice@example.com --roles '{"project":{"elasticsearch":[{"role_id":"viewer","organization_id":"$ORG_ID","all":false,"project_ids":["$PROJECT_ID"]}]}}'`,
          "the skill's exact JSON",
        ],
        ['ec-access members invite --emails bob@example.com', 'invite without project roles (custom-role flow)'],
      ],
      json: `${WRITE_JSON}; result: {invitations:[{email, token:"[redacted]", created_at, expires_at, expired, role_assignments}]}`,
    },
  ),
  command(
    'members remove',
    () => import('./inventory.js'),
    (m, ctx) => m.membersRemove(ctx),
    {
      usage: 'members remove (--user-id LIST | --email LIST)',
      summary: 'remove members from the organization (destructive)',
      description: ['One request per member. At a terminal, confirm by typing the member\'s email (or "remove N").'],
      flags: [...WHO, ...DESTRUCTIVE],
      examples: [['ec-access members remove --email bob@example.com --yes', 'remove Bob without a prompt']],
      json: WRITE_JSON,
    },
  ),
  command(
    'invitations list',
    () => import('./inventory.js'),
    (m, ctx) => m.invitationsList(ctx),
    {
      summary: 'pending invitations (tokens redacted)',
      description: ['Lists open invitations. Tokens are secrets and are never printed; cancel by --email.'],
      flags: OUTPUT,
      examples: [['ec-access invitations list --json', 'who has not accepted yet']],
      json: '{schema:"ec-access/invitations@1", organization_id, invitations:[{email, token:"[redacted]", created_at, expires_at, expired, role_assignments}]}',
    },
  ),
  command(
    'invitations cancel',
    () => import('./inventory.js'),
    (m, ctx) => m.invitationsCancel(ctx),
    {
      usage: 'invitations cancel (--email LIST | --tokens LIST)',
      summary: 'cancel pending invitations (destructive)',
      description: ['One request per invitation. At a terminal, confirm by typing the email (or "cancel N").'],
      flags: [
        { name: 'email', value: 'LIST', help: 'cancel the invitations sent to these addresses' },
        { name: 'tokens', value: 'LIST', help: 'or name the invitation tokens themselves' },
        ...DESTRUCTIVE,
      ],
      examples: [['ec-access invitations cancel --email alice@example.com --yes', "withdraw Alice's invitation"]],
      json: WRITE_JSON,
    },
  ),
  command(
    'roles list',
    () => import('./inventory.js'),
    (m, ctx) => m.rolesList(ctx),
    {
      usage: 'roles list [--project P] [--name ROLE]',
      summary: "predefined and custom roles; one role's privileges with --name",
      description: [
        "Without --project: the predefined Cloud roles and every project's custom roles.",
        "With --project: the roles that project's type offers and its custom roles.",
        "With --name: that custom role's descriptor, read from the project's Elasticsearch.",
      ],
      flags: [
        PROJECT,
        { name: 'name', value: 'ROLE', help: "show this custom role's privileges (needs --project)" },
        ...OUTPUT,
      ],
      examples: [
        ['ec-access roles list --project my-search', 'which roles can I assign there?'],
        ['ec-access roles list --project my-search --name marketing-reader', 'what does this role grant?'],
      ],
      json: '{schema:"ec-access/roles@1", predefined:[{role_id, scope, label, stack_role}], custom:[{project_id, project_name, project_type, name, description}], unavailable:[{project_id, reason}]} | with --name: {schema:"ec-access/role@1", project_id, name, role}',
    },
  ),
  command(
    'roles assign',
    () => import('./changes.js'),
    (m, ctx) => m.rolesAssign(ctx),
    {
      usage: 'roles assign (--user-id ID | --email EMAIL) (--roles JSON | --project P --role R)',
      summary: 'add role assignments to a member',
      description: ['Adds the given assignments (POST /users/{id}/role_assignments); existing ones stay.'],
      flags: [
        ...WHO,
        ROLES_JSON,
        PROJECT,
        { name: 'role', value: 'ROLE', help: 'with --project: admin, developer, viewer, …' },
        ...WRITE,
      ],
      examples: [
        [
          'ec-access roles assign --email bob@example.com --project my-observability --role admin',
          'Promote Bob to admin on our observability project.',
        ],
        [
          `ec-access roles assign --user-id "$USER_ID" --roles '{"project":{"observability":[{"role_id":"admin","organization_id":"$ORG_ID","all":false,"project_ids":["$PROJECT_ID"]}]}}'`,
          "the skill's exact JSON",
        ],
      ],
      json: WRITE_JSON,
    },
  ),
  command(
    'roles unassign',
    () => import('./changes.js'),
    (m, ctx) => m.rolesUnassign(ctx),
    {
      usage: 'roles unassign (--user-id ID | --email EMAIL) (--roles JSON | --project P --role R)',
      summary: 'remove role assignments from a member (destructive)',
      description: [
        "Removes exactly the given assignments (DELETE /users/{id}/role_assignments). Confirm with the member's email.",
      ],
      flags: [
        ...WHO,
        ROLES_JSON,
        PROJECT,
        { name: 'role', value: 'ROLE', help: 'with --project: admin, developer, viewer, …' },
        ...DESTRUCTIVE,
      ],
      examples: [
        [
          'ec-access roles unassign --email bob@example.com --project my-observability --role admin --yes',
          "take Bob's admin role away",
        ],
      ],
      json: WRITE_JSON,
    },
  ),
  command(
    'roles assign-custom',
    () => import('./changes.js'),
    (m, ctx) => m.rolesAssignCustom(ctx),
    {
      usage: 'roles assign-custom (--user-id ID | --email EMAIL) --project P --role-name ROLE',
      summary: 'give a member a custom role on a project (application_roles)',
      description: [
        'Assigns <type>-viewer with application_roles [ROLE]: the member sees the project in the console and gets',
        'only ROLE inside it. Do not also assign a predefined role for the same project.',
      ],
      flags: [
        ...WHO,
        PROJECT,
        { name: 'role-name', value: 'ROLE', help: "the custom role's name in the project" },
        ...WRITE,
      ],
      examples: [
        [
          'ec-access roles assign-custom --email bob@example.com --project my-search --role-name dashboard-reader',
          'read-only dashboards for Bob',
        ],
      ],
      json: WRITE_JSON,
    },
  ),
  command(
    'roles unassign-custom',
    () => import('./changes.js'),
    (m, ctx) => m.rolesUnassignCustom(ctx),
    {
      usage: 'roles unassign-custom (--user-id ID | --email EMAIL) --project P --role-name ROLE',
      summary: "remove a member's custom role assignment (destructive)",
      description: ["Removes the assignment roles assign-custom made. Confirm with the member's email."],
      flags: [...WHO, PROJECT, { name: 'role-name', value: 'ROLE', help: "the custom role's name" }, ...DESTRUCTIVE],
      examples: [
        [
          'ec-access roles unassign-custom --email bob@example.com --project my-search --role-name dashboard-reader --yes',
          '',
        ],
      ],
      json: WRITE_JSON,
    },
  ),
  command(
    'roles create',
    () => import('./changes.js'),
    (m, ctx) => m.rolesCreate(ctx),
    {
      usage: 'roles create --project P --name ROLE (--body JSON | --body-file FILE)',
      summary: 'create or update a custom role in a project (PUT /_security/role)',
      description: [
        'Checks the name and the privileges against what Serverless accepts before sending.',
        'An existing role is replaced whole: the command shows what changes and who holds the role, and asks for',
        'its name to be typed (--yes without a terminal).',
      ],
      flags: [
        PROJECT,
        { name: 'name', value: 'ROLE', help: 'letters, digits, _ - . ; must start with a letter or digit' },
        { name: 'body', value: 'JSON', help: 'the role descriptor: cluster, indices, applications, …' },
        { name: 'body-file', value: 'FILE', help: 'or read the descriptor from a file' },
        // Replacing an existing role is destructive: it asks for the typed name, or --yes without a terminal.
        ...DESTRUCTIVE,
      ],
      examples: [
        [
          `ec-access roles create --project my-search --name marketing-reader --body '{"cluster":[],"indices":[{"names":["marketing-*"],"privileges":["read","view_index_metadata"]}]}'`,
          'read-only access to marketing-* indices',
        ],
        [
          `ec-access roles create --project my-search --name dashboard-reader --body '{"cluster":[],"indices":[],"applications":[{"application":"kibana-.kibana","privileges":["feature_dashboard.read"],"resources":["*"]}]}'`,
          'read-only dashboards',
        ],
      ],
      json: `${WRITE_JSON}; result: {role:{created}}`,
    },
  ),
  command(
    'roles delete',
    () => import('./changes.js'),
    (m, ctx) => m.rolesDelete(ctx),
    {
      usage: 'roles delete --project P --name ROLE',
      summary: 'delete a custom role from a project (destructive)',
      description: ['Warns when members or keys still name the role. Confirm by typing the role name.'],
      flags: [PROJECT, { name: 'name', value: 'ROLE', help: 'the custom role to delete' }, ...DESTRUCTIVE],
      examples: [['ec-access roles delete --project my-search --name marketing-reader --yes', '']],
      json: `${WRITE_JSON}; result: {found}`,
    },
  ),
  command(
    'keys list',
    () => import('./inventory.js'),
    (m, ctx) => m.keysList(ctx),
    {
      summary: 'Cloud and project API keys with expiry and access',
      description: [
        "Lists the organization's Cloud API keys (the skill's list-api-keys), then each project's own Elasticsearch",
        'API keys, and every project whose keys could not be read, with why. Secrets are never listed.',
      ],
      flags: OUTPUT,
      examples: [['ec-access keys list', 'check for an existing key before creating one']],
      json: '{schema:"ec-access/keys@1", keys:[{layer:"cloud", id, description, creation_date, expiration_date, expiry, user_id, role_assignments, stack_access}], project_keys:[{layer:"project", id, name, project_id, project_name, project_type, creation_date, expiration_date, expiry, username, realm, role_descriptors}], unreadable_projects:[{project_id, project_name, reason}]}',
    },
  ),
  command(
    'keys create',
    () => import('./changes.js'),
    (m, ctx) => m.keysCreate(ctx),
    {
      usage:
        'keys create --description TEXT --expiration DURATION (--roles JSON | --scope SCOPES [--role R]) [--stack-access ROLES]',
      summary: 'create a Cloud API key; its value goes to a 0600 file',
      description: [
        "The key's value is written to a new owner-only file (default $XDG_STATE_HOME/ec-access/secrets/<id>.key)",
        'and only the path is printed. --reveal prints the value too; avoid it in logs and agent transcripts.',
      ],
      flags: [
        { name: 'description', value: 'TEXT', help: 'what the key is for (shown in lists and confirmations)' },
        { name: 'expiration', value: 'DURATION', help: '1d, 7d, 30d, 12h, … (always set one)' },
        ROLES_JSON,
        {
          name: 'scope',
          value: 'SCOPES',
          help: 'comma-separated: all:<type>, a project, or org (an owner key reaching every project)',
        },
        { name: 'role', value: 'ROLE', help: 'Cloud role on the --scope projects (default viewer)' },
        {
          name: 'stack-access',
          value: 'ROLES',
          help: 'application_roles for ES/Kibana access: developer, admin, viewer or custom',
        },
        { name: 'secret-file', value: 'PATH', help: 'write the value here (never overwritten)' },
        { name: 'reveal', help: 'also print the value on stdout' },
        ...WRITE,
      ],
      examples: [
        [
          `ec-access keys create --description "CI/CD pipeline" --expiration 30d --roles '{"deployment":[{"role_id":"deployment-editor","all":true}]}'`,
          'editor access to all deployments',
        ],
        [
          `ec-access keys create --description "CI pipeline - ES ingest" --expiration 30d --roles '{"project":{"elasticsearch":[{"role_id":"developer","organization_id":"$ORG_ID","all":true}]}}' --stack-access developer`,
          'index into all search projects',
        ],
        [
          'ec-access keys create --description "Platform automation" --expiration 7d --scope org --stack-access admin',
          'org-wide (use with caution)',
        ],
        [
          'ec-access keys create --description "Marketing ETL" --expiration 14d --scope my-search --stack-access marketing-writer',
          'one project, custom role',
        ],
      ],
      json: `${WRITE_JSON}; result: {id, description, creation_date, expiration_date, role_assignments, secret_file, secret (only with --reveal)}`,
    },
  ),
  command(
    'keys revoke',
    () => import('./changes.js'),
    (m, ctx) => m.keysRevoke(ctx),
    {
      usage: 'keys revoke (--ids LIST | --filter TEXT)',
      summary: 'revoke Cloud and project API keys (destructive)',
      description: [
        'Revokes Cloud keys in one request, then re-reads the key list to report which keys really stopped working.',
        "Project (Elasticsearch) keys are invalidated with one request per project, judged from each project's answer.",
        '--filter matches descriptions and project key names (case-insensitive, * as wildcard). Confirm with the',
        'description (a project key: its id) or "revoke N".',
      ],
      flags: [
        { name: 'ids', value: 'LIST', help: 'key ids' },
        { name: 'filter', value: 'TEXT', help: 'or every key whose description matches' },
        ...DESTRUCTIVE,
      ],
      examples: [['ec-access keys revoke --filter "CI pipeline*" --dry-run', 'which keys would go?']],
      json: '{schema:"ec-access/revoke@1", request, requests:[{method,url,summary}], results:[{layer, id, description, project_id, project_name, status:"revoked"|"already-gone"|"failed"|"unknown", reason}], still_active:[id], maybe_active:[id], complete}',
    },
  ),
  command(
    'keys identify',
    () => import('./keys-identify.js'),
    (m, ctx) => m.keysIdentify(ctx),
    {
      usage: 'keys identify < FILE',
      summary: 'which key is this leaked value? (reads it from stdin or a hidden prompt)',
      description: [
        'Reads a key value from stdin (or a prompt that shows nothing), never from an argument, and never prints,',
        "logs or audits it. An Elasticsearch key's encoded value names its id; any other value is presented to the",
        "projects' _authenticate. Prints the key's id, layer, project, name, owner and the keys revoke line.",
      ],
      flags: OUTPUT,
      takesArgs: true,
      examples: [['pbpaste | ec-access keys identify', 'a secret scanner reported a value: whose key is it?']],
      json: '{schema:"ec-access/identify@1", found, method:"encoded-id"|"authenticate", key:{layer, id, name, project_id, project_name, expiry, owner:{user_id, email, member}}, revoke_command}',
    },
  ),
  command(
    'projects list',
    () => import('./inventory.js'),
    (m, ctx) => m.projectsList(ctx),
    {
      summary: 'Serverless projects of all three types',
      description: ['Lists elasticsearch, observability and security projects with ids, aliases and endpoints.'],
      flags: OUTPUT,
      examples: [['ec-access projects list --json', 'ids for --project and $PROJECT_ID']],
      json: '{schema:"ec-access/projects@1", projects:[{id, name, alias, type, region_id, endpoints:{elasticsearch, kibana}}]}',
    },
  ),
  command(
    'deployments list',
    () => import('./inventory.js'),
    (m, ctx) => m.deploymentsList(ctx),
    {
      usage: 'deployments list [--details] [--access]',
      summary: 'hosted deployments; with --details their version and health, with --access who can reach each',
      description: [
        'Lists the hosted deployments the key can see (GET /deployments) with their region and parts.',
        "With --details: each one's version, health and parts' status (GET /deployments/{id}, one request each:",
        'the listing has neither); a deployment that cannot be read is named on stderr and under "unreadable".',
        'With --access: every member, pending invitation and Cloud API key that reaches each deployment, and how',
        '(organization owner, a deployment role on all deployments, or one naming it).',
      ],
      flags: [
        { name: 'details', help: "also read each deployment's version and health (one request per deployment)" },
        { name: 'access', help: 'also list who can reach each deployment' },
        ...OUTPUT,
      ],
      examples: [
        ['ec-access deployments list', 'which hosted deployments are there?'],
        ['ec-access deployments list --details', 'which version does each run, and is it healthy?'],
        ['ec-access deployments list --access --json', 'who can reach each deployment, for a script'],
      ],
      json: '{schema:"ec-access/deployments@1", deployments:[{id, name, region, resources:[{kind, ref_id, id, region}], details:{healthy, status, version, parts:[{kind, ref_id, region, status, healthy, version}]} | null, access:[{principal:{kind,id,label}, role_id, role, via:"owner"|"all"|"direct"}] | null}], unreadable:[{id, name, reason}]}',
    },
  ),
  command(
    'access',
    () => import('./access.js'),
    (m, ctx) => m.accessReview(ctx),
    {
      usage:
        'access [--project P] [--member EMAIL] [--key ID] [--type T] [--format table|json|csv|md] [--since FILE] [--with-findings]',
      summary: 'access review: every grant (who, where, which role, how, until when), or what changed since an export',
      description: [
        'One row per grant: members, pending invitations and Cloud API keys, on the organization, each project and',
        'deployments, with the role, how it is granted (direct, all: true, organization-wide, owner) and the expiry.',
        'Table on a terminal, JSON otherwise. Keep the JSON export: --since FILE then prints only what changed.',
      ],
      flags: [
        PROJECT,
        { name: 'member', value: 'EMAIL', help: "only this member's (or invitee's) grants" },
        { name: 'key', value: 'ID', help: "only this API key's grants" },
        {
          name: 'type',
          value: 'TYPE',
          help: 'only scopes of this type: elasticsearch, observability, security, deployment',
        },
        {
          name: 'format',
          value: 'FORMAT',
          help: 'table, json, csv (RFC 4180, formulas defused) or md (a review document)',
        },
        {
          name: 'since',
          value: 'FILE',
          help: 'an earlier JSON export: print grants added, removed or altered, principals gone, keys expired',
        },
        { name: 'with-findings', help: "include the access doctor's findings (json and md)" },
      ],
      examples: [
        ['ec-access access --format json > access-2026-q3.json', "this quarter's baseline"],
        ['ec-access access --since access-2026-q3.json --format md > changes.md', 'what changed since then'],
        ['ec-access access --format md --with-findings > review.md', 'one review document with the doctor findings'],
      ],
      json: '{schema:"ec-access/access@1", organization:{id,name}, generated_at, filters, summary, grants:[{principal:{kind,id,identity}, scope:{kind,id,name,type}, role_id, role, application_roles, stack_roles, missing_roles, via, expires_at}], findings?} | with --since: {schema:"ec-access/access-diff@1", added, removed, altered, principals_gone, keys_expired, summary}',
    },
  ),
  command(
    'doctor',
    () => import('./doctor.js'),
    (m, ctx) => m.runDoctor(ctx),
    {
      summary: 'look for access problems (expiring keys, over-grants, missing roles, …)',
      description: ['Loads the organization and runs every doctor rule. Exit code 0 even when it finds problems.'],
      flags: OUTPUT,
      examples: [['ec-access doctor --json', 'findings for a script']],
      json: '{schema:"ec-access/doctor@1", summary:{critical,warning,info,total}, findings:[{id, rule, severity, title, why, principal, projectId, fix}]}',
    },
  ),
];

/** The parser's option table for one command, derived from its flag help so the two cannot drift apart. */
function optionsOf(spec: ScriptCommand): OptionSpecs {
  const options: OptionSpecs = {};
  for (const f of spec.flags) {
    // `filter` is a global flag already (args.ts); declaring it again would change nothing.
    if (f.name !== 'filter')
      options[f.name] = f.value ? { type: 'string' } : { type: 'boolean', ...(f.name === 'yes' ? { short: 'y' } : {}) };
  }
  return options;
}

/** The dispatcher's entries for these commands. */
export function scriptCommandSpecs(): CommandSpec[] {
  return SCRIPT_COMMANDS.map((c): CommandSpec => ({
    words: c.words,
    usage: c.usage,
    summary: c.summary,
    group: c.group,
    options: optionsOf(c),
    ...(c.takesArgs ? { takesArgs: true } : {}),
    help: () => commandHelpText(c),
    run: c.run,
  }));
}
