/**
 * API keys of both layers: Cloud keys, and each project's own Elasticsearch keys (LAYER names the project), with
 * a "not readable" row for a project whose keys could not be read. What each can reach and when it stops working. Expiry is marked with a symbol as well as a colour,
 * so it reads the same under NO_COLOR. A key's secret is never part of any row or line.
 */
import type { ApiKey } from '../../src/api/schemas.js';
import { dataOf } from '../../src/state/resource.js';
import { blank, field, heading, tone, type Line } from '../../src/ui/lines.js';
import { principalAccessLines } from '../../src/ui/access-lines.js';
import { accessSummary, hasApplicationRoles } from '../../src/domain/assignment-summary.js';
import { assignmentLines } from '../../src/ui/assignment-lines.js';
import { keyExpiryStatus } from '../../src/domain/revoke.js';
import { absolute, relative } from '../../src/ui/dates.js';
import { KEY_ACTIONS } from './actions.js';
import { byText, defineScreen, type ScreenContext } from '../../src/ui/screen-def.js';
import { projectKeyDetails, projectKeyRows } from './project-key-rows.js';
import type { CloudKeyRow, KeyRow } from './row.js';
import { API_KEYS, listOf, PROJECT_KEYS } from '../../src/state/lists.js';

function keyRow(key: ApiKey, ctx: ScreenContext): CloudKeyRow {
  // The doctor's thresholds, so the list and the doctor agree on "expiring soon".
  const expiry = keyExpiryStatus(key, ctx.now);
  const when = relative(key.expiration_date, ctx.now);
  const expires =
    expiry === 'never'
      ? 'never'
      : expiry === 'expired'
        ? `${ctx.symbols.fail} expired ${when}`
        : expiry === 'expiring-soon'
          ? `${ctx.symbols.warn} ${when}`
          : when;
  return {
    kind: 'cloud',
    id: key.id,
    layer: 'Cloud',
    name: key.description,
    key,
    created: relative(key.creation_date, ctx.now),
    expires,
    ...(expiry === 'expired'
      ? { expiryTone: 'danger' as const }
      : expiry === 'expiring-soon'
        ? { expiryTone: 'warning' as const }
        : {}),
    scope: accessSummary(key.role_assignments, true),
    cloudOnly: !hasApplicationRoles(key.role_assignments),
  };
}

function keyDetails(row: KeyRow, ctx: ScreenContext): Line[] {
  if (row.kind !== 'cloud') return projectKeyDetails(row, ctx);
  const { key } = row;
  return [
    heading(key.description),
    field('Key id', key.id),
    field('Created', absolute(key.creation_date, ctx.now)),
    field(
      'Expires',
      key.expiration_date ? absolute(key.expiration_date, ctx.now) : 'never',
      row.expiryTone ? tone(row.expiryTone, `  ${row.expires}`) : undefined,
    ),
    ...(key.user_id ? [field('Created by', key.user_id)] : []),
    field(
      'Reaches',
      row.cloudOnly
        ? tone('warning', 'Cloud API only: no application_roles, so Elasticsearch and Kibana answer 403')
        : 'Cloud API, plus Elasticsearch/Kibana where application_roles are set',
    ),
    blank,
    heading('Role assignments'),
    ...assignmentLines(key.role_assignments, ctx.projects),
    blank,
    heading('Effective access'),
    ...principalAccessLines(ctx.snapshot, { kind: 'key', key }, ctx.symbols),
  ];
}

const expiresAt = (r: KeyRow): number =>
  r.kind === 'project'
    ? r.expiresAt
    : r.kind === 'cloud' && r.key.expiration_date
      ? Date.parse(r.key.expiration_date)
      : Number.POSITIVE_INFINITY;
const byNumber = (a: number, b: number) => (a === b ? 0 : a < b ? -1 : 1);
const createdAt = (r: KeyRow): number =>
  r.kind === 'project' ? r.createdAt : r.kind === 'cloud' ? Date.parse(r.key.creation_date) : 0;

export const keysScreen = defineScreen<KeyRow>({
  id: 'keys',
  actions: KEY_ACTIONS,
  sources: (data) => [
    { noun: 'API keys', resource: listOf(data, API_KEYS) },
    { noun: 'project API keys', resource: listOf(data, PROJECT_KEYS) },
  ],
  refresh: [API_KEYS, PROJECT_KEYS],
  deps: (data) => [listOf(data, API_KEYS), listOf(data, PROJECT_KEYS)],
  // Not from the snapshot: keys arrive before the organization on the incident path and must show at once.
  rows: (ctx) => [...(dataOf(listOf(ctx.data, API_KEYS)) ?? []).map((key) => keyRow(key, ctx)), ...projectKeyRows(ctx)],
  columns: [
    {
      header: 'LAYER',
      // Narrow at 80 columns (the whole table must fit without clipping) and growing where there is room.
      width: 7,
      grow: 1,
      text: (r) => r.layer,
      tone: (r) => (r.kind === 'cloud' ? 'muted' : undefined),
      searchable: true,
    },
    {
      header: 'DESCRIPTION',
      width: 16,
      grow: 2,
      text: (r) => r.name,
      tone: (r) => (r.kind === 'unreadable' ? 'warning' : undefined),
      searchable: true,
    },
    { header: 'CREATED', width: 8, text: (r) => (r.kind === 'unreadable' ? '' : r.created) },
    {
      header: 'EXPIRES',
      width: 16,
      text: (r) => (r.kind === 'unreadable' ? '' : r.expires),
      tone: (r) => (r.kind === 'unreadable' ? undefined : r.expiryTone),
    },
    { header: 'SCOPE', width: 13, grow: 2, text: (r) => (r.kind === 'unreadable' ? '' : r.scope), searchable: true },
    {
      header: 'ACCESS',
      width: 10,
      text: (r) =>
        r.kind === 'project' ? 'ES only' : r.kind === 'cloud' ? (r.cloudOnly ? 'Cloud-only' : 'Cloud+ES') : '',
      tone: (r) => (r.kind === 'cloud' && r.cloudOnly ? 'muted' : 'accent'),
    },
  ],
  sorts: [
    { label: 'expiry', compare: (a, b) => byNumber(expiresAt(a), expiresAt(b)) },
    { label: 'description', compare: (a, b) => byText(a.name, b.name) },
    { label: 'newest', compare: (a, b) => createdAt(b) - createdAt(a) },
  ],
  empty: 'No API keys.',
  detailsTitle: (r) => (r.kind === 'unreadable' ? `Project ${r.project.name}` : `API key: ${r.name}`),
  details: keyDetails,
});
