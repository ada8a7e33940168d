/**
 * Details views and the help overlay are lists of styled lines, built by pure functions and windowed by one
 * scrolling component. Keeping them as data makes them testable without rendering and easy to clip to the screen.
 */
import type { Tone } from './theme.js';

export interface Segment {
  readonly text: string;
  readonly tone?: Tone;
  readonly bold?: boolean;
}

export type Line = readonly Segment[];

export type Part = string | Segment | false | undefined;

export function line(...parts: Part[]): Line {
  return parts.filter((p): p is string | Segment => Boolean(p)).map((p) => (typeof p === 'string' ? { text: p } : p));
}

export const tone = (t: Tone, text: string, bold = false): Segment =>
  bold ? { text, tone: t, bold } : { text, tone: t };

export const heading = (text: string): Line => [{ text, tone: 'title', bold: true }];

export const blank: Line = [];

/** "label   value" with the label padded so values line up. */
export function field(label: string, ...value: Part[]): Line {
  return line(tone('muted', label.padEnd(16)), ...value);
}

export function lineText(l: Line): string {
  return l.map((s) => s.text).join('');
}

/**
 * Cut a line to `width` characters, ending in `ellipsis` when cut. Done here rather than by Ink's truncation, which
 * always uses "…" (wrong on ASCII terminals).
 */
export function clipLine(l: Line, width: number, ellipsis: string): Line {
  const length = l.reduce((n, s) => n + Array.from(s.text).length, 0);
  if (length <= width) return l;
  const room = Math.max(0, width - Array.from(ellipsis).length);
  const out: Segment[] = [];
  let used = 0;
  for (const segment of l) {
    const chars = Array.from(segment.text);
    const take = Math.min(chars.length, room - used);
    if (take <= 0) break;
    out.push({ ...segment, text: chars.slice(0, take).join('') });
    used += take;
  }
  out.push({ text: ellipsis, tone: 'muted' });
  return out;
}
