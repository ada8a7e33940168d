/**
 * The binding table is the single source of truth: every entry has a handler, no key is ambiguous in any mode,
 * the help overlay lists exactly the table, and pressing each listed key reaches its handler through the real
 * Ink input path.
 */
import { APP_PARTS } from '../../screens/parts.js';
import { Text } from 'ink';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { createRequestHistory } from '../../components/command-line/history.js';
import { createHandlers } from '../../components/handlers.js';
import {
  activeBindings,
  AUDIT_PANEL,
  BINDINGS,
  COMPARE_PANEL,
  EXPORT_PANEL,
  DOCTOR_PANEL,
  MATRIX_PANEL,
  PANEL_SCOPES,
  SCOPE_TITLES,
  type PanelScope,
  type Binding,
  type BindingContext,
  type BindingId,
  type Mode,
  isNavBindingId,
  isScreenActionId,
} from '../../src/ui/bindings.js';
import { SCREENS } from '../../screens/registry.js';
import { helpKeys, helpLines } from '../../src/ui/help.js';
import { KeyLayer, KeypressProvider } from '../../src/ui/keypress.js';
import { usePanelBindings } from '../../src/ui/use-panel-bindings.js';
import { lineText } from '../../src/ui/lines.js';
import { SCREEN_IDS } from '../../src/ui/screen-ids.js';
import { useKeyDispatch, type Handlers } from '../../src/ui/use-key-dispatch.js';
import { fakeActions } from './helpers/fake-actions.js';
import { KEY, renderApp, tick } from './helpers/render-app.js';

const MODES: Mode[] = ['list', 'filter', 'details', 'help', 'confirm', 'overlay'];
const ALL_CONTEXTS: BindingContext[] = [
  ...MODES.flatMap((mode) =>
    SCREEN_IDS.flatMap((screen) => [false, true].map((filtered) => ({ mode, screen, filtered }))),
  ),
  ...[MATRIX_PANEL, DOCTOR_PANEL, AUDIT_PANEL, EXPORT_PANEL, COMPARE_PANEL].map((panel): BindingContext => ({
    mode: 'overlay',
    screen: 'members',
    filtered: false,
    panel,
  })),
];

const isPanelScope = (scope: string): scope is PanelScope => (PANEL_SCOPES as readonly string[]).includes(scope);

/** Terminal bytes for a key name. */
const BYTES: Record<string, string> = {
  up: KEY.up,
  down: KEY.down,
  left: '\x1b[D',
  right: '\x1b[C',
  pageup: KEY.pageUp,
  pagedown: KEY.pageDown,
  enter: KEY.enter,
  escape: KEY.escape,
  tab: KEY.tab,
  'ctrl+o': '\x0f',
  'ctrl+u': '\x15',
  'ctrl+a': '\x01',
  'ctrl+e': '\x05',
  f1: '\x1bOP',
  delete: '\x1b[3~',
  'shift+tab': KEY.shiftTab,
  backspace: KEY.backspace,
  'ctrl+c': KEY.ctrlC,
  home: KEY.home,
  end: KEY.end,
};
const bytesOf = (name: string) => BYTES[name] ?? name;

/** A context in which `binding` is active. */
function contextFor(binding: Binding): BindingContext {
  const ctx = ALL_CONTEXTS.find((c) => activeBindings(c).includes(binding));
  if (!ctx) throw new Error(`${binding.id} is never active`);
  return ctx;
}

const noop = () => undefined;
const FRAME = {
  mode: 'list',
  screen: 'members',
  ids: [],
  pageSize: 1,
  detailsMax: 0,
  helpMax: 0,
  sortCount: 1,
  refresh: [],
} as const;
/** The app's own handlers, acting on nothing: a test sees which binding a key reached through onBinding. */
const realHandlers = (): Handlers =>
  createHandlers(noop, fakeActions(), () => FRAME, noop, createRequestHistory(), APP_PARTS);

function Harness({ ctx, onBinding }: { ctx: BindingContext; onBinding: (id: BindingId) => void }) {
  useKeyDispatch(ctx, realHandlers(), noop, onBinding);
  return <Text>ready</Text>;
}

/**
 * A panel reduced to its usePanelBindings call: every binding of its scope that shares no key with `id` works
 * (bindings sharing a key are alternatives for different states of the panel, such as enter to send or to close).
 */
function PanelKeys({ id, reached }: { id: BindingId; reached: (id: BindingId) => void }) {
  const binding = BINDINGS.find((b) => b.id === id)!;
  const scope = binding.scope;
  if (!isPanelScope(scope)) throw new Error(`${id} is not a panel's binding`);
  const working = BINDINGS.filter(
    (b) => b.scope === scope && (b.id === id || !b.keys.some((k) => (binding.keys as readonly string[]).includes(k))),
  );
  usePanelBindings(scope, Object.fromEntries(working.map((b) => [b.id, () => reached(b.id)])));
  return <Text>{scope}</Text>;
}

const PANEL_CONTEXT: BindingContext = { mode: 'overlay', screen: 'members', filtered: false };

