/**
 * Effective access as it reads on screen, shared by the matrix view and the member, key and project details so a
 * cell looks the same everywhere: role names, a missing custom role marked, "cloud-only", a dash for no access,
 * an over-grant mark. Every meaning carries a symbol as well as a tone (NO_COLOR terminals lose only the colour).
 * What a cell contains is decided in src/domain/access; this file only draws it.
 */
import type { Project } from '../api/schemas.js';
import {
  accessMatrix,
  activePrincipals,
  activeProjectKeys,
  projectAccess,
  projectKeyMatrix,
  projectKeyPrivileges,
  type ProjectKeyHolder,
  type MatrixCell,
  type Principal,
  type PrincipalKind,
  type ProjectAccess,
} from '../domain/access/index.js';
import type { OrgSnapshot } from '../domain/org.js';
import { line, tone, type Line, type Segment } from './lines.js';
import type { Symbols } from './theme.js';

/** The over-grant mark reuses the warning glyph: over-grant is a doctor warning, and the glyph is ASCII-safe. */
const overGrantMark = (symbols: Symbols) => symbols.warn;

export const KIND_TAG: Record<PrincipalKind | 'project-key', string> = {
  member: 'user',
  key: 'key',
  invitation: 'inv',
  'project-key': 'pkey',
};

/** "developer,✗mkt-reader" / "cloud-only" / "—", with "!" in front when the cell over-grants. */
export function cellSegments(cell: MatrixCell, symbols: Symbols): Segment[] {
  if (cell.kind === 'none') return [tone('muted', symbols.dash)];
  if (cell.kind === 'cloud-only') return [tone('muted', 'cloud-only')];
  const roles = cell.roles.flatMap((role, i): Segment[] => {
    const sep: Segment[] = i > 0 ? [{ text: ',' }] : [];
    if (role.status === 'missing') return [...sep, tone('danger', `${symbols.fail}${role.name}`)];
    if (role.status === 'unknown') return [...sep, tone('warning', `?${role.name}`)];
    return [...sep, { text: role.name }];
  });
  return cell.overGrant ? [tone('warning', overGrantMark(symbols), true), ...roles] : roles;
}

export function matrixLegend(symbols: Symbols): Line {
  return line(
    tone('danger', `${symbols.fail}role`),
    tone('muted', ' missing in the project  '),
    tone('warning', '?role'),
    tone('muted', ' not verified  '),
    tone('warning', overGrantMark(symbols), true),
    tone('muted', ' over-grant  '),
    tone('muted', `${symbols.dash} no access`),
  );
}

const cellOf = (snapshot: OrgSnapshot, principal: Principal, project: Project): MatrixCell =>
  accessMatrix(snapshot, [principal], [project]).cells[0]![0]!;

function roleStatusLines(access: ProjectAccess, symbols: Symbols): Line[] {
  return access.roles.flatMap((role): Line[] => {
    if (role.status === 'missing') {
      return [
        line(
          '  ',
          tone('danger', `${symbols.fail} ${role.name}`),
          tone('muted', ' does not exist in this project: grants nothing'),
        ),
      ];
    }
    if (role.status === 'unknown') {
      return [
        line(
          '  ',
          tone('warning', `? ${role.name}`),
          tone('muted', " not verified: the project's custom roles are not loaded"),
        ),
      ];
    }
    return [];
  });
}

/** Why a principal has what it has in one project: the assignments that reach it, then what is wrong with them. */
export function reasonLines(access: ProjectAccess, symbols: Symbols, indent = '    '): Line[] {
  if (access.reaches.length === 0) return [line(indent, tone('muted', 'no assignment covers this project'))];
  return [
    ...access.reaches.map((reach) => line(indent, tone('muted', reach.text))),
    ...(access.roles.length === 0
      ? [line(indent, tone('muted', 'no stack role: Cloud console and Cloud API only'))]
      : []),
    ...(access.overGrant
      ? [
          line(
            indent,
            tone(
              'warning',
              `${overGrantMark(symbols)} over-grant: a predefined role on top of a custom role (roles combine as a union)`,
            ),
          ),
        ]
      : []),
  ];
}

