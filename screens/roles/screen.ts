/**
 * Roles: the predefined Cloud catalog first, then the custom roles defined inside each project (or why they could
 * not be listed there).
 */
import { PROJECT_TYPES, type Project, type RoleAssignments } from '../../src/api/schemas.js';
import { whoHasAccess } from '../../src/domain/access/index.js';
import { PREDEFINED_ROLES, type PredefinedRole } from '../../src/domain/catalog.js';
import { dataOf, type Resource } from '../../src/state/resource.js';
import { allProjects, listOf, PROJECT_LISTS, PROJECTS, projectListsOf } from '../../src/state/lists.js';
import { roleKey } from '../../src/state/store.js';
import { blank, field, heading, line, tone, type Line } from '../../src/ui/lines.js';
import { descriptorLines } from './role-descriptor.js';
import { ROLE_ACTIONS } from './actions.js';
import type { RoleRow } from './row.js';
import { byText, defineScreen, type ScreenContext } from '../../src/ui/screen-def.js';

function availability(role: PredefinedRole): string {
  if (role.scope === 'organization') return 'the organization';
  if (role.scope === 'deployment') return 'hosted deployments';
  return `${role.scope} projects`;
}

function customRows(ctx: ScreenContext, start: number): RoleRow[] {
  const rows: RoleRow[] = [];
  for (const project of allProjects(ctx.data)) {
    const state = dataOf(ctx.data.customRoles.get(project.id));
    if (!state) continue;
    if (state.status === 'unavailable') {
      rows.push({
        kind: 'unavailable',
        id: `unavailable:${project.id}`,
        order: start + rows.length,
        project,
        reason: state.reason,
      });
      continue;
    }
    for (const name of state.names) {
      rows.push({ kind: 'custom', id: `custom:${project.id}:${name}`, order: start + rows.length, project, name });
    }
  }
  return rows;
}

type Holder = { readonly kind: string; readonly label: string; readonly assignments: RoleAssignments | undefined };

function holders(ctx: ScreenContext): Holder[] {
  const s = ctx.snapshot;
  if (!s) return [];
  return [
    ...s.members.map((m) => ({
      kind: 'member',
      label: m.email ?? m.name ?? m.user_id,
      assignments: m.role_assignments,
    })),
    ...s.invitations.map((i) => ({ kind: 'invitation', label: i.email, assignments: i.role_assignments })),
    ...s.keys.map((k) => ({ kind: 'API key', label: k.description, assignments: k.role_assignments })),
  ];
}

/** Principals with an entry whose role_id is this role (assignment listing; what it grants is the domain's job). */
function assignedTo(role: PredefinedRole, ctx: ScreenContext): Line[] {
  const entriesOf = (a: RoleAssignments | undefined) => [
    ...(a?.organization ?? []),
    ...(a?.deployment ?? []),
    ...PROJECT_TYPES.flatMap((t) => a?.project?.[t] ?? []),
  ];
  const found = holders(ctx).filter((h) => entriesOf(h.assignments).some((e) => e.role_id === role.id));
  if (found.length === 0) return [line(tone('muted', '  nobody'))];
  return found.map((h) => line('  ', tone('muted', h.kind.padEnd(12)), h.label));
}

function predefinedDetails(role: PredefinedRole, ctx: ScreenContext): Line[] {
  return [
    heading(role.label),
    field('Role id', role.id),
    field('Scope', role.scope),
    field('Available on', availability(role)),
    field('Description', role.description),
    ...(role.stackRole ? [field('Signs in as', `stack role "${role.stackRole}" (usable in application_roles)`)] : []),
    blank,
    heading('Assigned to'),
    ...assignedTo(role, ctx),
  ];
}

function customDetails(project: Project, name: string, ctx: ScreenContext): Line[] {
  const descriptor = ctx.data.roleDescriptors.get(roleKey(project.id, name));
  const audience = ctx.snapshot && whoHasAccess(ctx.snapshot, project.id);
  const holdersOfRole = audience
    ? [...audience.members, ...audience.invitations, ...audience.keys].filter((h) =>
        h.access.roles.some((r) => r.name === name),
      )
    : [];
  let body: Line[];
  if (!descriptor || descriptor.status === 'idle' || descriptor.status === 'loading')
    body = [line(tone('muted', '  loading…'))];
  else if (descriptor.status === 'error') {
    body = [
      line('  ', tone('danger', `${ctx.symbols.fail} ${descriptor.error.message}`)),
      ...(descriptor.error.hint ? [line(tone('muted', `  ${descriptor.error.hint}`))] : []),
    ];
  } else if (descriptor.data === null)
    body = [line('  ', tone('warning', `${ctx.symbols.warn} the role no longer exists in this project`))];
  else body = descriptorLines(descriptor.data);
  return [
    heading(name),
    field('Project', project.name, tone('muted', ` (${project.type}, ${project.id})`)),
    blank,
    heading('Descriptor'),
    ...body,
    blank,
    heading('Assigned to (in this project)'),
    ...(holdersOfRole.length > 0
      ? holdersOfRole.map((h) => line('  ', tone('muted', h.principal.kind.padEnd(12)), h.principal.label))
      : [line(tone('muted', audience ? '  nobody' : '  loading…'))]),
  ];
}

