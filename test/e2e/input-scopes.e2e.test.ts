/**
 * The panels' keys at 80x24 in a real terminal: each panel's footer is its scope of the binding table (only what
 * works in its present state), a text step takes `i` as a letter while ctrl+o opens more about the step, a
 * bracketed paste holding `q` and a line break lands in the focused field whole (it neither quits nor submits),
 * and a secret typed or pasted at the identify prompt never reaches the screen.
 */
import { afterEach, expect, it } from 'vitest';
import { BINDINGS, type Binding, type Scope } from '../../src/ui/bindings.js';
import { keyLabel } from '../../src/ui/keys.js';
import { footerOf, waitForList } from './app-screen.js';
import { allFrames, closeAll, launch, type PtyApp } from './harness.js';
import { bracketedPasteOn } from './terminal-modes.js';

afterEach(closeAll);

/** "key label" of a binding as the footer writes it (first key, table label). */
function slot(id: string): string {
  const binding: Binding | undefined = BINDINGS.find((b) => b.id === id);
  if (!binding?.label) throw new Error(`${id} has no footer label`);
  return `${keyLabel(binding.keys[0] ?? '', true)} ${binding.label}`;
}

/** Bindings of a scope that are in the table, for a check that the footer shows no key from elsewhere. */
const labelsOf = (scope: Scope): string[] =>
  (BINDINGS as readonly Binding[]).flatMap((b) => (b.scope === scope && b.label ? [b.label] : []));

const paste = (app: PtyApp, text: string) => app.write(`\x1b[200~${text}\x1b[201~`);

async function openKeyWizard(): Promise<PtyApp> {
  const app = await launch({ cols: 80, rows: 24 });
  await waitForList(app, 'Members');
  await app.press('4');
  await waitForList(app, 'Keys');
  await app.press('n');
  await app.waitForText('What is the key for?');
  return app;
}

it('a text step: footer from the wizard scope, i is typed, ctrl+o opens more about the step', async () => {
  const app = await openKeyWizard();
  await app.waitFor((s) => s.includes(slot('wizard.explain')), 'the wizard footer');
  expect(footerOf(app)).toBe(`${slot('wizard.next')}  ${slot('wizard.explain')}  ${slot('wizard.back')}`);

  await app.type('ci pipeline');
  await app.waitForText('ci pipeline');
  expect(app.screen()).not.toContain('New API key · step 2');
  expect(app.screen()).toMatch(/Why \(ctrl\+o more\):/);

  await app.press('ctrl+o');
  await app.waitForText(/Why \(ctrl\+o less\):/);
  // The step is still there, answer and all, with the explanation under its why.
  expect(app.screen()).toContain('ci pipeline');
  expect(app.wrappedRows()).toEqual([]);

  // A choice step offers what works there: moving and choosing, no typing.
  await app.press('enter');
  await app.waitForText('Expiration');
  await app.waitFor((s) => s.includes(slot('wizard.choose')), 'the choice footer');
  // `?` is no text here: it opens help over the wizard.
  expect(footerOf(app)).toBe(
    `↑/↓ move  ${slot('wizard.choose')}  ${slot('wizard.explain')}  ${slot('wizard.back')}  ${slot('panel.help')}`,
  );
  for (const label of footerOf(app)
    .split(/ {2}/)
    .map((s) => s.replace(/^\S+ /, '')))
    expect([...labelsOf('wizard'), ...labelsOf('panel')]).toContain(label);
});

it('a paste holding q and a line break lands in the text field whole: nothing quits, nothing is submitted', async () => {
  const app = await openKeyWizard();
  paste(app, 'quick q\rsecond line');
  await app.waitForText('quick q second line');
  expect(app.isAlive()).toBe(true);
  expect(app.screen()).toContain('What is the key for?');
  expect(app.screen()).not.toContain('Expiration');
  // Typing goes on after the paste, at its end.
  await app.type('!');
  await app.waitForText('quick q second line!');
});

it('the typed confirmation and the command line show their own scopes in the footer', async () => {
  const app = await launch({ cols: 80, rows: 24 });
  await waitForList(app, 'Members');
  await app.press('4');
  await waitForList(app, 'Keys');
  await app.press('d');
  await app.waitForText('to confirm (exactly, case-sensitive)');
  await app.waitFor((s) => s.includes(slot('confirmation.send')), 'the confirmation footer');
  expect(footerOf(app)).toBe(
    `${slot('confirmation.send')}  ${slot('confirmation.cancel')}  ↑/↓ scroll  ${slot('confirmation.clear')}`,
  );
  // A paste is text for the phrase field: its q does not close anything.
  paste(app, 'q');
  await app.waitFor((s) => /▶ q/.test(s), 'the pasted q in the phrase field');
  await app.press('esc');
  await waitForList(app, 'Keys');

  await app.press(':');
  await app.waitForText('Ask for a change or a question in plain words');
  await app.waitFor((s) => s.includes(slot('command.ask')), 'the command line footer');
  expect(footerOf(app)).toBe(`${slot('command.ask')}  ↑/↓ history  ${slot('command.close')}`);
});

it('the identify prompt: its footer from the table, and a typed or pasted value is never on screen', async () => {
  const secret = 'essu_Zq9ZleakedValueq7';
  const app = await launch({ cols: 80, rows: 24 });
  await waitForList(app, 'Members');
  await app.press('4');
  await waitForList(app, 'Keys');
  await app.press('i');
  await app.waitForText('Paste the leaked key (not shown)');
  await app.waitFor((s) => s.includes(slot('identify.submit')), 'the identify footer');
  expect(footerOf(app)).toBe(`${slot('identify.submit')}  ${slot('identify.clear')}  ${slot('identify.close')}`);
  await app.type(secret.slice(0, 6));
  await app.waitForText('6 characters');
  paste(app, `${secret.slice(6)}\r`);
  await app.waitForText(`${secret.length + 1} characters`);
  expect(app.isAlive()).toBe(true);
  for (const frame of allFrames()) {
    expect(frame).not.toContain(secret.slice(0, 6));
    expect(frame).not.toContain(secret.slice(6));
  }
  expect(app.rawOutput()).not.toContain(secret.slice(6));
});

it('switches bracketed paste on while running and off again on quit and on a signal', async () => {
  const app = await launch({ cols: 80, rows: 24 });
  await waitForList(app, 'Members');
  // Switched on once the first frame is up (the provider's effect).
  await app.waitFor(() => bracketedPasteOn(app.rawOutput()), 'bracketed paste switched on');
  await app.press('q');
  expect(await app.exit()).toBe(0);
  expect(bracketedPasteOn(app.rawOutput())).toBe(false);

  // Ended from outside (no unmount): the exit hook still turns it off.
  const ended = await launch({ cols: 80, rows: 24 });
  await waitForList(ended, 'Members');
  process.kill(ended.pid, 'SIGTERM');
  expect(await ended.exit()).toBe(143);
  expect(bracketedPasteOn(ended.rawOutput())).toBe(false);
});
