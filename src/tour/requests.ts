/**
 * The requests a lesson sent, as the explanation shows them: writes only (reads are how screens look), with
 * invitation tokens and credential-shaped text redacted. Bodies were already redacted by the sandbox log.
 */
import type { LoggedRequest } from '../sandbox/request-log.js';
import { redactPath, scrubText } from '../util/redact.js';
import { writes } from './lessons/shared.js';

const BODY_CHARS = 400;

export function requestLines(requests: readonly LoggedRequest[]): string[] {
  return writes(requests).flatMap((r) => {
    const head = `${r.method} ${redactPath(r.url)} → ${r.status ?? 'no answer'}`;
    if (!r.body) return [head];
    const body = r.body.length > BODY_CHARS ? `${r.body.slice(0, BODY_CHARS)}…` : r.body;
    return [head, `    ${scrubText(body)}`];
  });
}