/** The selected cell of the matrix, spelled out: the compact cell, each role's status, and the reason chain. */
export function cellExplainLines(
  snapshot: OrgSnapshot,
  principal: Principal,
  project: Project,
  symbols: Symbols,
): Line[] {
  const access = projectAccess(snapshot, principal, project);
  return [
    line('  ', ...cellSegments(cellOf(snapshot, principal, project), symbols)),
    ...roleStatusLines(access, symbols),
    ...reasonLines(access, symbols, '  '),
  ];
}

/** Details of a member, invitation or key: every project it reaches, with the compact cell and why. */
export function principalAccessLines(
  snapshot: OrgSnapshot | undefined,
  principal: Principal,
  symbols: Symbols,
): Line[] {
  if (!snapshot) return [line(tone('muted', '  loading…'))];
  const reached = snapshot.projects
    .map((project) => ({ project, access: projectAccess(snapshot, principal, project) }))
    .filter(({ access }) => access.reaches.length > 0);
  if (reached.length === 0) return [line(tone('muted', '  no project access'))];
  return reached.flatMap(({ project, access }) => [
    line(
      '  ',
      project.name,
      tone('muted', ` (${project.type})  `),
      ...cellSegments(cellOf(snapshot, principal, project), symbols),
    ),
    ...reasonLines(access, symbols),
  ]);
}

/** Details of a project: its column of the matrix, one compact line per principal that reaches it. */
export function projectColumnLines(snapshot: OrgSnapshot | undefined, project: Project, symbols: Symbols): Line[] {
  if (!snapshot) return [line(tone('muted', '  loading…'))];
  const principals = activePrincipals(snapshot);
  const matrix = accessMatrix(snapshot, principals, [project]);
  const rows = matrix.rows.flatMap((ref, i) => {
    const cell = matrix.cells[i]![0]!;
    return cell.kind === 'none'
      ? []
      : [
          line(
            '  ',
            tone('muted', KIND_TAG[ref.kind].padEnd(5)),
            ref.label.padEnd(24),
            ' ',
            ...cellSegments(cell, symbols),
          ),
        ];
  });
  const keys = activeProjectKeys(snapshot).filter((holder) => holder.project.id === project.id);
  const keyMatrix = projectKeyMatrix(keys, [project]);
  rows.push(
    ...keyMatrix.rows.map((ref, i) =>
      line(
        '  ',
        tone('muted', KIND_TAG[ref.kind].padEnd(5)),
        ref.label.padEnd(24),
        ' ',
        ...cellSegments(keyMatrix.cells[i]![0]!, symbols),
      ),
    ),
  );
  const without = principals.length + keys.length - rows.length;
  return [
    ...(rows.length > 0 ? rows : [line(tone('muted', '  nobody'))]),
    ...(without > 0 ? [line(tone('muted', `  ${without} other${without === 1 ? '' : 's'} without access here`))] : []),
    line('  ', ...matrixLegend(symbols)),
  ];
}

/**
 * The matrix's explanation for a project key's row: what its role descriptors allow in its own project, or that it
 * reaches no other project (it was made inside one project's Elasticsearch).
 */
export function projectKeyExplainLines(holder: ProjectKeyHolder, project: Project, symbols: Symbols): Line[] {
  if (holder.project.id !== project.id)
    return [
      line('  ', tone('muted', `${symbols.dash}  a project key works only in its own project, ${holder.project.name}`)),
    ];
  const p = projectKeyPrivileges(holder.key);
  const allows = [...p.cluster.map((c) => `cluster: ${c}`), ...p.indices, ...p.applications];
  return [
    ...(p.superuserLike
      ? [line('  ', tone('danger', `${symbols.fail} superuser-like: all on the cluster or on every index`))]
      : []),
    line('  ', tone('muted', allows.join('; ') || 'no privileges')),
    line(
      '  ',
      tone(
        'muted',
        p.inherited
          ? "no role descriptors of its own: it works with its creator's privileges at creation (limited_by)"
          : `its own role descriptors, made by ${holder.key.username} inside this project (no Cloud role)`,
      ),
    ),
  ];
}
