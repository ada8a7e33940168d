/**
 * What the keys screen's own keys do (their keys are in src/ui/bindings.ts under its scope). Typed by its rows: the
 * shell calls a screen's actions only with rows of that screen's list.
 */
import { hiddenMarksQuestion, markCounts } from '../../src/ui/hidden-marks.js';
import type { ScreenActions } from '../../src/ui/screen-def.js';
import { openWizard } from '../open-wizard.js';
import { withPanels } from '../panels.js';
import type { KeyRow } from './row.js';

export const KEY_ACTIONS: ScreenActions<KeyRow> = {
  'keys.mark': { run: ({ dispatch, ids }) => dispatch({ type: 'toggleMark', ids }) },
  'keys.markAll': { run: ({ dispatch, ids }) => dispatch({ type: 'markAll', ids }) },
  'keys.revoke': {
    run: ({ actions, current, marked, ids, message }) => {
      const question = hiddenMarksQuestion(
        markCounts(
          marked.map((r) => r.id),
          ids,
        ),
        'key',
      );
      // Asked once; the `d` that answers it sees the question still on the status line.
      if (question && message !== question) {
        actions.notify(question, 'warning');
        return;
      }
      const rows = marked.length > 0 ? marked : current ? [current] : [];
      withPanels(actions, (panels) => panels.openRevokeKeyRows(actions, rows));
    },
  },
  'keys.create': { run: openWizard('keys.create') },
  'keys.identify': { run: ({ actions }) => withPanels(actions, (panels) => panels.openIdentifyKey(actions)) },
};
