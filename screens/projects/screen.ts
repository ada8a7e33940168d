/** Serverless projects of all three types, and for each one who can get in and with which role. */
import { PROJECT_TYPES, type Project } from '../../src/api/schemas.js';
import { whoHasAccess, type AccessHolder } from '../../src/domain/access/index.js';
import { allProjects, listOf, PROJECT_KEYS, PROJECT_LISTS, PROJECTS, projectListsOf } from '../../src/state/lists.js';
import { blank, field, heading, line, tone, type Line } from '../../src/ui/lines.js';
import { dataOf } from '../../src/state/resource.js';
import { projectKeyPrivileges } from '../../src/domain/access/index.js';
import { isProjectKeyActive } from '../../src/domain/project-keys.js';
import { projectColumnLines } from '../../src/ui/access-lines.js';
import { absolute, relative } from '../../src/ui/dates.js';
import { customRolesLines } from './custom-roles.js';
import { byText, defineScreen, type ScreenContext } from '../../src/ui/screen-def.js';

export interface ProjectRow {
  readonly id: string;
  readonly project: Project;
  readonly created: string;
}

function holderLine(holder: AccessHolder, ctx: ScreenContext): Line {
  const roles = holder.access.roles.map((r) =>
    r.status === 'granted'
      ? r.name
      : r.status === 'missing'
        ? tone('danger', `${ctx.symbols.fail} ${r.name} (missing here)`)
        : tone('warning', `${r.name} (unverified)`),
  );
  const shown =
    roles.length > 0 ? roles.flatMap((r, i) => (i > 0 ? [', ', r] : [r])) : [tone('muted', 'Cloud access only')];
  return line('  ', holder.principal.label.padEnd(28), ' ', ...shown, tone('muted', `  ${holder.reasons.join('; ')}`));
}

function audienceLines(project: Project, ctx: ScreenContext): Line[] {
  const audience = ctx.snapshot && whoHasAccess(ctx.snapshot, project.id);
  if (!audience) return [line(tone('muted', '  loading…'))];
  const group = (title: string, holders: readonly AccessHolder[]): Line[] => [
    line('  ', tone('title', `${title} (${holders.length})`)),
    ...(holders.length > 0 ? holders.map((h) => holderLine(h, ctx)) : [line(tone('muted', '    none'))]),
  ];
  return [
    ...group('Members', audience.members),
    ...group('Pending invitations', audience.invitations),
    ...group('API keys', audience.keys),
    ...projectKeyLines(project, ctx),
  ];
}

/** The project's own (Elasticsearch) API keys: the older layer, with what their descriptors grant. */
function projectKeyLines(project: Project, ctx: ScreenContext): Line[] {
  const title = (count: string) => line('  ', tone('title', `Project API keys, made inside this project (${count})`));
  const listing = dataOf(listOf(ctx.data, PROJECT_KEYS))?.find((p) => p.project.id === project.id);
  if (!listing) return [title('…'), line(tone('muted', '    loading…'))];
  if (listing.state.status === 'unreadable')
    return [title('?'), line('    ', tone('warning', `not readable: ${listing.state.reason}`))];
  const keys = listing.state.keys.filter((k) => isProjectKeyActive(k, ctx.now));
  return [
    title(String(keys.length)),
    ...(keys.length === 0 ? [line(tone('muted', '    none'))] : []),
    ...keys.map((key) => {
      const p = projectKeyPrivileges(key);
      const grants = p.superuserLike
        ? tone('danger', 'superuser-like: all')
        : tone('muted', [...p.indices, ...p.cluster.map((c) => `cluster:${c}`)].join('; ') || 'no privileges');
      return line('    ', key.name ?? key.id, tone('muted', `  ${key.id}  `), grants);
    }),
  ];
}

function projectDetails(project: Project, ctx: ScreenContext): Line[] {
  const endpoints = Object.entries(project.endpoints).filter((e): e is [string, string] => typeof e[1] === 'string');
  return [
    heading(project.name),
    field('Type', project.type),
    field('Id', project.id),
    field('Alias', project.alias),
    field('Region', project.region_id),
    field('Created', absolute(project.metadata.created_at, ctx.now)),
    ...(project.metadata.suspended_at
      ? [field('Suspended', tone('danger', absolute(project.metadata.suspended_at, ctx.now)))]
      : []),
    blank,
    heading('Endpoints'),
    ...endpoints.map(([name, url]) => field(`  ${name}`, url)),
    blank,
    heading('Who has access here'),
    ...audienceLines(project, ctx),
    blank,
    heading('Custom roles'),
    ...customRolesLines(ctx.data.customRoles.get(project.id), ctx),
    blank,
    heading('Effective access (column of the access matrix, A)'),
    ...projectColumnLines(ctx.snapshot, project, ctx.symbols),
  ];
}

export const projectsScreen = defineScreen<ProjectRow>({
  id: 'projects',
  sources: (data) =>
    PROJECT_TYPES.map((type) => ({ noun: `${type} projects`, resource: listOf(data, PROJECTS[type]) })),
  refresh: [...PROJECT_LISTS, 'customRoles'],
  deps: (data) => [...projectListsOf(data), listOf(data, PROJECT_KEYS)],
  rows: (ctx) =>
    allProjects(ctx.data).map((project) => ({
      id: project.id,
      project,
      created: relative(project.metadata.created_at, ctx.now),
    })),
  columns: [
    { header: 'TYPE', width: 13, text: (r) => r.project.type, searchable: true },
    { header: 'NAME', width: 16, grow: 1, text: (r) => r.project.name, searchable: true },
    { header: 'ALIAS', width: 16, grow: 1, text: (r) => r.project.alias, searchable: true },
    { header: 'REGION', width: 14, text: (r) => r.project.region_id, searchable: true },
    { header: 'CREATED', width: 9, text: (r) => r.created },
  ],
  sorts: [
    { label: 'name', compare: (a, b) => byText(a.project.name, b.project.name) },
    {
      label: 'type',
      compare: (a, b) => byText(a.project.type, b.project.type) || byText(a.project.name, b.project.name),
    },
    {
      label: 'region',
      compare: (a, b) => byText(a.project.region_id, b.project.region_id) || byText(a.project.name, b.project.name),
    },
    { label: 'newest', compare: (a, b) => byText(b.project.metadata.created_at, a.project.metadata.created_at) },
  ],
  empty: 'No Serverless projects in this organization.',
  detailsTitle: (r) => `Project: ${r.project.name} (${r.project.type})`,
  details: (r, ctx) => projectDetails(r.project, ctx),
  onDetails: (r, loaders) => loaders.ensureCustomRoles(r.project.id),
});
