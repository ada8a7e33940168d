/**
 * The lesson in full, opened with `t` over whatever screen the learner is on: enter checks the sandbox (or, once
 * passed, moves to the next lesson), question lessons take the answer typed here, `r` starts the lesson again
 * from the sandbox as it is, ctrl+o expands the explanations, ↑/↓ scroll, esc goes back to the screens; the keys
 * are the `lesson` scope of the binding table, shown in the app's footer.
 */

import { useEffect, useState, useSyncExternalStore } from 'react';
import type { TourRunner } from '../../src/tour/runner.js';
import { useAppActions, type PanelSpec } from '../../src/ui/contexts.js';
import { layoutFor } from '../../src/ui/layout.js';
import { useTerminalSize } from '../../src/ui/terminal-size.js';
import { useTheme } from '../../src/ui/theme.js';
import { LinesView, maxScroll } from '../LinesView.js';
import { lessonPanelLines } from './lesson-lines.js';
import { usePanelBindings } from '../../src/ui/use-panel-bindings.js';

/** One line saying what is below and whether a check runs, kept out of the scrolling part. */
const STATUS_LINES = 1;
/** Said while a check runs (no trailing ellipsis: a row ending in one reads as cut off). */
export const CHECKING = 'checking the sandbox, the verdict follows';

function LessonPanel({ runner }: { runner: TourRunner }) {
  const theme = useTheme();
  const actions = useAppActions();
  const layout = layoutFor(useTerminalSize());
  const view = useSyncExternalStore(runner.subscribe, runner.getView);
  const [answer, setAnswer] = useState(view.progress.answer ?? '');
  const [explain, setExplain] = useState(false);
  const [scroll, setScroll] = useState(0);
  const [now, setNow] = useState(() => new Date());
  const question = view.lesson?.question !== undefined;
  const passed = view.result?.passed === true;

  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(timer);
  }, []);

  // Inside the borders, less the leading space and one column of margin on the right.
  const width = layout.width - 4;
  const lines = lessonPanelLines({ view, answer, width, symbols: theme.symbols, explain, now });
  const height = layout.boxInner - STATUS_LINES;
  const max = maxScroll(lines.length, height);

  const answering = question && !passed;
  const scrollBy = (delta: number) => () => setScroll((s) => Math.max(0, Math.min(max, s + delta)));
  usePanelBindings(
    'lesson',
    {
      'lesson.back': actions.closeOverlay,
      'lesson.up': scrollBy(-1),
      'lesson.down': scrollBy(1),
      'lesson.check': passed
        ? undefined
        : () => {
            setScroll(0);
            void runner.check(question ? answer : undefined);
          },
      'lesson.next': passed
        ? () => {
            setScroll(0);
            setAnswer('');
            void runner.next();
          }
        : undefined,
      'lesson.explain': answering ? undefined : () => setExplain((e) => !e),
      'lesson.restart': answering ? undefined : () => void runner.restart(),
      'lesson.erase': answering ? () => setAnswer((a) => Array.from(a).slice(0, -1).join('')) : undefined,
    },
    answering ? { onText: (text) => setAnswer((a) => a + text) } : {},
  );

  const shown = Math.min(scroll, max);
  // At 80x24 most lessons are taller than the panel: say so, first, so it is never cut off.
  const more = shown < max ? `${theme.unicode ? '↓' : 'down:'} more below` : '';
  // While a check runs it says so; the keys themselves are in the footer.
  const status = [more, view.checking ? CHECKING : '', answering ? 'type the answer' : ''].filter(Boolean).join(' · ');
  return (
    <>
      <LinesView lines={lines} scroll={shown} height={height} width={layout.width - 2} />
      <LinesView lines={[[{ text: status, tone: 'muted' }]]} scroll={0} height={1} width={layout.width - 2} />
    </>
  );
}

/**
 * The panel for `t`. Lessons the tour checks by itself take a fresh look at the sandbox as the panel opens (the
 * learner may have just finished the task); started here rather than in an effect, so the first frame already
 * shows the check running instead of a stale verdict.
 */
export function lessonPanel(runner: TourRunner): PanelSpec {
  if (!runner.getView().lesson?.question) void runner.check();
  return { id: 'tour.lesson', title: 'Tour', node: <LessonPanel runner={runner} /> };
}
