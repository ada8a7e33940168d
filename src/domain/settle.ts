/**
 * Settling a write whose outcome is unknown (a 5xx, a reset or a timeout after it was sent, an unreadable 2xx) by
 * what a re-read shows. Pure: `rereadFor` names the list to read again, `judge` decides from it. The reading itself
 * is done by the caller through the ordinary clients (src/state/settle-io.ts).
 *
 * - A created key is found by its description and creation time (at or after the moment the request was sent,
 *   less a clock-skew margin) among keys that were not there before. Found: done, but its one-time value never
 *   arrived, so the key is an orphan the user should revoke and create again.
 * - Invitations, members, role assignments and custom roles are found by listing them again.
 */
import type { ApiRequest } from '../api/requests.js';
import type { ApiKey, Invitation, Member } from '../api/schemas.js';

export type Reread = 'keys' | 'members' | 'invitations' | 'role';

export interface Fresh {
  readonly keys?: readonly ApiKey[];
  readonly members?: readonly Member[];
  readonly invitations?: readonly Invitation[];
  /** The role named by an ES role request, or null when it does not exist. */
  readonly role?: unknown;
}

export interface SettleContext {
  /** When the request was first sent (ms since the epoch). */
  readonly sentAt: number;
  /** Key ids that existed before a key was created (so an older key with the same description is not taken). */
  readonly keyIdsBefore?: ReadonlySet<string>;
}

export type Settled =
  | { readonly outcome: 'done'; readonly detail: string; readonly orphanKeyId?: string }
  | { readonly outcome: 'failed'; readonly detail: string }
  | { readonly outcome: 'unknown'; readonly detail: string };

/** A server clock a little behind ours must not hide the key it just made. */
const SKEW_MS = 5 * 60_000;

const segments = (req: ApiRequest) => req.path.split('/').filter(Boolean).map(decodeURIComponent);

/** Which list settles this request, or undefined when none can. */
export function rereadFor(req: ApiRequest): Reread | undefined {
  const [a, b, c, d] = segments(req);
  if (req.target.service === 'es') return a === '_security' && b === 'role' && c !== undefined ? 'role' : undefined;
  if (a === 'users' && b === 'auth' && c === 'keys') return 'keys';
  if (a === 'users' && c === 'role_assignments') return 'members';
  if (a === 'organizations' && c === 'members' && d !== undefined) return 'members';
  if (a === 'organizations' && c === 'invitations') return 'invitations';
  return undefined;
}

const ok = (detail: string): Settled => ({ outcome: 'done', detail });
const no = (detail: string): Settled => ({ outcome: 'failed', detail });
const open = (detail: string): Settled => ({ outcome: 'unknown', detail });

/** Every requested item present (`done` for a create), none (`failed`), or some: unknown. */
function byPresence(present: number, total: number, creating: boolean, what: string): Settled {
  const wanted = creating ? present : total - present;
  if (wanted === total) return ok(`the re-read shows ${creating ? 'all' : 'none'} of the ${what}`);
  if (wanted === 0) return no(`the re-read shows the ${what} unchanged`);
  return open(`the re-read shows ${wanted} of ${total} ${what} changed`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
const records = (value: unknown): Array<Record<string, unknown>> =>
  Array.isArray(value) ? value.filter(isRecord) : [];

/** Every entry of `wanted` (role_id plus its projects and application roles) is in `held`. */
function holds(held: unknown, wanted: unknown): boolean {
  const entries = (r: unknown) => {
    if (!isRecord(r)) return [];
    const project = isRecord(r.project) ? Object.values(r.project).flatMap(records) : [];
    return [...records(r.organization), ...records(r.deployment), ...project];
  };
  const have = entries(held);
  return entries(wanted).every((w) =>
    have.some(
      (h) =>
        h.role_id === w.role_id &&
        (w.all !== true || h.all === true) &&
        strings(w.project_ids).every((id) => strings(h.project_ids).includes(id)) &&
        strings(w.application_roles).every((name) => strings(h.application_roles).includes(name)),
    ),
  );
}

export function judge(req: ApiRequest, fresh: Fresh, ctx: SettleContext): Settled {
  const [, second, third, fourth] = segments(req);
  const body = isRecord(req.body) ? req.body : {};
  switch (rereadFor(req)) {
    case 'keys': {
      if (!fresh.keys) return open('the key list could not be re-read');
      if (req.method === 'POST') {
        const found = fresh.keys.filter(
          (k) =>
            k.description === body.description &&
            !ctx.keyIdsBefore?.has(k.id) &&
            Date.parse(k.creation_date) >= ctx.sentAt - SKEW_MS,
        );
        const [key] = found;
        if (!key) return no('no key with this description was created');
        return {
          outcome: 'done',
          detail: `the key was created (${key.id}) but its value never arrived`,
          orphanKeyId: key.id,
        };
      }
      const ids = strings(body.keys);
      const listed = ids.filter((id) => fresh.keys!.some((k) => k.id === id)).length;
      return byPresence(listed, ids.length, false, 'keys');
    }
    case 'members': {
      if (!fresh.members) return open('the member list could not be re-read');
      if (third === 'role_assignments') {
        const member = fresh.members.find((m) => m.user_id === second);
        if (!member) return open('the member is no longer listed');
        const has = holds(member.role_assignments, body);
        if (req.method === 'POST') return has ? ok('the member holds the roles') : no('the member lacks the roles');
        return has ? no('the member still holds the roles') : ok('the member no longer holds the roles');
      }
      const ids = (fourth ?? '').split(',');
      const listed = ids.filter((id) => fresh.members!.some((m) => m.user_id === id)).length;
      return byPresence(listed, ids.length, false, 'members');
    }
    case 'invitations': {
      if (!fresh.invitations) return open('the invitation list could not be re-read');
      if (req.method === 'POST') {
        const emails = strings(body.emails);
        const listed = emails.filter((e) =>
          fresh.invitations!.some(
            (i) => i.email.toLowerCase() === e.toLowerCase() && Date.parse(i.created_at) >= ctx.sentAt - SKEW_MS,
          ),
        ).length;
        return byPresence(listed, emails.length, true, 'invitations');
      }
      const tokens = (fourth ?? '').split(',');
      const listed = tokens.filter((t) => fresh.invitations!.some((i) => i.token === t)).length;
      return byPresence(listed, tokens.length, false, 'invitations');
    }
    case 'role': {
      if (fresh.role === undefined) return open('the role could not be re-read');
      if (req.method === 'DELETE') return fresh.role === null ? ok('the role is gone') : no('the role is still there');
      if (fresh.role === null) return no('the role does not exist');
      const role = isRecord(fresh.role) ? fresh.role : {};
      const same = Object.entries(body).every(([k, v]) => JSON.stringify(role[k]) === JSON.stringify(v));
      // An identical role may have been there before the write: the re-read cannot tell, so it stays open.
      return same ? ok('the role matches what was sent') : open('the role differs from what was sent');
    }
    case undefined:
      return open('nothing can be re-read to settle it');
  }
}
