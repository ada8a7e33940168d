/**
 * The UI of a connected session (tui-session.ts), rendered until the user quits. Loaded only once the opening
 * screen's requests are on their way.
 */
import { render } from 'ink';
import { App, type AppProps } from '../../../components/App.js';
import { AuditContext } from '../../../components/audit/session.js';
import { WizardServicesContext } from '../../../components/wizard/services.js';
import { APP_PARTS } from '../../../screens/parts.js';
import { createSandboxControl } from '../../state/sandbox-control.js';
import { themeFromEnv } from '../../ui/theme.js';
import type { TuiOptions, TuiSession } from './tui-session-types.js';

export async function renderTui(session: TuiSession, opts: TuiOptions): Promise<number> {
  const { store, connection, cloud, esAccess, authenticateAs, audit, sandbox } = session;
  const props: AppProps = {
    store,
    connection,
    theme: themeFromEnv(process.env),
    initialScreen: opts.screen,
    parts: APP_PARTS,
    ...(opts.filter !== undefined ? { initialFilter: opts.filter } : {}),
  };
  const instance = render(
    <AuditContext.Provider value={audit}>
      <WizardServicesContext.Provider
        value={{
          cloud,
          esAccess,
          authenticateAs,
          ...(sandbox ? { sandbox: createSandboxControl(sandbox.controlUrl) } : {}),
        }}
      >
        {opts.renderApp ? opts.renderApp(props) : <App {...props} />}
      </WizardServicesContext.Provider>
    </AuditContext.Provider>,
    // Ink's default 30 fps throttle would hold back a keystroke's frame by up to 33 ms after the previous one.
    { exitOnCtrlC: false, patchConsole: true, maxFps: 60 },
  );
  await instance.waitUntilExit();
  return 0;
}
