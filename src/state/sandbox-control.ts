/**
 * The sandbox's control routes (`/_sandbox/...`), which the real service does not have. The TUI uses only one:
 * accepting an invitation on the invitee's behalf, so the canonical custom-role flow (invite, accept, assign) can be
 * completed end to end in a sandbox session. Exists only in sandbox mode; nothing here is sent to Elastic Cloud.
 */
import { parseResponse } from '../api/parse.js';
import { CloudErrorEnvelope, Member } from '../api/schemas.js';

export interface SandboxControl {
  /** Accept the invitation as its invitee would; resolves to the new member. */
  acceptInvitation(token: string): Promise<Member>;
}

/** `controlUrl` is the sandbox root the control routes hang off ("http://127.0.0.1:41234"). */
export function createSandboxControl(controlUrl: string, fetchImpl: typeof fetch = fetch): SandboxControl {
  const root = controlUrl.replace(/\/+$/, '').replace(/\/_sandbox$/, '');
  return {
    async acceptInvitation(token) {
      const response = await fetchImpl(`${root}/_sandbox/invitations/${encodeURIComponent(token)}/_accept`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      const body: unknown = await response.json().catch(() => undefined);
      if (!response.ok) {
        const refusal = CloudErrorEnvelope.safeParse(body);
        const message = (refusal.success ? refusal.data.errors[0]?.message : undefined) ?? `HTTP ${response.status}`;
        throw Object.assign(new Error(`The sandbox refused to accept the invitation: ${message}`), {
          hint: 'Check that the invitation is still open (r on Members reloads the list)',
        });
      }
      return parseResponse(Member, body, 'cloud', 'POST /_sandbox/invitations/{token}/_accept');
    },
  };
}
