/**
 * Cloud API keys: what each can reach and when it stops working. Expiry is marked with a symbol as well as a colour,
 * so it reads the same under NO_COLOR. A key's secret is never part of any row or line.
 */
import type { ApiKey } from '../src/api/schemas.js';
import { dataOf } from '../src/state/resource.js';
import { blank, field, heading, tone, type Line } from '../src/ui/lines.js';
import type { Tone } from '../src/ui/theme.js';
import { principalAccessLines } from './access-lines.js';
import { accessSummary, assignmentLines, hasApplicationRoles } from './assignments.js';
import { keyExpiryStatus } from '../src/domain/revoke.js';
import { absolute, relative } from './dates.js';
import { byText, defineScreen, type ScreenContext } from './types.js';

export interface KeyRow {
  readonly id: string;
  readonly key: ApiKey;
  readonly created: string;
  readonly expires: string;
  readonly expiryTone?: Tone;
  readonly scope: string;
  readonly cloudOnly: boolean;
}

function keyRow(key: ApiKey, ctx: ScreenContext): KeyRow {
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
    id: key.id,
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

export const keysScreen = defineScreen<KeyRow>({
  id: 'keys',
  sources: (data) => [{ noun: 'API keys', resource: data.keys }],
  refresh: ['keys'],
  deps: (data) => [data.keys],
  // Not from the snapshot: keys arrive before the organization on the incident path and must show at once.
  rows: (ctx) => (dataOf(ctx.data.keys) ?? []).map((key) => keyRow(key, ctx)),
  columns: [
    { header: 'DESCRIPTION', width: 20, grow: 1, text: (r) => r.key.description, searchable: true },
    { header: 'CREATED', width: 8, text: (r) => r.created },
    { header: 'EXPIRES', width: 16, text: (r) => r.expires, tone: (r) => r.expiryTone },
    { header: 'SCOPE', width: 16, grow: 2, text: (r) => r.scope, searchable: true },
    {
      header: 'ACCESS',
      width: 10,
      text: (r) => (r.cloudOnly ? 'Cloud-only' : 'Cloud+ES'),
      tone: (r) => (r.cloudOnly ? 'muted' : 'accent'),
    },
  ],
  sorts: [
    {
      label: 'expiry',
      compare: (a, b) => (a.key.expiration_date ?? '9999').localeCompare(b.key.expiration_date ?? '9999'),
    },
    { label: 'description', compare: (a, b) => byText(a.key.description, b.key.description) },
    { label: 'newest', compare: (a, b) => b.key.creation_date.localeCompare(a.key.creation_date) },
  ],
  empty: 'No Cloud API keys.',
  detailsTitle: (r) => `API key: ${r.key.description}`,
  details: keyDetails,
});
