/**
 * Judging a single-target action (remove a member, cancel an invitation, delete a role, remove an assignment) from
 * the send result and the re-read data. The re-read decides, not the status code: a 500 after the change was
 * made, or a 404 because someone else got there first, both end with the thing gone. Pure.
 */
import { describeError, type Resource } from '../../src/state/resource.js';
import { line, tone, type Line } from '../../src/ui/lines.js';
import type { Symbols } from '../../src/ui/theme.js';
import type { SendResult, Verified } from './spec.js';

export interface SingleCheck {
  /** Past tense, for success: "Removed dan@acme.test from the organization". */
  readonly done: string;
  /** The thing, as the user knows it: "dan@acme.test". */
  readonly what: string;
  /** Where it is looked for after the re-read: "the member list". */
  readonly where: string;
  /** After the re-read: still there (true), gone (false), or unknown because the re-read failed (undefined). */
  readonly present: boolean | undefined;
}

/** The re-read list, or undefined when the reload failed (stale data must not pass for a verification). */
export function reread<T>(resource: Resource<T> | undefined): T | undefined {
  return resource?.status === 'ready' ? resource.data : undefined;
}

/** "✗ message" and, when there is one, the hint on its own line. */
export function errorLines(error: unknown, symbols: Symbols): Line[] {
  const info = describeError(error);
  return [
    line(tone('danger', `${symbols.fail} ${info.status !== undefined ? `HTTP ${info.status}: ` : ''}${info.message}`)),
    ...(info.hint ? [line(tone('muted', `  ${info.hint}`))] : []),
  ];
}

/** A refusal (4xx) changed nothing; no answer or a 5xx leaves the outcome open. */
function isRefusal(error: unknown): boolean {
  const { status } = describeError(error);
  return status !== undefined && status < 500;
}

export function judgeSingle(sent: SendResult, check: SingleCheck, symbols: Symbols): Verified {
  const { done, what, where, present } = check;
  const failure = sent.ok ? undefined : sent.error;
  const errors = failure === undefined ? [] : errorLines(failure, symbols);
  if (present === false) {
    if (failure === undefined) {
      return {
        tone: 'success',
        summary: `${done} (verified)`,
        audit: 'confirmed',
        lines: [
          line(tone('success', `${symbols.ok} ${done}`)),
          line(tone('muted', `  verified: ${what} is no longer in ${where}`)),
        ],
      };
    }
    const gone = describeError(failure).status === 404;
    return {
      tone: gone ? 'success' : 'warning',
      audit: 'confirmed',
      summary: gone ? `${what} was already gone` : `${what} is gone, although the request reported an error`,
      lines: [
        line(
          tone(gone ? 'success' : 'warning', `${gone ? symbols.ok : symbols.warn} ${what} is no longer in ${where}`),
        ),
        ...(gone ? [line(tone('muted', '  it was already gone (someone else removed it first)'))] : errors),
      ],
    };
  }
  if (present === true) {
    return failure === undefined
      ? {
          tone: 'warning',
          audit: 'not-applied',
          summary: `${what} is still listed; refresh and check`,
          lines: [
            line(tone('warning', `${symbols.warn} The server accepted the request, but ${what} is still in ${where}`)),
            line(tone('muted', '  the change may take a moment to show: press r on the list, and check again')),
          ],
        }
      : {
          tone: 'danger',
          audit: 'not-applied',
          summary: `Failed: ${describeError(failure).message}`,
          lines: [...errors, line(tone('muted', `  nothing changed: ${what} is still in ${where}`))],
        };
  }
  // The re-read failed: only the answer itself says anything.
  if (failure === undefined) {
    return {
      tone: 'warning',
      summary: `${done}; could not re-read to verify`,
      lines: [
        line(tone('success', `${symbols.ok} ${done}`)),
        line(tone('warning', `  could not re-read ${where} to verify: refresh and check`)),
      ],
    };
  }
  return isRefusal(failure)
    ? {
        tone: 'danger',
        summary: `Refused: ${describeError(failure).message}`,
        lines: [...errors, line(tone('muted', '  refused, so nothing changed'))],
      }
    : {
        tone: 'danger',
        summary: 'Unknown outcome: refresh and check',
        lines: [
          ...errors,
          line(tone('warning', `${symbols.warn} unknown outcome — refresh and check whether ${what} is still there`)),
        ],
      };
}
