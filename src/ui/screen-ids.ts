/**
 * The browse screens' tabs, in order (the number keys follow it): what the layers below the screens must know of
 * them. The binding table's scopes, the navigation state and the CLI's screen names are typed by these ids, and the
 * number keys, the help and `ec-access <screen>` are made from this list. Everything else about a screen (rows,
 * columns, details, actions, loads) is its ScreenDef in its folder under screens/, registered in screens/registry.ts.
 */
import { API_KEYS, DEPLOYMENTS, INVITATIONS, MEMBERS, PROJECT_LISTS, type ListKey } from '../state/lists.js';

interface Tab {
  readonly id: string;
  /** The tab's and the list's title. */
  readonly title: string;
  /** What the help says of its number key. */
  readonly nav: string;
  /** `ec-access <id>` in the command line's help. */
  readonly command: string;
  /** The lists a session opening on it asks for first (tui-session.ts), before the UI's code is loaded. */
  readonly first: readonly ListKey<unknown>[];
}

export const SCREEN_TABS = [
  {
    id: 'members',
    title: 'Members',
    nav: 'Members and invitations',
    command: 'organization members and pending invitations',
    first: [MEMBERS, INVITATIONS],
  },
  {
    id: 'projects',
    title: 'Projects',
    nav: 'Serverless projects',
    command: 'Serverless projects and who can reach each one',
    first: PROJECT_LISTS,
  },
  {
    id: 'roles',
    title: 'Roles',
    nav: 'Roles: predefined catalog and custom roles',
    command: 'predefined and custom roles',
    first: PROJECT_LISTS,
  },
  {
    id: 'keys',
    title: 'Keys',
    nav: 'Cloud API keys',
    command: 'Cloud API keys (--filter <text> to narrow the list)',
    first: [API_KEYS],
  },
  {
    id: 'deployments',
    title: 'Deployments',
    nav: 'Hosted deployments and who can reach each one',
    command: 'hosted deployments and who can reach each one',
    first: [DEPLOYMENTS],
  },
] as const satisfies readonly Tab[];

export type ScreenId = (typeof SCREEN_TABS)[number]['id'];

export const SCREEN_IDS: readonly ScreenId[] = SCREEN_TABS.map((tab) => tab.id);

export type ScreenTab = (typeof SCREEN_TABS)[number];

const isComplete = <V>(record: Partial<Record<ScreenId, V>>): record is Record<ScreenId, V> =>
  SCREEN_IDS.every((id) => Object.hasOwn(record, id));

/** A value for every screen, made from its tab. */
export function recordOfScreens<V>(value: (tab: ScreenTab) => V): Readonly<Record<ScreenId, V>> {
  const record: Partial<Record<ScreenId, V>> = Object.fromEntries(SCREEN_TABS.map((tab) => [tab.id, value(tab)]));
  if (!isComplete(record)) throw new Error('a screen tab without a value');
  return record;
}

export const SCREEN_TITLES = recordOfScreens((tab) => tab.title);
