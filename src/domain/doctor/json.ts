/**
 * The stable JSON of `ec-access doctor --json`. Scripts depend on it: add fields, never rename or remove them, and
 * bump `schema` on any incompatible change.
 *
 * {
 *   "schema": "ec-access/doctor@1",
 *   "summary": { "critical": 0, "warning": 2, "info": 1, "total": 3 },
 *   "findings": [
 *     {
 *       "id": "missing-custom-role:key:key-123:marketing-reader",   // stable while the problem persists
 *       "rule": "missing-custom-role",                              // a RuleId
 *       "severity": "warning",                                      // "critical" | "warning" | "info"
 *       "title": "...", "why": "...",                               // plain-language sentences
 *       "principal": { "kind": "key", "id": "key-123", "label": "ci-ingest" } | null,
 *       "projectId": "..." | null,
 *       "fix": { "kind": "create-custom-role", "projectIds": [...], "roleName": "marketing-reader" }  // a FixAction
 *     }
 *   ]
 * }
 * Findings keep runDoctor's order: severity, then rule, then id. Absent optional values are `null`, never missing.
 */
import type { PrincipalRef } from '../access/index.js';
import type { Finding, FixAction, RuleId, Severity } from './finding.js';

export const DOCTOR_JSON_SCHEMA = 'ec-access/doctor@1';

export interface DoctorJsonFinding {
  readonly id: string;
  readonly rule: RuleId;
  readonly severity: Severity;
  readonly title: string;
  readonly why: string;
  readonly principal: PrincipalRef | null;
  readonly projectId: string | null;
  readonly fix: FixAction;
}

export interface DoctorJson {
  readonly schema: typeof DOCTOR_JSON_SCHEMA;
  readonly summary: Readonly<Record<Severity, number>> & { readonly total: number };
  readonly findings: readonly DoctorJsonFinding[];
}

export function doctorJson(findings: readonly Finding[]): DoctorJson {
  const count = (severity: Severity) => findings.filter((f) => f.severity === severity).length;
  const [critical, warning, info] = [count('critical'), count('warning'), count('info')];
  return {
    schema: DOCTOR_JSON_SCHEMA,
    summary: { critical, warning, info, total: findings.length },
    findings: findings.map((f) => ({
      id: f.id,
      rule: f.rule,
      severity: f.severity,
      title: f.title,
      why: f.why,
      principal: f.principal ? { kind: f.principal.kind, id: f.principal.id, label: f.principal.label } : null,
      projectId: f.projectId ?? null,
      fix: f.fix,
    })),
  };
}
