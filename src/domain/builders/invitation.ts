/**
 * POST /organizations/{id}/invitations. The same call creates or refreshes (resends) invitations.
 *
 * - Emails are trimmed, lower-cased and de-duplicated (one invitation per person, whatever the spelling); an entry
 *   may hold several addresses separated by commas, semicolons or spaces, as typed into one field.
 * - `expires_in` is sent as a duration in days or hours (cloud-api.md §3: the spec's format is ambiguous, the skill
 *   and the docs use "3d"/"72h"). No maximum is documented for invitations, so none is imposed; leaving it out gives
 *   the server's 72 hours.
 */
import { cloudRequests } from '../../api/requests.js';
import { InvitationRequest, type RoleAssignments } from '../../api/schemas.js';
import { isEmptyAssignments } from '../assignments.js';
import { validateExpiration } from '../duration.js';
import { issue, parseWith, requireText, type FieldIssue } from '../validation.js';
import type { AssignmentInput } from './assignment-input.js';
import { resolveAssignments } from './assignments-source.js';
import { failed, type BuildResult } from './result.js';
import { foreignStackRoleWarnings, overGrantWarnings } from './warnings.js';

export interface InvitationInput {
  readonly orgId: string;
  readonly emails: readonly string[];
  readonly expiresIn?: string;
  readonly roleAssignments?: readonly AssignmentInput[];
  /** The skill's `--roles` JSON, as text or parsed. */
  readonly rawRoleAssignments?: unknown;
}

/** Deliberately loose (one @, a dot in the domain, no spaces): the server has the final say on deliverability. */
const EMAIL = /^[^\s@,;<>"]+@[^\s@,;<>"]+\.[^\s@,;<>".]+$/;
const SEPARATORS = /[\s,;]+/;

function normalizeEmails(entries: readonly string[]): { emails: string[]; issues: FieldIssue[] } {
  const emails: string[] = [];
  const issues: FieldIssue[] = [];
  entries.forEach((entry, i) => {
    for (const email of entry
      .split(SEPARATORS)
      .filter((part) => part !== '')
      .map((part) => part.toLowerCase())) {
      if (!EMAIL.test(email)) issues.push(issue(`emails[${i}]`, `"${email}" is not an email address`));
      else if (!emails.includes(email)) emails.push(email);
    }
  });
  if (emails.length === 0 && issues.length === 0) issues.push(issue('emails', 'enter at least one email address'));
  return { emails, issues };
}

function expiresInOf(expiresIn: string | undefined): { value?: string; issues: FieldIssue[] } {
  if (expiresIn === undefined) return { issues: [] };
  const check = validateExpiration(expiresIn, { maxMs: Infinity });
  return check.ok ? { value: check.normalized, issues: [] } : { issues: [issue('expiresIn', check.message)] };
}

export function buildInvitation(input: InvitationInput): BuildResult<InvitationRequest> {
  const emails = normalizeEmails(input.emails);
  const expiresIn = expiresInOf(input.expiresIn);
  const assignments = resolveAssignments(
    {
      friendly: input.roleAssignments,
      friendlyField: 'roleAssignments',
      raw: input.rawRoleAssignments,
      rawField: 'rawRoleAssignments',
    },
    { orgId: input.orgId, allowOrganizationApplicationRoles: false },
  );
  const issues = [
    ...requireText('orgId', input.orgId),
    ...emails.issues,
    ...expiresIn.issues,
    ...(assignments.ok ? [] : assignments.issues),
  ];
  if (issues.length > 0 || !assignments.ok) return failed(issues);

  const roleAssignments: RoleAssignments | undefined =
    assignments.value && !isEmptyAssignments(assignments.value) ? assignments.value : undefined;
  const body = parseWith(InvitationRequest, {
    emails: emails.emails,
    ...(expiresIn.value ? { expires_in: expiresIn.value } : {}),
    ...(roleAssignments ? { role_assignments: roleAssignments } : {}),
  });
  if (!body.ok) return failed(body.issues);
  return {
    ok: true,
    request: cloudRequests.createInvitations(input.orgId, body.value),
    body: body.value,
    warnings: roleAssignments
      ? [...overGrantWarnings(roleAssignments), ...foreignStackRoleWarnings(roleAssignments)]
      : [],
  };
}
