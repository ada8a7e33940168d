/**
 * Render the whole app against a fake CloudApi with an injected terminal size (ink-testing-library's stdout has
 * no rows). Keys go in one at a time, each after the previous one's render (test/support/ink-driver.ts).
 */
import { APP_PARTS } from '../../../screens/parts.js';
import { render } from 'ink-testing-library';
import { App } from '../../../components/App.js';
import { createStore, type Store } from '../../../src/state/store.js';
import type { Connection } from '../../../src/ui/contexts.js';
import type { ScreenId } from '../../../src/ui/screen-ids.js';
import type { TerminalSize } from '../../../src/ui/terminal-size.js';
import { createTheme, type Theme } from '../../../src/ui/theme.js';
import type { EsAccess } from '../../../src/state/es-access.js';
import { inkDriver, settled } from '../../support/ink-driver.js';
import { createFakeCloud, type FakeCloud, type FakeData } from './fake-cloud.js';
import { NOW, orgData } from './fixtures.js';
import { LIST_ENTRIES } from '../../../screens/lists.js';

export { KEY, settled, strip, tick } from '../../support/ink-driver.js';

export interface RenderAppOptions {
  data?: FakeData;
  cloud?: FakeCloud;
  screen?: ScreenId;
  filter?: string;
  size?: TerminalSize;
  theme?: Theme;
  connection?: Connection;
  esAccess?: EsAccess;
  /** Do not call store.start() (to observe the empty, loading state). */
  noStart?: boolean;
}

export async function renderApp(options: RenderAppOptions = {}) {
  const cloud = options.cloud ?? createFakeCloud(options.data ?? orgData());
  const store: Store = createStore({
    lists: LIST_ENTRIES,
    cloud,
    clock: () => NOW,
    ...(options.esAccess ? { esAccess: options.esAccess } : {}),
  });
  if (!options.noStart) store.start();
  const size = options.size ?? { columns: 100, rows: 30 };
  const instance = render(
    <App
      store={store}
      connection={options.connection ?? { kind: 'sandbox', host: '127.0.0.1:9999', selfKeyId: 'k-owner' }}
      theme={options.theme ?? createTheme({ color: false, unicode: true })}
      initialScreen={options.screen ?? 'members'}
      initialFilter={options.filter}
      size={size}
      parts={APP_PARTS}
    />,
  );
  await settled();
  const driver = inkDriver(instance);
  return {
    ...instance,
    ...driver,
    cloud,
    store,
    size,
    lines: () => driver.frame().split('\n'),
  };
}
