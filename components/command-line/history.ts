/**
 * Requests typed on the command line, newest last, kept for the life of the app so `↑` brings back a request
 * that was rejected or that opened a wizard the user cancelled.
 */
export interface RequestHistory {
  readonly entries: string[];
}

export function createRequestHistory(): RequestHistory {
  return { entries: [] };
}

/** Repeating the last request does not add it twice. */
export function remember(history: RequestHistory, text: string): void {
  const trimmed = text.trim();
  if (trimmed && history.entries.at(-1) !== trimmed) history.entries.push(trimmed);
}

/**
 * Where `↑` (delta -1) or `↓` (+1) leads from `position`: an index into the entries, or undefined for the line
 * being typed (past the newest entry).
 */
export function step(entries: readonly string[], position: number | undefined, delta: -1 | 1): number | undefined {
  if (entries.length === 0) return undefined;
  if (position === undefined) return delta < 0 ? entries.length - 1 : undefined;
  const next = position + delta;
  if (next >= entries.length) return undefined;
  return Math.max(0, next);
}
