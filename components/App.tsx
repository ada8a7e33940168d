/** The root: theme and terminal size around the shell. Everything the app needs comes in as props. */
import type { Store } from '../src/state/store.js';
import type { Connection } from '../src/ui/contexts.js';
import type { ScreenId } from '../src/ui/screen-ids.js';
import { TerminalSizeProvider, type TerminalSize } from '../src/ui/terminal-size.js';
import { ThemeContext, type Theme } from '../src/ui/theme.js';
import { Shell } from './Shell.js';

export interface AppProps {
  readonly store: Store;
  readonly connection: Connection;
  readonly theme: Theme;
  readonly initialScreen: ScreenId;
  readonly initialFilter?: string;
  /** Fixed size (tests); otherwise the terminal's, following resizes. */
  readonly size?: TerminalSize;
}

export function App({ store, connection, theme, initialScreen, initialFilter, size }: AppProps) {
  return (
    <ThemeContext.Provider value={theme}>
      <TerminalSizeProvider fixed={size}>
        <Shell store={store} connection={connection} initialScreen={initialScreen} initialFilter={initialFilter} />
      </TerminalSizeProvider>
    </ThemeContext.Provider>
  );
}
