/**
 * A selection in a list that changes under it (findings re-run, principals come and go): kept by id so it stays on
 * the same item, with the index as the fallback when that item vanished.
 */
export interface Cursor {
  readonly id?: string;
  readonly index: number;
}

export const START: Cursor = { index: 0 };

const clamp = (n: number, min: number, max: number) => Math.max(min, Math.min(max, n));

/** Where the cursor is in `ids` now; -1 when the list is empty. */
export function cursorIndex(cursor: Cursor, ids: readonly string[]): number {
  if (ids.length === 0) return -1;
  const byId = cursor.id === undefined ? -1 : ids.indexOf(cursor.id);
  return byId >= 0 ? byId : clamp(cursor.index, 0, ids.length - 1);
}

export function moveCursor(cursor: Cursor, ids: readonly string[], delta: number): Cursor {
  if (ids.length === 0) return cursor;
  const index = clamp(cursorIndex(cursor, ids) + delta, 0, ids.length - 1);
  return { id: ids[index], index };
}

/**
 * A cursor on `id`, for opening a view focused on one item. Kept by id even when `ids` does not hold it yet (a
 * matrix still being computed): it lands on the item once the list has it, else on the first.
 */
export function cursorOn(id: string | undefined, ids: readonly string[]): Cursor {
  return id === undefined ? START : { id, index: Math.max(0, ids.indexOf(id)) };
}
