/** The root: theme and terminal size around the shell. Everything the app needs comes in as props. */
import type { Store } from '../src/state/store.js';
import type { Connection } from '../src/ui/contexts.js';
import type { ScreenId } from '../src/ui/screen-ids.js';
import type { ReactNode } from 'react';
import { KeypressProvider } from '../src/ui/keypress.js';
import { TerminalSizeProvider, useTerminalSize, type TerminalSize } from '../src/ui/terminal-size.js';
import { ThemeContext, type Theme } from '../src/ui/theme.js';
import type { AppParts } from './parts.js';
import { Shell, type Dock } from './Shell.js';

export interface AppProps {
  readonly store: Store;
  readonly connection: Connection;
  readonly theme: Theme;
  readonly initialScreen: ScreenId;
  readonly initialFilter?: string;
  /** Fixed size (tests); otherwise the terminal's, following resizes. */
  readonly size?: TerminalSize;
  /** Lines docked above the footer (the tour's lesson bar). */
  readonly dock?: Dock;
  /** The screens and the panels (screens/parts.ts: APP_PARTS). */
  readonly parts: AppParts;
}

/** The size below the dock, for the shell and every panel that lays itself out from the terminal size. */
function DockedSize({ dock, children }: { dock?: Dock; children: ReactNode }) {
  const size = useTerminalSize();
  return dock ? (
    <TerminalSizeProvider fixed={{ ...size, rows: size.rows - dock.height }}>{children}</TerminalSizeProvider>
  ) : (
    children
  );
}

export function App({ store, connection, theme, initialScreen, initialFilter, size, dock, parts }: AppProps) {
  return (
    <ThemeContext.Provider value={theme}>
      <TerminalSizeProvider fixed={size}>
        <KeypressProvider>
          <DockedSize dock={dock}>
            <Shell
              store={store}
              connection={connection}
              initialScreen={initialScreen}
              initialFilter={initialFilter}
              dock={dock}
              parts={parts}
            />
          </DockedSize>
        </KeypressProvider>
      </TerminalSizeProvider>
    </ThemeContext.Provider>
  );
}
