/**
 * The requests a lesson sent, as the explanation shows them: writes only (reads are how screens look), with
 * invitation tokens and credential-shaped text redacted. Bodies were already redacted by the sandbox log. Lines
 * fit `width` without changing a character: a URL breaks after a slash, a body after a comma or an opening
 * bracket, and only a piece longer than a whole line is split inside.
 */
import type { LoggedRequest } from '../sandbox/request-log.js';
import { breakAfter } from '../ui/break-after.js';
import { redactPath, scrubText } from '../util/redact.js';
import { writes } from './lessons/shared.js';

const BODY_CHARS = 400;
const INDENT = '    ';

export function requestLines(requests: readonly LoggedRequest[], width = Number.POSITIVE_INFINITY): string[] {
  const fit = (text: string, after: string) => breakAfter(text, width - INDENT.length, after);
  return writes(requests).flatMap((r) => {
    const [first = '', ...rest] = fit(`${r.method} ${redactPath(r.url)} → ${r.status ?? 'no answer'}`, '/ ');
    const head = [first, ...rest.map((l) => INDENT + l)];
    if (!r.body) return head;
    const body = scrubText(r.body.length > BODY_CHARS ? `${r.body.slice(0, BODY_CHARS)}…` : r.body);
    return [...head, ...fit(body, ',{[').map((l) => INDENT + l)];
  });
}