function unavailableDetails(project: Project, reason: string, ctx: ScreenContext): Line[] {
  return [
    heading(`Custom roles of ${project.name}`),
    field('Project', `${project.name} (${project.type}, ${project.id})`),
    field('Status', tone('warning', `${ctx.symbols.warn} unavailable`)),
    field('Why', reason),
  ];
}

function customRolesSource(data: ScreenContext['data']): Resource<unknown> {
  const states = [...data.customRoles.values()];
  const failed = states.find((r) => r.status === 'error');
  if (failed) return failed;
  return states.some((r) => r.status === 'loading') ? { status: 'loading' } : { status: 'idle' };
}

export const rolesScreen = defineScreen<RoleRow>({
  id: 'roles',
  actions: ROLE_ACTIONS,
  sources: (data) => [
    ...PROJECT_TYPES.map((type) => ({ noun: `${type} projects`, resource: listOf(data, PROJECTS[type]) })),
    { noun: 'custom roles', resource: customRolesSource(data) },
  ],
  refresh: [...PROJECT_LISTS, 'customRoles'],
  deps: (data) => [...projectListsOf(data), data.customRoles],
  rows: (ctx) => [
    ...PREDEFINED_ROLES.map((role, order): RoleRow => ({
      kind: 'predefined',
      id: `predefined:${role.id}`,
      order,
      role,
    })),
    ...customRows(ctx, PREDEFINED_ROLES.length),
  ],
  columns: [
    {
      header: 'SCOPE',
      width: 13,
      text: (r) => (r.kind === 'predefined' ? r.role.scope : 'custom'),
      tone: (r) => (r.kind === 'predefined' ? undefined : 'accent'),
      searchable: true,
    },
    {
      header: 'ROLE',
      width: 18,
      grow: 1,
      text: (r) => (r.kind === 'predefined' ? r.role.label : r.kind === 'custom' ? r.name : '(unavailable)'),
      searchable: true,
    },
    {
      header: 'ID / PROJECT',
      width: 18,
      grow: 1,
      text: (r) => (r.kind === 'predefined' ? r.role.id : r.project.name),
      searchable: true,
    },
    {
      header: 'ABOUT',
      width: 20,
      grow: 1,
      text: (r) =>
        r.kind === 'predefined'
          ? r.role.description
          : r.kind === 'custom'
            ? `custom role in ${r.project.type} project`
            : r.reason,
      tone: (r) => (r.kind === 'unavailable' ? 'warning' : undefined),
    },
  ],
  sorts: [
    { label: 'catalog', compare: (a, b) => a.order - b.order },
    {
      label: 'name',
      compare: (a, b) =>
        byText(
          a.kind === 'predefined' ? a.role.label : a.kind === 'custom' ? a.name : '',
          b.kind === 'predefined' ? b.role.label : b.kind === 'custom' ? b.name : '',
        ),
    },
  ],
  empty: 'No roles.',
  detailsTitle: (r) =>
    r.kind === 'predefined'
      ? `Role: ${r.role.label} (${r.role.id})`
      : r.kind === 'custom'
        ? `Custom role: ${r.name} in ${r.project.name}`
        : `Custom roles: ${r.project.name}`,
  details: (r, ctx) =>
    r.kind === 'predefined'
      ? predefinedDetails(r.role, ctx)
      : r.kind === 'custom'
        ? customDetails(r.project, r.name, ctx)
        : unavailableDetails(r.project, r.reason, ctx),
  onDetails: (r, loaders) => {
    if (r.kind === 'custom') loaders.ensureRole(r.project.id, r.name);
  },
  onShow: (ctx, loaders) => {
    for (const project of allProjects(ctx.data)) loaders.ensureCustomRoles(project.id);
  },
});
