/**
 * Wizards describe assignments as FlatAssignment rows; the request builders (src/domain/builders) take the friendly
 * AssignmentInput list and return the exact request or field-level issues. This is the one bridge between the two,
 * and the one place a set of build results becomes a plan's requests, warnings and refusal.
 */
import type { ApiRequest } from '../../src/api/requests.js';
import type { FlatAssignment } from '../../src/domain/assignments.js';
import type { AssignmentInput, BuildResult } from '../../src/domain/builders/index.js';
import { formatIssues } from '../../src/domain/validation.js';
import type { Note } from '../../components/wizard/model.js';

export function toInputs(rows: readonly FlatAssignment[]): AssignmentInput[] {
  return rows.map((row): AssignmentInput => {
    const roles = row.applicationRoles.length > 0 ? { applicationRoles: [...row.applicationRoles] } : {};
    if (row.scope === 'organization') return { scope: 'organization', roleId: row.roleId, ...roles };
    if (row.scope === 'deployment')
      return {
        scope: 'deployment',
        roleId: row.roleId,
        ...(row.all ? { all: true } : { all: false, deploymentIds: [...row.ids] }),
      };
    return {
      scope: 'project',
      type: row.type!,
      roleId: row.roleId,
      ...(row.all ? { all: true } : { all: false, projectIds: [...row.ids] }),
      ...roles,
    };
  });
}

export interface Built {
  readonly requests: ApiRequest[];
  readonly notes: Note[];
  /** Field-level issues of every result that failed, one per line; empty when all built. */
  readonly issues: string[];
}

export function gather(results: ReadonlyArray<BuildResult<unknown, object>>): Built {
  const built: Built = { requests: [], notes: [], issues: [] };
  for (const result of results) {
    if (result.ok) {
      built.requests.push(result.request);
      built.notes.push(...result.warnings.map((text) => ({ tone: 'warning' as const, text })));
    } else {
      built.issues.push(formatIssues(result.issues));
    }
  }
  return built;
}

/** "Refused. …" for rule violations, "Cannot build …" for invalid input, "Nothing to send." for an empty plan. */
export function refusal(problems: readonly string[], built: Built): string | undefined {
  if (problems.length > 0) return `Refused. ${[...new Set(problems)].join(' ')}`;
  if (built.issues.length > 0) return `Cannot build the request: ${built.issues.join('; ')}`;
  return built.requests.length === 0 ? 'Nothing to send.' : undefined;
}
