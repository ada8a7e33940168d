/**
 * The two docked lines of the tour: where you are and the goal, then the latest check, the countdown, or a hint.
 * `TourDock` stays mounted while the bar is hidden, keeping the app and the tour in step (useTourSync).
 */
import { Text } from 'ink';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { LESSONS } from '../../src/tour/lessons/index.js';
import type { TourRunner } from '../../src/tour/runner.js';
import { useAppActions, useAppState } from '../../src/ui/contexts.js';
import { useTheme } from '../../src/ui/theme.js';
import { useTerminalSize } from '../../src/ui/terminal-size.js';
import { fitWords } from '../explain/wrap.js';
import { timeLeft } from './lesson-lines.js';
import { API_KEYS, PROJECT_KEYS } from '../../src/state/lists.js';

export const BAR_HEIGHT = 2;
const SETTLE_MS = 600;

/**
 * Re-checks the sandbox shortly after the app's data changes (a wizard's writes end with a reload), so a goal
 * reached with the real screens is noticed without asking; and reloads the keys once the tour planted one.
 */
function useTourSync(runner: TourRunner): void {
  const view = useSyncExternalStore(runner.subscribe, runner.getView);
  const { data } = useAppState();
  const { refresh } = useAppActions();
  const { lesson, result } = view;
  const planted = view.progress.baseline?.leakedKeyId;
  useEffect(() => {
    if (!lesson || lesson.question || result?.passed) return;
    const timer = setTimeout(() => void runner.check(), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [data, lesson, result?.passed, runner]);
  useEffect(() => {
    if (planted) void refresh([API_KEYS, PROJECT_KEYS]);
  }, [planted, refresh]);
}

export function TourDock({ runner, visible }: { runner: TourRunner; visible: boolean }) {
  useTourSync(runner);
  return visible ? <LessonBar runner={runner} /> : null;
}

function LessonBar({ runner }: { runner: TourRunner }) {
  const theme = useTheme();
  const view = useSyncExternalStore(runner.subscribe, runner.getView);
  const [now, setNow] = useState(() => new Date());
  const { columns } = useTerminalSize();
  const { lesson, result } = view;
  const deadline = view.progress.baseline?.deadline;

  useEffect(() => {
    if (!deadline || result?.passed) return;
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(timer);
  }, [deadline, result?.passed]);

  const { symbols } = theme;
  if (!lesson) {
    return (
      <Text
        wrap="truncate"
        color={theme.colorOf('success')}
      >{` ${symbols.ok} Tour complete. t shows the summary; \`ec-access tour --reset\` starts over.`}</Text>
    );
  }
  const position = ` TOUR ${view.progress.current + 1}/${LESSONS.length} `;
  const title = ` ${lesson.title}: `;
  const keys = ' t lesson · T hide ';
  const clock = deadline && !result?.passed ? `${timeLeft(deadline, now)} ` : '';
  // Cut at a word, not mid-word: the panel (t) has the whole text.
  const fit = (text: string, used: number) => fitWords(text, Math.max(10, columns - used), symbols.ellipsis);
  const status = view.error
    ? { tone: 'danger' as const, text: `${symbols.fail} ${view.error}` }
    : result
      ? result.passed
        ? // What to do next comes first: at 80 columns the summary is cut, and the panel shows it whole.
          { tone: 'success' as const, text: `${symbols.ok} Goal reached: t shows what happened. ${result.summary}` }
        : { tone: 'warning' as const, text: `${symbols.fail} ${result.summary}` }
      : // The first step; the panel (t) lists them all.
        { tone: 'muted' as const, text: `Hint: ${lesson.hints[0] ?? ''}` };
  return (
    <>
      <Text wrap="truncate">
        <Text bold inverse color={theme.colorOf('sandbox')}>
          {position}
        </Text>
        <Text bold>{title}</Text>
        {fit(lesson.goal, position.length + title.length)}
      </Text>
      <Text wrap="truncate">
        <Text color={theme.colorOf('accent')}>{keys}</Text>
        {clock ? (
          <Text color={theme.colorOf('danger')} bold>
            {clock}
          </Text>
        ) : null}
        <Text color={theme.colorOf(status.tone)}>{fit(status.text, keys.length + clock.length)}</Text>
      </Text>
    </>
  );
}
