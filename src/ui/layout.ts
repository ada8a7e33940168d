/**
 * Vertical budget of the frame. The whole frame stays one line shorter than the terminal: Ink 6 clears the screen
 * and redraws everything once its output reaches the terminal height (ink.js: `outputHeight >= stdout.rows`).
 */
import type { TerminalSize } from './terminal-size.js';

const HEADER = 2;
const STATUS = 1;
const FOOTER = 1;
const SAFETY = 1;
/** Title line (top border) and bottom border of the main box. */
const BOX_BORDERS = 2;
const COLUMN_HEADER = 1;

export interface Layout {
  readonly width: number;
  /** Lines inside the main box (between its borders). */
  readonly boxInner: number;
  /** Data rows of a list (box inner minus the column header). */
  readonly listRows: number;
}

export function layoutFor(size: TerminalSize): Layout {
  const boxInner = Math.max(1, size.rows - SAFETY - HEADER - STATUS - FOOTER - BOX_BORDERS);
  return { width: size.columns, boxInner, listRows: Math.max(1, boxInner - COLUMN_HEADER) };
}

/** Every frame is exactly this tall, whatever is on screen. */
export function frameHeight(size: TerminalSize): number {
  return HEADER + BOX_BORDERS + layoutFor(size).boxInner + STATUS + FOOTER;
}
