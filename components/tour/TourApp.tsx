/** The app with the tour docked: the lesson bar above the footer (T hides it) and `t` opening the lesson panel. */
import { useEffect, useSyncExternalStore } from 'react';
import type { TourRunner } from '../../src/tour/runner.js';
import { App, type AppProps } from '../App.js';
import { BAR_HEIGHT, TourDock } from './LessonBar.js';
import { lessonPanel } from './LessonPanel.js';
import { registerTourKeys } from './tour-keys.js';

export function TourApp({ runner, app }: { runner: TourRunner; app: AppProps }) {
  const view = useSyncExternalStore(runner.subscribe, runner.getView);
  useEffect(() => {
    void runner.begin();
    return registerTourKeys((key, actions) =>
      key === 'toggle' ? runner.toggleBar() : actions.openPanel(lessonPanel(runner)),
    );
  }, [runner]);
  // Mounted even when hidden (height 0): the dock keeps the tour in step with the app.
  return (
    <App
      {...app}
      dock={{ node: <TourDock runner={runner} visible={view.barVisible} />, height: view.barVisible ? BAR_HEIGHT : 0 }}
    />
  );
}

/** For `runTuiWith`'s renderApp, so the command module needs no JSX. */
export function tourRenderer(runner: TourRunner): (app: AppProps) => ReturnType<typeof TourApp> {
  return (app) => <TourApp runner={runner} app={app} />;
}
