/**
 * Terminal modes read from the raw byte stream a program wrote. The headless terminal knows its current buffer,
 * but the question a test asks is "what did the program leave the user's terminal in", and that is the last
 * relevant escape sequence in the stream: the last occurrence wins.
 */
const ALT_ENTER = ['\x1b[?1049h', '\x1b[?1047h', '\x1b[?47h'];
const ALT_LEAVE = ['\x1b[?1049l', '\x1b[?1047l', '\x1b[?47l'];
const CURSOR_SHOW = ['\x1b[?25h'];
const CURSOR_HIDE = ['\x1b[?25l'];

function lastIndex(raw: string, needles: readonly string[]): number {
  return Math.max(-1, ...needles.map((n) => raw.lastIndexOf(n)));
}

/** Whether the alternate screen is on after `raw` (off when the program never switched). */
export function altScreenActive(raw: string): boolean {
  return lastIndex(raw, ALT_ENTER) > lastIndex(raw, ALT_LEAVE);
}

/** Whether the cursor is visible after `raw` (terminals start with it visible). */
export function cursorVisible(raw: string): boolean {
  return lastIndex(raw, CURSOR_HIDE) <= lastIndex(raw, CURSOR_SHOW);
}

/**
 * Whether the program is in the middle of a synchronized update (`CSI ?2026h` … `CSI ?2026l`, which Ink wraps
 * every frame in). A real terminal keeps showing the previous frame until the update ends; a test reading the
 * screen meanwhile would see half a frame (a new title above an erased status line).
 */
export function synchronizedUpdateOpen(raw: string): boolean {
  return raw.lastIndexOf('\x1b[?2026h') > raw.lastIndexOf('\x1b[?2026l');
}

/** Whether the program left bracketed paste on after `raw` (pastes would then arrive wrapped in ESC[200~ … ESC[201~). */
export function bracketedPasteOn(raw: string): boolean {
  return raw.lastIndexOf('\x1b[?2004h') > raw.lastIndexOf('\x1b[?2004l');
}
