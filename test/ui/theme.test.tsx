/** NO_COLOR and non-Unicode terminals: no colour codes, ASCII glyphs, meaning still carried by symbols and words. */
import { Text } from 'ink';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { AppActionsContext } from '../../src/ui/contexts.js';
import { useDirty } from '../../src/ui/dirty.js';
import { createTheme, wantsColor, wantsUnicode } from '../../src/ui/theme.js';
import { fakeActions } from './helpers/fake-actions.js';
import { renderApp, tick } from './helpers/render-app.js';

const ESC = String.fromCharCode(0x1b);

describe('environment detection', () => {
  it('turns colour off for any non-empty NO_COLOR', () => {
    expect(wantsColor({})).toBe(true);
    expect(wantsColor({ NO_COLOR: '1' })).toBe(false);
    expect(wantsColor({ NO_COLOR: '' })).toBe(true);
  });

  it('decides Unicode from the locale, TERM, or EC_ACCESS_ASCII', () => {
    expect(wantsUnicode({ LANG: 'en_US.UTF-8' })).toBe(true);
    expect(wantsUnicode({ LC_ALL: 'C', LANG: 'en_US.UTF-8' })).toBe(false);
    expect(wantsUnicode({ LC_CTYPE: 'de_DE.utf8' })).toBe(true);
    expect(wantsUnicode({ LANG: 'POSIX' })).toBe(false);
    expect(wantsUnicode({ TERM: 'linux' })).toBe(false);
    expect(wantsUnicode({ TERM: 'xterm-256color' })).toBe(true);
    expect(wantsUnicode({ LANG: 'en_US.UTF-8', EC_ACCESS_ASCII: '1' })).toBe(false);
  });
});

describe('plain terminals', () => {
  it('draws ASCII borders and markers and keeps expiry readable without colour', async () => {
    const app = await renderApp({
      screen: 'keys',
      theme: createTheme({ color: false, unicode: false }),
      size: { columns: 80, rows: 24 },
    });
    await app.waitFor('CI ingest');
    const raw = app.lastFrame() ?? '';
    expect(raw).not.toMatch(new RegExp(`${ESC}\\[3\\dm`));
    expect(raw).not.toMatch(/[╭╮│─▶✓✗…]/);
    expect(raw).toContain('+- Keys[4]');
    expect(raw).toMatch(/> Cloud\s+old deploy key\s+2mo ago\s+x expired 2d/);
    expect(raw).toMatch(/CI ingest\s+5d ago\s+! in 3d/);
    expect(raw).toContain('SANDBOX - simulated organization');
  });
});

describe('useDirty', () => {
  it('marks the component dirty while it has unsaved input and clears it on unmount', async () => {
    const calls: Array<[string, boolean]> = [];
    const actions = fakeActions({ setDirty: (token, dirty) => void calls.push([token, dirty]) });
    function Form({ dirty }: { dirty: boolean }) {
      useDirty(dirty);
      return <Text>form</Text>;
    }
    const app = render(
      <AppActionsContext.Provider value={actions}>
        <Form dirty={false} />
      </AppActionsContext.Provider>,
    );
    await tick();
    app.rerender(
      <AppActionsContext.Provider value={actions}>
        <Form dirty />
      </AppActionsContext.Provider>,
    );
    await tick();
    app.unmount();
    expect(calls.map(([, dirty]) => dirty)).toEqual([false, false, true, false]);
    expect(new Set(calls.map(([token]) => token)).size).toBe(1);
  });
});
