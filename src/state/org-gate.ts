/**
 * The organization a session starts on before `GET /organizations` has confirmed it (the one remembered for the
 * key, src/config/org-memory.ts). Reads that name it go out at once, beside the confirmation, and their answers are
 * handed back once it is in; every write waits for it. When the confirmation disagrees or fails, whatever names
 * the unconfirmed organization is refused, so no answer from it is shown and no write is sent to it.
 */
import type { RequestGate } from '../api/http.js';
import type { ApiRequest } from '../api/requests.js';

export interface OrgGate extends RequestGate {
  /**
   * Discovery chose `orgId`: the gate opens, and whatever named it is let through again. `replaced`, the one used
   * before (the key now reaches another), is refused from now on.
   */
  confirm(orgId: string, replaced?: Refusal): void;
  /** Discovery failed: the gate opens, refusing whatever names `refusal.id`. */
  refuse(refusal: Refusal): void;
}

export interface Refusal {
  readonly id: string;
  /** Why, completing "…: not sent, because <reason>". */
  readonly reason: string;
  /** What the person can do about it. */
  readonly hint: string;
}

/** A request the gate turned away; nothing was sent (a write) or handed back (a read). */
export class OrganizationNotConfirmed extends Error {
  override readonly name = 'OrganizationNotConfirmed';
  readonly hint: string;

  constructor(message: string, hint: string) {
    super(message);
    this.hint = hint;
  }
}

/** Whether the request is addressed to the organization: its id is a path segment or a string in the body. */
export function namesOrganization(req: ApiRequest, orgId: string): boolean {
  if (req.path.split(/[/?,]/).includes(encodeURIComponent(orgId))) return true;
  return req.body !== undefined && (JSON.stringify(req.body) ?? '').includes(JSON.stringify(orgId));
}

export function createOrgGate(pendingId: string): OrgGate {
  let open: () => void = () => undefined;
  const settled = new Promise<void>((resolve) => {
    open = resolve;
  });
  let refused: Refusal[] = [];

  const check = (req: ApiRequest, what: string) => {
    const hit = refused.find((r) => namesOrganization(req, r.id));
    if (hit) throw new OrganizationNotConfirmed(`${req.summary}: ${what}, because ${hit.reason}`, hit.hint);
  };

  return {
    async beforeWrite(req) {
      await settled;
      check(req, 'not sent');
    },
    async beforeAnswer(req) {
      if (namesOrganization(req, pendingId)) await settled;
      check(req, 'answer withheld');
    },
    confirm(orgId, replaced) {
      refused = refused.filter((r) => r.id !== orgId);
      if (replaced) refused.push(replaced);
      open();
    },
    refuse(refusal) {
      refused.push(refusal);
      open();
    },
  };
}
