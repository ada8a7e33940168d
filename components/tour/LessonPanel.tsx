/**
 * The lesson in full, opened with `t` over whatever screen the learner is on: enter checks the sandbox (or, once
 * passed, moves to the next lesson), question lessons take the answer typed here, `r` starts the lesson again
 * from the sandbox as it is, `i` expands the explanations, ↑/↓ scroll, esc goes back to the screens.
 */

import { useEffect, useState, useSyncExternalStore } from 'react';
import type { TourRunner } from '../../src/tour/runner.js';
import { useAppActions, type PanelSpec } from '../../src/ui/contexts.js';
import { hasControls } from '../../src/ui/keys.js';
import { layoutFor } from '../../src/ui/layout.js';
import { useTerminalSize } from '../../src/ui/terminal-size.js';
import { useTheme } from '../../src/ui/theme.js';
import { LinesView, maxScroll } from '../LinesView.js';
import { lessonPanelLines } from './lesson-lines.js';
import { useKeys } from '../../src/ui/keypress.js';

/** One line for the keys, kept out of the scrolling part. */
const KEYS_LINES = 1;

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
  const height = layout.boxInner - KEYS_LINES;
  const max = maxScroll(lines.length, height);

  useKeys(({ name, input }) => {
    if (name === 'escape') return actions.closeOverlay();
    if (name === 'up' || name === 'down')
      return setScroll((s) => Math.max(0, Math.min(max, s + (name === 'up' ? -1 : 1))));
    if (name === 'enter') {
      setScroll(0);
      if (passed) {
        setAnswer('');
        return void runner.next();
      }
      return void runner.check(question ? answer : undefined);
    }
    if (question && !passed) {
      if (name === 'backspace') setAnswer((a) => a.slice(0, -1));
      else if (name !== undefined && name.length === 1) setAnswer((a) => a + name);
      else if (name === undefined && input.length > 1 && !hasControls(input)) setAnswer((a) => a + input);
      return;
    }
    if (name === 'i') setExplain((e) => !e);
    else if (name === 'r') void runner.restart();
  });

  const arrows = theme.unicode ? '↑/↓' : 'up/down';
  const shown = Math.min(scroll, max);
  // At 80x24 most lessons are taller than the panel: say so, first, so it is never cut off.
  const more = shown < max ? `${theme.unicode ? '↓' : 'down:'} more below · ` : '';
  // While a check runs, its key says so in its place: the line keeps its length and the text above stays put.
  const check = view.checking ? `checking${theme.symbols.ellipsis}` : 'enter check';
  const keys =
    more +
    (passed
      ? `enter next lesson · ${arrows} scroll · esc back to the screens`
      : question
        ? `type the answer · ${check} · ${arrows} scroll · esc back`
        : `${check} · i explain · r restart · ${arrows} scroll · esc back`);
  return (
    <>
      <LinesView lines={lines} scroll={shown} height={height} width={layout.width - 2} />
      <LinesView lines={[[{ text: keys, tone: 'muted' }]]} scroll={0} height={1} width={layout.width - 2} />
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
