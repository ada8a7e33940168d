/**
 * The access matrix without Ink: who the rows are, which project columns fit the width, and cells cut to a fixed
 * width. Columns page rather than scroll, so a column never shifts sideways under the cursor while on its page.
 */
import {
  accessMatrixSteps,
  activePrincipals,
  activeProjectKeys,
  projectKeyMatrix,
  type AccessMatrix,
  type Principal,
  type PrincipalRef,
  type ProjectKeyHolder,
} from '../../src/domain/access/index.js';
import type { OrgSnapshot } from '../../src/domain/org.js';
import { clipLine, type Line } from '../../src/ui/lines.js';
import type { Steps } from '../../src/util/stepwise.js';

/** Kind tag and name of a row. */
export const LABEL_WIDTH = 20;
const MIN_CELL_WIDTH = 12;

export interface MatrixModel {
  readonly principals: readonly Principal[];
  /** Rows after the principals' (matrix row principals.length + i): each project's own API keys. */
  readonly projectKeys: readonly ProjectKeyHolder[];
  readonly matrix: AccessMatrix;
  readonly rowIds: readonly string[];
  readonly columnIds: readonly string[];
}

/** Row ids carry the kind: a user id, a key id and an invitation token live in different namespaces. */
export const rowId = (ref: Pick<PrincipalRef, 'kind' | 'id'>) => `${ref.kind}:${ref.id}`;

/** The matrix in steps (src/util/stepwise.ts): the panel opens at once and hears keys while it computes. */
export function* matrixModelSteps(snapshot: OrgSnapshot): Steps<MatrixModel> {
  const principals = activePrincipals(snapshot);
  const projectKeys = activeProjectKeys(snapshot);
  yield;
  const held = yield* accessMatrixSteps(snapshot, principals, snapshot.projects);
  const keys = projectKeyMatrix(projectKeys, snapshot.projects);
  const matrix: AccessMatrix = {
    rows: [...held.rows, ...keys.rows],
    columns: held.columns,
    cells: [...held.cells, ...keys.cells],
  };
  return {
    principals,
    projectKeys,
    matrix,
    // A project key id is unique only within its project.
    rowIds: matrix.rows.map((ref, i) =>
      i < principals.length ? rowId(ref) : `${rowId(ref)}@${projectKeys[i - principals.length]!.project.id}`,
    ),
    columnIds: matrix.columns.map((c) => c.id),
  };
}

export interface ColumnPage {
  readonly first: number;
  /** Columns on this page (the last page may hold fewer). */
  readonly count: number;
  readonly cellWidth: number;
  readonly page: number;
  readonly pages: number;
}

/**
 * The page of columns holding `selected`, for `room` characters after the row label. Cell width depends on the
 * page size only, so every page lines up the same way.
 */
export function columnPage(room: number, total: number, selected: number): ColumnPage {
  const perPage = Math.max(1, Math.floor(room / (MIN_CELL_WIDTH + 1)));
  const page = Math.floor(Math.max(0, selected) / perPage);
  const first = page * perPage;
  return {
    first,
    count: Math.max(0, Math.min(perPage, total - first)),
    cellWidth: Math.max(MIN_CELL_WIDTH, Math.floor(room / perPage) - 1),
    page,
    pages: Math.max(1, Math.ceil(total / perPage)),
  };
}

/** Exactly `width` characters of styled text: cut with the ellipsis, or padded. */
export function fitLine(l: Line, width: number, ellipsis: string): Line {
  const clipped = clipLine(l, width, ellipsis);
  const length = clipped.reduce((n, s) => n + Array.from(s.text).length, 0);
  return length < width ? [...clipped, { text: ' '.repeat(width - length) }] : clipped;
}
