/**
 * Hostile server text for the end-to-end tests: escape sequences an attacker would plant in a name or a
 * description, a way to plant them in every shown field of a saved sandbox organization, and a check that finds
 * any of them in what a program wrote to its terminal.
 */
/* eslint-disable no-control-regex -- finding control characters in terminal output is this module's job */
import type { SandboxData } from '../../src/sandbox/model.js';

/**
 * OSC 52 (set the clipboard), OSC 0 and 2 (window title), OSC 8 (hyperlink), clear screen, a C1 CSI (clear screen
 * again, in one byte), a bidi override and a zero-width space.
 */
export const HOSTILE_PAYLOAD =
  '\x1b]52;c;SEVJTA==\x07\x1b]0;pwned\x07\x1b]2;pwned\x07\x1b]8;;http://evil.example/\x1b\\link\x1b]8;;\x1b\\' +
  '\x1b[2J\x9b2J\u202eZ\u200b';

/** How the payload starts once made inert (src/util/inert-text.ts), as a screen or a table shows it. */
export const HOSTILE_SHOWN = '\\x1b]52;c;';

/** Distinct readable prefixes, one per field, so a test can find each on screen. */
export const HOSTILE_TAGS = {
  organization: 'OrgX',
  memberName: 'MalloryX',
  memberEmail: 'mallory-x',
  invitationEmail: 'invitee-x',
  keyDescription: 'KeyX',
  projectName: 'ProjX',
  projectAlias: 'AliasX',
  roleName: 'roleX',
} as const;

/**
 * A saved sandbox state (`EC_SANDBOX_STATE`, src/sandbox/persist.ts) with the payload planted after a tag in every
 * field the screens show. The second member gets the planted role on the first project, so their access shows it.
 */
export function plantHostileText(data: SandboxData): {
  roleName: string;
  userId: string;
  projectId: string;
} {
  const t = HOSTILE_TAGS;
  const hostile = (tag: string) => `${tag}${HOSTILE_PAYLOAD}`;
  data.organization.name = hostile(t.organization);
  const member = data.members[1]!;
  member.name = hostile(t.memberName);
  member.email = `${hostile(t.memberEmail)}@example.com`;
  data.invitations[0]!.email = `${hostile(t.invitationEmail)}@example.com`;
  data.keys[1]!.description = hostile(t.keyDescription);
  const project = data.projects[0]!;
  project.name = hostile(t.projectName);
  project.alias = hostile(t.projectAlias);
  const roleName = hostile(t.roleName);
  const roles = data.customRoles[project.id] ?? {};
  const [template] = Object.values(roles);
  data.customRoles[project.id] = { ...roles, [roleName]: template! };
  member.role_assignments = {
    ...member.role_assignments,
    project: {
      [project.type]: [
        {
          role_id: `${project.type}-viewer`,
          organization_id: data.organization.id,
          project_ids: [project.id],
          application_roles: [roleName],
        },
      ],
    },
  };
  return { roleName, userId: member.user_id, projectId: project.id };
}

const CSI = /\x1b\[[0-?]*[ -/]*[@-~]/g;
const OTHER_ALLOWED = /\x1b[78=>]/g;
const FORBIDDEN = /[\x07\x80-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060\u2066-\u2069\ufeff]|\x1b/g;

/**
 * Everything in a terminal stream that neither Ink nor the app writes on its own: an escape that is not a plain
 * CSI (so any OSC), BEL, a C1 control, a bidi or zero-width character, or a clear-screen CSI (the app clears by
 * switching to the alternate screen). Each finding is shown with the text around it.
 */
export function unexpectedTerminalBytes(raw: string): string[] {
  const findings: string[] = [];
  const around = (text: string, at: number) => JSON.stringify(text.slice(Math.max(0, at - 20), at + 20));
  for (const m of raw.matchAll(/\x1b\[[23]J/g)) findings.push(`clear screen at ${around(raw, m.index)}`);
  const rest = raw.replace(CSI, '').replace(OTHER_ALLOWED, '');
  for (const m of rest.matchAll(FORBIDDEN)) findings.push(`${JSON.stringify(m[0])} at ${around(rest, m.index)}`);
  return findings.slice(0, 20);
}