describe('key-binding table', () => {
  it('has a handler for every binding and no handler without a binding', () => {
    const shellBindings = BINDINGS.filter(
      (b) => !isPanelScope(b.scope) && !isScreenActionId(b.id) && !isNavBindingId(b.id),
    );
    expect(Object.keys(realHandlers().shell).sort()).toEqual(shellBindings.map((b) => b.id).sort());
  });

  it("gives every screen binding to an action of that screen's ScreenDef, and every action a binding", () => {
    const screenBindings = BINDINGS.filter((b) => isScreenActionId(b.id)).map((b) => b.id);
    const actions = Object.values(SCREENS).flatMap((def) => Object.keys(def.actions ?? {}));
    expect(actions.sort()).toEqual(screenBindings.sort());
    for (const def of Object.values(SCREENS))
      for (const id of Object.keys(def.actions ?? {})) expect(id.startsWith(`${def.id}.`), id).toBe(true);
  });

  it('never binds one key to two actions in the same situation', () => {
    for (const ctx of ALL_CONTEXTS) {
      const keys = activeBindings(ctx).flatMap((b) => b.keys);
      expect(new Set(keys).size, JSON.stringify(ctx)).toBe(keys.length);
    }
  });

  it('uses unique ids', () => {
    expect(new Set(BINDINGS.map((b) => b.id)).size).toBe(BINDINGS.length);
  });

  it('help lists every binding exactly once, with its keys', () => {
    const text = helpLines(true).map(lineText);
    for (const b of BINDINGS) {
      const keys = helpKeys(b, true);
      expect(
        text.filter((l) => l === `  ${keys.padEnd(18)}${b.description}`),
        b.id,
      ).toHaveLength(1);
    }
    // Binding rows are the indented ones; there are exactly as many as table entries.
    expect(text.filter((l) => l.startsWith('  ')).length).toBe(BINDINGS.length);
  });

  it.each(BINDINGS.flatMap((b) => b.keys.map((k) => [b.id, k] as const)))(
    'pressing %s key %j reaches its handler',
    async (id, key) => {
      const binding = BINDINGS.find((b) => b.id === id)!;
      const called: BindingId[] = [];
      const reached = (reachedId: BindingId) => void called.push(reachedId);
      // A panel scope's keys reach the panel (one layer up) and stop there; the rest reach the shell's table.
      const panel = isPanelScope(binding.scope);
      const app = render(
        <KeypressProvider>
          <Harness ctx={panel ? PANEL_CONTEXT : contextFor(binding)} onBinding={reached} />
          {panel ? (
            <KeyLayer>
              <PanelKeys id={id} reached={reached} />
            </KeyLayer>
          ) : null}
        </KeypressProvider>,
      );
      await tick();
      app.stdin.write(bytesOf(key));
      await tick();
      app.unmount();
      expect(called).toEqual([id]);
    },
  );
});

describe('help overlay in the app', () => {
  it("starts with the current screen's own keys", async () => {
    expect(lineText(helpLines(true, BINDINGS, 'keys')[0]!)).toBe('Keys');
    const app = await renderApp({ screen: 'keys', size: { columns: 100, rows: 30 } });
    await app.waitFor('CI ingest');
    await app.press('?');
    await app.waitFor('generated from the key-binding table');
    const body = app.lines().slice(3);
    expect(body[0]).toContain('Keys');
    expect(body[1]).toContain('Mark or unmark the selected key');
  });

  it("opened over a panel, starts with that panel's keys, and esc returns to the panel", async () => {
    const app = await renderApp({ size: { columns: 100, rows: 30 } });
    await app.waitFor('dan@acme.test');
    await app.press('D');
    await app.waitFor('critical ·');
    expect(app.lines().at(-1)).toContain('? help');
    await app.press('?');
    await app.waitFor('generated from the key-binding table');
    const body = app.lines().slice(3);
    expect(body[0]).toContain('Access doctor (D)');
    expect(body[1]).toContain('Previous finding');
    await app.press(KEY.escape);
    await app.waitUntil((f) => !f.includes('generated from the key-binding table'), 'help closed');
    expect(app.frame()).toContain('critical ·');
  });

  // The help is laid out only while it is open (components/Shell.tsx): its length must still bound the scrolling.
  it('scrolls to its last page with G and back with g', async () => {
    const app = await renderApp({ size: { columns: 100, rows: 24 } });
    await app.waitFor('dan@acme.test');
    await app.press('?');
    await app.waitFor('generated from the key-binding table');
    const firstPage = app.lines().slice(3, 6).join('\n');
    await app.press('G');
    await app.waitUntil((f) => !f.includes(firstPage), 'help to scroll to its last page');
    await app.press('g');
    await app.waitUntil((f) => f.includes(firstPage), 'help to scroll back to its first page');
  });

  it('shows exactly the table, and closes with esc', async () => {
    const app = await renderApp({ size: { columns: 120, rows: 300 } });
    await app.waitFor('dan@acme.test');
    await app.press('?');
    await app.waitFor('generated from the key-binding table');
    // Descriptions wrap inside the help's columns (test/ui/help-columns.test.ts reads them whole); on a screen this
    // tall every scope is on the first page.
    const frame = app.frame();
    for (const scope of new Set(BINDINGS.map((b) => b.scope))) expect(frame, scope).toContain(SCOPE_TITLES[scope]);
    await app.press(KEY.escape);
    await app.waitUntil((f) => !f.includes('generated from the key-binding table'), 'help closed');
    expect(app.frame()).toContain('dan@acme.test');
  });
});
