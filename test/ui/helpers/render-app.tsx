/**
 * Render the whole app against a fake CloudApi with an injected terminal size (ink-testing-library's stdout has
 * no rows). Every key is its own write followed by a wait, because Ink applies keys against the last render.
 */
import { render } from 'ink-testing-library';
import { App } from '../../../components/App.js';
import { createStore, type Store } from '../../../src/state/store.js';
import type { Connection } from '../../../src/ui/contexts.js';
import type { ScreenId } from '../../../src/ui/screen-ids.js';
import type { TerminalSize } from '../../../src/ui/terminal-size.js';
import { createTheme, type Theme } from '../../../src/ui/theme.js';
import type { EsAccess } from '../../../src/state/es-access.js';
import { createFakeCloud, type FakeCloud, type FakeData } from './fake-cloud.js';
import { NOW, orgData } from './fixtures.js';

export const KEY = {
  up: '\x1b[A', down: '\x1b[B', pageUp: '\x1b[5~', pageDown: '\x1b[6~', enter: '\r', escape: '\x1b', tab: '\t',
  shiftTab: '\x1b[Z', backspace: '\x7f', ctrlC: '\x03', home: '\x1b[H', end: '\x1b[F',
} as const;

const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g;
export const strip = (s: string) => s.replace(ANSI, '');

export const tick = (ms = 15) => new Promise((resolve) => setTimeout(resolve, ms));

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
  const store: Store = createStore({ cloud, clock: () => NOW, ...(options.esAccess ? { esAccess: options.esAccess } : {}) });
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
    />,
  );
  await tick(30);
  const frame = () => strip(instance.lastFrame() ?? '');
  return {
    ...instance,
    cloud,
    store,
    size,
    frame,
    lines: () => frame().split('\n'),
    async press(...keys: string[]) {
      for (const key of keys) {
        instance.stdin.write(key);
        await tick();
      }
    },
    async type(text: string) {
      for (const ch of text) {
        instance.stdin.write(ch);
        await tick();
      }
    },
    async waitFor(text: string | RegExp, timeoutMs = 2000) {
      const deadline = Date.now() + timeoutMs;
      const seen = () => (typeof text === 'string' ? frame().includes(text) : text.test(frame()));
      while (!seen()) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(text)}; frame:\n${frame()}`);
        await tick(10);
      }
    },
  };
}
