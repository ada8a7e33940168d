/**
 * A created key's value, through every path of the one-time secret panel (reveal, hide, copy, write, refuse to
 * overwrite, acknowledge), then a search for the value everywhere the app could have put it: every frame, every
 * file under the private HOME/state directory (audit trail, debug log), the chosen folder, the status messages.
 * It may appear only in the 0600 file and in the frames drawn while it was revealed.
 */
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Text } from 'ink';
import { render } from 'ink-testing-library';
import { useMemo, useState } from 'react';
import { afterEach, expect, it } from 'vitest';
import { createAuditSession } from '../../src/audit/session.js';
import { openSecretPanel } from '../../components/SecretPanel.js';
import { createCloudClient } from '../../src/api/cloud-client.js';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/index.js';
import { maskSecret } from '../../src/secrets/index.js';
import { AppActionsContext, type AppActions, type PanelSpec } from '../../src/ui/contexts.js';
import { KeypressProvider, useKeys } from '../../src/ui/keypress.js';
import { TerminalSizeProvider } from '../../src/ui/terminal-size.js';
import { createTheme, ThemeContext } from '../../src/ui/theme.js';
import { Secret } from '../../src/util/secret.js';
import { inkDriver, KEY, settled } from '../support/ink-driver.js';
import { fakeActions } from '../ui/helpers/fake-actions.js';
import { testEnv } from '../support/sandbox-app.js';

const ESC = String.fromCharCode(0x1b);
const BEL = String.fromCharCode(0x07);

/** The shell's overlay contract, reduced to one panel: openPanel shows it, closeOverlay removes it. As in the app, a key opens it. */
function Host({ open, notes }: { open: (actions: AppActions) => void; notes: string[] }) {
  const [panel, setPanel] = useState<PanelSpec>();
  const actions = useMemo(() => {
    return fakeActions({
      openPanel: (p) => setPanel(p),
      closeOverlay: () => setPanel(undefined),
      notify: (text) => void notes.push(text),
    });
  }, [notes]);
  useKeys(({ input }) => {
    if (input === 'O' && !panel) open(actions);
  });
  return (
    <ThemeContext.Provider value={createTheme({ color: false, unicode: true })}>
      <TerminalSizeProvider fixed={{ columns: 100, rows: 30 }}>
        <AppActionsContext.Provider value={actions}>
          {panel ? panel.node : <Text>no panel</Text>}
        </AppActionsContext.Provider>
      </TerminalSizeProvider>
    </ThemeContext.Provider>
  );
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)],
  );
}

let sandbox: RunningSandbox | undefined;
afterEach(async () => {
  await sandbox?.stop();
  sandbox = undefined;
});

it('shows the value once, masked until revealed, and leaves it nowhere but the 0600 file', async () => {
  const { home, env } = testEnv();
  const chosen = mkdtempSync(join(tmpdir(), 'ec-access-chosen-'));
  sandbox = await startSandbox();
  const cloudKey = new Secret(sandbox.ownerKey);
  const audit = createAuditSession({
    mode: 'sandbox',
    organizationId: () => sandbox?.organizationId,
    env,
    secrets: [cloudKey],
  });
  const cloud = createCloudClient({ baseUrl: sandbox.baseUrl, apiKey: cloudKey, env, onWrite: audit.observer });
  const created = await cloud.createApiKey({ description: 'CI deploy', expiration: '30d' });
  const value = created.key;
  await cloud.close();

  const notes: string[] = [];
  const open = (actions: AppActions) =>
    openSecretPanel(actions, { key: { id: created.id, secret: new Secret(value) }, description: 'CI deploy' });
  const app = render(
    <KeypressProvider>
      <Host open={open} notes={notes} />
    </KeypressProvider>,
  );
  await settled();
  const driver = inkDriver(app);
  const press = (...reads: string[]) => driver.press(...reads);
  const type = (text: string) => driver.type(text);
  const until = (text: string) => driver.waitFor(text);

  await press('O');
  await until(maskSecret(value));
  await until('This is the only time');

  // until() returned once the panel's effects ran, so it hears this key.
  const revealedFrom = app.frames.length;
  await press('v');
  await until(value);
  await press('v');
  await until(maskSecret(value));
  const hiddenBy = app.frames.length;

  const beforeCopy = app.frames.length;
  await press('c');
  await until('Sent to clipboard via OSC 52 — if nothing was copied, your terminal refused it');
  const osc = app.frames.slice(beforeCopy).find((f) => f.includes('\x1b]52;c;'));
  expect(
    Buffer.from(new RegExp(`${ESC}\\]52;c;([A-Za-z0-9+/=]+)${BEL}`).exec(osc ?? '')![1]!, 'base64').toString(),
  ).toBe(value);

  await press('w');
  await until('in which folder?');
  await type(chosen);
  await press(KEY.enter);
  await until('Saved to');
  const [saved] = readdirSync(chosen);
  const savedPath = join(chosen, saved!);
  expect(statSync(savedPath).mode & 0o777).toBe(0o600);
  expect(readFileSync(savedPath, 'utf8')).toBe(value);

  // A second save to the same place (the folder field keeps what was typed) is refused and the panel stays.
  await press('w', KEY.enter);
  await until('already exists');
  await until(maskSecret(value));

  // esc asks; anything but "saved" keeps the panel.
  await press(KEY.escape);
  await until('Type saved and press enter to close');
  await press('o', 'k', KEY.enter);
  await until(maskSecret(value));
  await press(KEY.escape, KEY.escape);
  await press('s', 'a', 'v', 'e', 'd', KEY.enter);
  await until('no panel');
  app.unmount();
  const closedAt = app.frames.findIndex((f, i) => i > revealedFrom && f.includes('no panel'));

  // Frames: the value only while revealed.
  app.frames.forEach((f, i) => {
    if (i < revealedFrom || i >= hiddenBy) expect(f.includes(value), `frame ${i}`).toBe(false);
  });
  expect(closedAt).toBeGreaterThan(hiddenBy);
  expect(app.frames.slice(closedAt).some((f) => f.includes(maskSecret(value)) || f.includes('Value'))).toBe(false);
  // Files: only the chosen file holds it; the audit trail and the debug log were written and do not.
  const files = [...filesUnder(home), ...filesUnder(chosen)];
  expect(files.map((f) => f.slice(f.lastIndexOf('/') + 1))).toEqual(
    expect.arrayContaining(['audit.jsonl', 'debug.log']),
  );
  expect(files.filter((f) => readFileSync(f, 'utf8').includes(value))).toEqual([savedPath]);
  expect(notes.some((n) => n.includes(value))).toBe(false);
});
