/**
 * The harness proves itself on a tiny fixture program, so a red e2e scenario always means the app, not the
 * plumbing. The fixture behaves like a full-screen app: it enters the alternate screen, hides the cursor, reads
 * keys in raw mode, reports resizes, and restores the terminal when it quits on `q`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, launchProgram } from './harness.js';
import { keyBytes } from './keys.js';
import { altScreenActive, cursorVisible, synchronizedUpdateOpen } from './terminal-modes.js';

const FIXTURE = String.raw`
process.stdout.write('main screen text\r\n');
process.stdout.write('\x1b[?1049h\x1b[H\x1b[?25l');
process.stdout.write('FIXTURE READY ' + process.stdout.columns + 'x' + process.stdout.rows + '\r\n');
process.stdout.on('resize', () => process.stdout.write('RESIZED ' + process.stdout.columns + 'x' + process.stdout.rows + '\r\n'));
process.stdin.setRawMode(true);
process.stdin.setEncoding('utf8');
process.stdin.on('data', (key) => {
  if (key === 'q') {
    process.stdout.write('\x1b[?25h\x1b[?1049l');
    process.exit(3);
  }
  process.stdout.write('KEY ' + JSON.stringify(key) + '\r\n');
});
`;

const startFixture = (cols = 80, rows = 24, captureStderr = false) =>
  launchProgram({ file: process.execPath, args: ['-e', FIXTURE], cols, rows, captureStderr });

afterEach(closeAll);

describe('pty harness', () => {
  it('shows what the program draws, sends named keys one by one, and sees the terminal restored on exit', async () => {
    const app = await startFixture();
    await app.waitForText('FIXTURE READY 80x24');
    expect(app.isAltScreenActive()).toBe(true);
    expect(app.isCursorVisible()).toBe(false);
    // The alternate screen hides what was printed before it.
    expect(app.screen()).not.toContain('main screen text');

    await app.press('down');
    await app.press('enter');
    await app.press('shift+tab');
    await app.type('ab');
    await app.waitForText('KEY "b"');
    expect(app.screen()).toContain('KEY "\\u001b[B"');
    expect(app.screen()).toContain('KEY "\\r"');
    expect(app.screen()).toContain('KEY "\\u001b[Z"');
    expect(app.line(0)).toBe('FIXTURE READY 80x24');

    await app.press('q');
    expect(await app.exit()).toBe(3);
    expect(app.rawOutput()).toContain('\x1b[?1049l');
    expect(app.isAltScreenActive()).toBe(false);
    expect(app.isCursorVisible()).toBe(true);
    // Back on the main screen, the text from before is there again.
    expect(app.screen()).toContain('main screen text');
    expect(app.frames().length).toBeGreaterThan(1);
  });

  it('resizes the pty and the headless terminal together', async () => {
    const app = await startFixture(160, 48);
    await app.waitForText('FIXTURE READY 160x48');
    await app.resize(80, 24);
    await app.waitForText('RESIZED 80x24');
    expect(app.cols).toBe(80);
    expect(app.lines()).toHaveLength(24);
  });

  it('puts the last screen into the error when a wait times out', async () => {
    const app = await startFixture();
    await app.waitForText('FIXTURE READY');
    await expect(app.waitForText('never shown', { timeoutMs: 100 })).rejects.toThrow(/last screen[\s\S]*FIXTURE READY/);
  });

  it('keeps stderr apart when asked to', async () => {
    const app = await launchProgram({
      file: process.execPath,
      args: ['-e', `process.stderr.write('oops on stderr\\n'); process.stdout.write('on stdout\\n')`],
      captureStderr: true,
    });
    expect(await app.exit()).toBe(0);
    expect(app.screen()).toContain('on stdout');
    expect(app.screen()).not.toContain('oops');
    expect(app.stderr()).toBe('oops on stderr\n');
  });

  it('reports rows that wrapped because a line was wider than the terminal', async () => {
    const app = await launchProgram({
      file: process.execPath,
      args: ['-e', `process.stdout.write('x'.repeat(100) + '\\r\\nshort\\r\\n')`],
    });
    expect(await app.exit()).toBe(0);
    expect(app.wrappedRows()).toEqual([1]);
  });

  it('maps key names to terminal bytes', () => {
    expect(keyBytes('esc')).toBe('\x1b');
    expect(keyBytes('ctrl+c')).toBe('\x03');
    expect(keyBytes('pagedown')).toBe('\x1b[6~');
    expect(keyBytes('space')).toBe(' ');
    expect(keyBytes('/')).toBe('/');
    expect(() => keyBytes('hyper+x')).toThrow(/unknown key/);
  });

  it("keeps half a frame, drawn inside a synchronized update, out of the app's frames", async () => {
    // The first frame, then a second begun in a synchronized update and finished only when a key says so.
    const program = String.raw`
process.stdout.write('\x1b[?1049h\x1b[H' + 'FRAME ONE\r\n');
process.stdin.setRawMode(true);
process.stdin.once('data', () => {
  process.stdout.write('\x1b[?2026h\x1b[H\x1b[2JHALF OF FRAME TWO\r\n');
  process.stdin.once('data', () => process.stdout.write('THE REST\x1b[?2026l'));
});
`;
    const app = await launchProgram({ file: process.execPath, args: ['-e', program], cols: 40, rows: 6 });
    await app.waitForText('FRAME ONE');
    await app.press('x');
    // The terminal has drawn the half frame: a snapshot shows it, a wait for the rest does not end on it.
    await expect(app.waitForText('HALF OF FRAME TWO', { timeoutMs: 300 })).rejects.toThrow(/timed out/);
    expect(app.screen()).toContain('HALF OF FRAME TWO');
    await app.press('x');
    await app.waitForText('THE REST');
    expect(app.frames().some((f) => f.includes('HALF') && !f.includes('THE REST'))).toBe(false);
    expect(app.frames().at(-1)).toMatch(/HALF OF FRAME TWO\s+THE REST/);
  });

  it('reads alternate-screen and cursor state from the last occurrence', () => {
    expect(altScreenActive('')).toBe(false);
    expect(altScreenActive('\x1b[?1049h')).toBe(true);
    expect(altScreenActive('\x1b[?1049h..\x1b[?1049l')).toBe(false);
    expect(cursorVisible('\x1b[?25l')).toBe(false);
    expect(cursorVisible('\x1b[?25l\x1b[?25h')).toBe(true);
    expect(synchronizedUpdateOpen('\x1b[?2026hhalf a fr')).toBe(true);
    expect(synchronizedUpdateOpen('\x1b[?2026hframe\x1b[?2026l')).toBe(false);
  });
});
