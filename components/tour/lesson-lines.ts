/**
 * What the lesson panel shows, as styled lines (pure, so it is tested without rendering): the goal, the question
 * or the hints, the last check and what happened, the requests the sandbox received, and the why behind it.
 */
import { explanationOf } from '../../src/domain/explanations.js';
import { LESSONS } from '../../src/tour/lessons/index.js';
import { requestLines } from '../../src/tour/requests.js';
import type { TourView } from '../../src/tour/runner.js';
import { blank, heading, line, tone, type Line } from '../../src/ui/lines.js';
import type { Symbols } from '../../src/ui/theme.js';
import { wrapWords } from '../explain/wrap.js';

export interface PanelInput {
  readonly view: TourView;
  readonly answer: string;
  readonly width: number;
  readonly symbols: Symbols;
  /** Whole explanations instead of the one-line whys. */
  readonly explain: boolean;
  readonly now: Date;
}

/** Word-wrapped; continuation lines get `hang` (a numbered hint's text lines up under its first word). */
const wrapped = (text: string, width: number, indent = '', hang = indent) =>
  wrapWords(text, width - hang.length).map((t, i) => line((i === 0 ? indent : hang) + t));

export function timeLeft(deadline: string | undefined, now: Date): string | undefined {
  if (!deadline) return undefined;
  const seconds = Math.max(0, Math.ceil((Date.parse(deadline) - now.getTime()) / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

function lessonFacts(view: TourView, input: PanelInput): Line[] {
  const baseline = view.progress.baseline;
  const lesson = view.lesson!;
  if (lesson.id === 'leaked-key' && baseline?.leakedKeyId) {
    return [
      line(
        tone('danger', `Leaked key id: ${baseline.leakedKeyId}`, true),
        `   time left ${timeLeft(baseline.deadline, input.now)}`,
      ),
      ...(baseline.leakedProjectKey
        ? [line(tone('danger', `Leaked project key id: ${baseline.leakedProjectKey.id}`, true), '   (search-prod)')]
        : []),
    ];
  }
  return [];
}

/** Lesson 4's last step, as lines to copy: short enough for 80 columns, the endpoint on a line of its own. */
function afterHints(view: TourView): Line[] {
  if (view.lesson?.id !== 'ci-key') return [];
  const endpoint =
    view.state?.snapshot.projects.find((p) => p.type === 'elasticsearch')?.endpoints.elasticsearch ??
    '<search project endpoint>';
  return [
    blank,
    line(tone('muted', 'Use the key once, in another terminal:')),
    line(`  ES=${endpoint}`),
    line('  KEY=$(cat <the file the secret was saved to>)'),
    line('  curl -H "Authorization: ApiKey $KEY" "$ES/_security/_authenticate"'),
  ];
}

export function lessonPanelLines(input: PanelInput): Line[] {
  const { view, width, symbols } = input;
  const lesson = view.lesson;
  if (!lesson) {
    return [
      heading(`Tour complete: ${view.progress.completed.length} of ${LESSONS.length} lessons`),
      blank,
      line('`ec-access tour --reset` starts over on a fresh sandbox organization.'),
    ];
  }
  const out: Line[] = [
    heading(`Lesson ${view.progress.current + 1} of ${LESSONS.length}: ${lesson.title}`),
    ...wrapped(lesson.goal, width),
  ];
  out.push(...lessonFacts(view, input));
  const result = view.result;
  // The verdict comes before the instructions: at 80x24 it must be visible without scrolling. A re-check keeps
  // the last verdict in place (the key line says a check is running), so the text does not jump under the reader.
  if (view.checking && !result) out.push(blank, line(tone('muted', `Checking the sandbox${symbols.ellipsis}`)));
  if (view.error) out.push(blank, line(tone('danger', `${symbols.fail} ${view.error}`)));
  if (result) {
    const verdict = result.passed ? 'success' : 'warning';
    out.push(
      blank,
      ...wrapWords(`${result.passed ? symbols.ok : symbols.fail} ${result.summary}`, width - 2).map((t, i) =>
        line(tone(verdict, i === 0 ? t : `  ${t}`, true)),
      ),
    );
    out.push(...result.details.flatMap((d) => wrapped(d, width, '  ')));
    const sent = requestLines(view.state?.requests ?? [], width - 2);
    if (result.passed && sent.length > 0)
      out.push(
        blank,
        line(tone('muted', 'Requests the sandbox received for this:')),
        ...sent.map((s) => line(`  ${s}`)),
      );
  }
  // The answer field stays near the top, where typing can be seen without scrolling.
  if (lesson.question && !result?.passed)
    out.push(blank, line(tone('accent', lesson.question, true)), line(`${symbols.pointer} ${input.answer}_`));
  if (!result?.passed) {
    out.push(
      blank,
      line(tone('muted', 'How:')),
      ...lesson.hints.flatMap((h, i) => wrapped(`${i + 1}. ${h}`, width, '  ', '     ')),
    );
    out.push(...afterHints(view));
  }
  out.push(
    blank,
    line(tone('muted', input.explain ? 'Why it works this way:' : 'Why (ctrl+o for the whole explanation):')),
  );
  for (const id of lesson.concepts) {
    const e = explanationOf(id);
    out.push(
      ...(input.explain
        ? [line(tone('accent', e.title)), ...e.body.flatMap((p) => wrapped(p, width, '  '))]
        : wrapped(`${symbols.bullet} ${e.why}`, width, '  ', '    ')),
    );
  }
  return out;
}
