/** What the invite wizard collects, and who each address turns out to be: new, already a member, or already invited. */
import type { Invitation, Member } from '../../../src/api/schemas.js';
import { isInvitationOpen } from '../../../src/domain/access/index.js';
import type { WizardEnv } from '../env.js';
import type { WithDeploymentGrants } from '../deployment-grants.js';
import type { WithGrants } from '../grants.js';

export interface InviteValues extends WithGrants, WithDeploymentGrants {
  /** As typed: addresses separated by commas, spaces or semicolons. */
  readonly emailsText: string;
  /** What to do with addresses that already have an open invitation. */
  readonly pending: 'resend' | 'skip';
  /** Empty: the server default (72 hours). */
  readonly expiresIn: string;
  /** Wire role_id, or '' for none. */
  readonly orgRole: string;
}

export const EMPTY_INVITE: InviteValues = {
  emailsText: '',
  pending: 'resend',
  expiresIn: '',
  orgRole: '',
  grants: [],
  deploymentGrants: [],
};

const EMAIL = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/;

/** Addresses lower-cased and de-duplicated, in the order typed; `invalid` keeps the offending text as typed. */
export function parseEmails(text: string): { emails: string[]; invalid: string[]; duplicates: number } {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  const valid = parts.filter((p) => EMAIL.test(p)).map((p) => p.toLowerCase());
  const emails = [...new Set(valid)];
  return { emails, invalid: parts.filter((p) => !EMAIL.test(p)), duplicates: valid.length - emails.length };
}

export interface Audience {
  readonly newEmails: readonly string[];
  /** Addresses that already belong to a member: their roles are updated instead. */
  readonly members: readonly Member[];
  /** Open invitations for the addresses. */
  readonly pending: readonly Invitation[];
}

export function audienceOf(v: InviteValues, env: WizardEnv): Audience {
  const { emails } = parseEmails(v.emailsText);
  const { members, invitations, now } = env.snapshot;
  const memberOf = (email: string) => members.find((m) => m.email?.toLowerCase() === email);
  const pendingOf = (email: string) =>
    invitations.find((i) => i.email.toLowerCase() === email && isInvitationOpen(i, now));
  return {
    newEmails: emails.filter((e) => !memberOf(e) && !pendingOf(e)),
    members: emails.map(memberOf).filter((m): m is Member => m !== undefined),
    pending: emails
      .filter((e) => !memberOf(e))
      .map(pendingOf)
      .filter((i): i is Invitation => i !== undefined),
  };
}

/** Addresses the plan will (re)invite. */
export function invitees(v: InviteValues, env: WizardEnv): string[] {
  const a = audienceOf(v, env);
  return [...a.newEmails, ...(v.pending === 'resend' ? a.pending.map((i) => i.email) : [])];
}

/** Addresses that are not members yet: after an invite with custom roles, these still need their assignment. */
export function nonMembers(v: InviteValues, env: WizardEnv): string[] {
  const members = new Set(env.snapshot.members.map((m) => m.email?.toLowerCase()));
  return parseEmails(v.emailsText).emails.filter((e) => !members.has(e));
}
