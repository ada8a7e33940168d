/** The one-time secret panel in a narrow box: text that wraps keeps its margin, so no line touches the border. */
import { Box, Text } from 'ink';
import { render } from 'ink-testing-library';
import { useMemo, useState } from 'react';
import { expect, it } from 'vitest';
import { openSecretPanel } from '../../components/SecretPanel.js';
import { AppActionsContext, type PanelSpec } from '../../src/ui/contexts.js';
import { KeypressProvider, useKeys } from '../../src/ui/keypress.js';
import { TerminalSizeProvider } from '../../src/ui/terminal-size.js';
import { createTheme, ThemeContext } from '../../src/ui/theme.js';
import { Secret } from '../../src/util/secret.js';
import { inkDriver, settled } from '../support/ink-driver.js';
import { fakeActions } from '../ui/helpers/fake-actions.js';

const WIDTH = 60;

/** One panel in a bordered box, as the shell frames overlays; a key opens it. */
function Host() {
  const [panel, setPanel] = useState<PanelSpec>();
  const actions = useMemo(
    () =>
      fakeActions({
        openPanel: setPanel,
        closeOverlay: () => setPanel(undefined),
      }),
    [],
  );
  useKeys(({ input }) => {
    if (input === 'O')
      openSecretPanel(actions, {
        key: { id: 'k-1', secret: new Secret(`essu_${'x'.repeat(60)}`) },
        description: 'CI deploy',
      });
  });
  return (
    <ThemeContext.Provider value={createTheme({ color: false, unicode: true })}>
      <TerminalSizeProvider fixed={{ columns: WIDTH, rows: 30 }}>
        <AppActionsContext.Provider value={actions}>
          <Box width={WIDTH} borderStyle="round" flexDirection="column">
            {panel ? panel.node : <Text>no panel</Text>}
          </Box>
        </AppActionsContext.Provider>
      </TerminalSizeProvider>
    </ThemeContext.Provider>
  );
}

it('keeps a space between the border and every line, wrapped ones included', async () => {
  const app = render(
    <KeypressProvider>
      <Host />
    </KeypressProvider>,
  );
  await settled();
  const ui = inkDriver(app);
  await ui.press('O');
  await ui.waitFor('This is the only time');
  await ui.press('v'); // the revealed value is longer than a line
  await ui.waitFor('revealed: v hides it');
  await ui.press('w'); // and so is the folder question
  await ui.waitFor('in which folder?');
  const inside = ui
    .frame()
    .split('\n')
    .filter((l) => l.startsWith('│'))
    .map((l) => l.slice(1, -1));
  expect(inside.length).toBeGreaterThan(8);
  expect(inside.filter((l) => l.trim() !== '' && !l.startsWith(' '))).toEqual([]);
  app.unmount();
});
