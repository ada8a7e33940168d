/**
 * The keys screen's rows for the per-project layer: each project's own Elasticsearch API keys, and a row saying
 * "not readable: why" for a project whose keys could not be read (never a silent gap in an incident).
 */
import type { ProjectApiKey } from '../../src/api/project-key-schemas.js';
import { projectKeyPrivileges } from '../../src/domain/access/index.js';
import { isProjectKeyActive, projectKeyStatus } from '../../src/domain/project-keys.js';
import { dataOf } from '../../src/state/resource.js';
import { blank, field, heading, tone, type Line } from '../../src/ui/lines.js';
import { absolute, relative } from '../../src/ui/dates.js';
import type { ScreenContext } from '../../src/ui/screen-def.js';
import { listOf, PROJECT_KEYS } from '../../src/state/lists.js';
import type { ProjectKeyRow, UnreadableProjectRow } from './row.js';

const iso = (ms: number | null | undefined) => (ms == null ? undefined : new Date(ms).toISOString());

function scopeOf(key: ProjectApiKey): string {
  const p = projectKeyPrivileges(key);
  if (p.superuserLike) return 'superuser-like (all)';
  return [...p.indices, ...p.cluster.map((c) => `cluster:${c}`)].join('; ') || 'no privileges';
}

export function projectKeyRows(ctx: ScreenContext): Array<ProjectKeyRow | UnreadableProjectRow> {
  const rows: Array<ProjectKeyRow | UnreadableProjectRow> = [];
  for (const { project, state } of dataOf(listOf(ctx.data, PROJECT_KEYS)) ?? []) {
    if (state.status === 'unreadable') {
      rows.push({
        kind: 'unreadable',
        id: `unreadable:${project.id}`,
        project,
        reason: state.reason,
        layer: project.name,
        name: `not readable: ${state.reason}`,
      });
      continue;
    }
    for (const key of state.keys) {
      if (!isProjectKeyActive(key, ctx.now)) continue;
      const status = projectKeyStatus(key, ctx.now);
      const when = relative(iso(key.expiration), ctx.now);
      rows.push({
        kind: 'project',
        id: `project:${project.id}:${key.id}`,
        project,
        key,
        layer: project.name,
        name: key.name ?? key.id,
        created: relative(iso(key.creation), ctx.now),
        createdAt: key.creation,
        expires: status === 'never' ? 'never' : status === 'expiring-soon' ? `${ctx.symbols.warn} ${when}` : when,
        expiresAt: key.expiration ?? Number.POSITIVE_INFINITY,
        ...(status === 'expiring-soon' ? { expiryTone: 'warning' as const } : {}),
        scope: scopeOf(key),
      });
    }
  }
  return rows;
}

export function projectKeyDetails(row: ProjectKeyRow | UnreadableProjectRow, ctx: ScreenContext): Line[] {
  if (row.kind === 'unreadable') {
    return [
      heading(`API keys of ${row.project.name}`),
      field('Not readable', tone('warning', row.reason)),
      blank,
      [tone('muted', 'ec-access reads project keys with the credential it uses for custom roles there: the Cloud key')],
      [tone('muted', 'with application_roles for this project (the unified key), or ELASTICSEARCH_URL + _API_KEY.')],
    ];
  }
  const { key, project } = row;
  const creator = ctx.snapshot?.members.find((m) => m.user_id === key.username);
  const p = projectKeyPrivileges(key);
  return [
    heading(row.name),
    field('Key id', key.id),
    field('Layer', `project key of ${project.name} (Elasticsearch API key, not a Cloud key)`),
    field('Created', absolute(iso(key.creation), ctx.now)),
    field('Expires', key.expiration == null ? tone('warning', 'never') : absolute(iso(key.expiration), ctx.now)),
    field(
      'Created by',
      creator ? (creator.email ?? key.username) : key.username,
      ctx.snapshot && !creator ? tone('warning', '  no longer a member') : undefined,
    ),
    field('Realm', key.realm),
    blank,
    heading(p.inherited ? "Privileges (none of its own: its creator's at creation)" : 'Privileges'),
    ...(p.superuserLike
      ? [[tone('danger', `${ctx.symbols.warn} superuser-like: all on the cluster or every index`, true)]]
      : []),
    field('Cluster', p.cluster.join(', ') || '—'),
    ...p.indices.map((i) => field('Indices', i)),
    ...p.applications.map((a) => field('Applications', a)),
  ];
}
