/**
 * The access doctor: every rule, in the order findings of equal severity are listed.
 * `runDoctor(snapshot)` → findings sorted by severity, then rule, then id. `doctorJson(findings)` → the --json shape.
 */
import { finish, type Steps } from '../../util/stepwise.js';
import type { OrgSnapshot } from '../org.js';
import { SEVERITY_ORDER, type DoctorOptions, type Finding, type Rule, type RuleId } from './finding.js';
import { deploymentGone } from './rule-deployment-gone.js';
import { duplicateKeys } from './rule-duplicate-keys.js';
import { invitationExpired } from './rule-invitation-expired.js';
import { invitationOverdue } from './rule-invitation-overdue.js';
import { keyCloudOnly } from './rule-key-cloud-only.js';
import { keyExpired } from './rule-key-expired.js';
import { keyExpiringSoon } from './rule-key-expiring-soon.js';
import { keyLimit } from './rule-key-limit.js';
import { keyNeverExpires } from './rule-key-never-expires.js';
import { memberWithoutRoles } from './rule-member-without-roles.js';
import { missingCustomRole } from './rule-missing-custom-role.js';
import { orgScopedApplicationRoles } from './rule-org-scoped-application-roles.js';
import { overGrant } from './rule-over-grant.js';
import { projectKeyNeverExpires, projectKeyOrphaned, projectKeySprawl } from './rule-project-keys.js';
import { singleOwner } from './rule-single-owner.js';

export const RULES: readonly Rule[] = [
  keyLimit,
  keyExpiringSoon,
  singleOwner,
  overGrant,
  missingCustomRole,
  orgScopedApplicationRoles,
  keyNeverExpires,
  projectKeyOrphaned,
  projectKeyNeverExpires,
  keyCloudOnly,
  duplicateKeys,
  keyExpired,
  invitationExpired,
  invitationOverdue,
  memberWithoutRoles,
  projectKeySprawl,
  deploymentGone,
];

const ruleRank = new Map<RuleId, number>(RULES.map((rule, i) => [rule.id, i]));

export function runDoctor(snapshot: OrgSnapshot, options: DoctorOptions = {}): Finding[] {
  return finish(doctorSteps(snapshot, options));
}

/** runDoctor one rule per step, for a caller that must stay responsive meanwhile (the TUI's doctor panel). */
export function* doctorSteps(snapshot: OrgSnapshot, options: DoctorOptions = {}): Steps<Finding[]> {
  const findings: Finding[] = [];
  // One context for the whole run: rules that need the same groundwork find it kept by it (reached-projects.ts).
  const context = { snapshot, ...options };
  for (const rule of RULES) {
    findings.push(...rule.check(context));
    yield;
  }
  return findings.sort(
    (a, b) =>
      SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) ||
      ruleRank.get(a.rule)! - ruleRank.get(b.rule)! ||
      a.id.localeCompare(b.id),
  );
}

export { doctorJson, DOCTOR_JSON_SCHEMA } from './json.js';
export type { DoctorJson, DoctorJsonFinding } from './json.js';
export type { DoctorOptions, Finding, FixAction, Rule, RuleId, Severity } from './finding.js';
