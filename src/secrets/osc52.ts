/**
 * Copying a secret to the clipboard through the terminal (OSC 52), which works over SSH where no local clipboard
 * tool is reachable. The terminal decides: many refuse OSC 52 or ask the user first, and nothing comes back to tell
 * us, so the UI must always say "if nothing was copied, reveal it or save it to a file" rather than "copied".
 */

const ESC = '\x1b';
const BEL = '\x07';
/** DCS string terminator. */
const ST = `${ESC}\\`;
/** GNU screen drops DCS strings longer than its internal buffer; vim-oscyank and others send 76-byte chunks. */
const SCREEN_CHUNK = 76;

/**
 * The bytes to write to the terminal to put `value` on the system clipboard. Inside tmux the sequence is wrapped
 * for passthrough (tmux ≥ 3.3 also needs `set -g allow-passthrough on`, or `set-clipboard on` to forward it itself);
 * inside GNU screen it is split into DCS chunks.
 */
export function osc52Copy(value: string, env: NodeJS.ProcessEnv = process.env): string {
  const sequence = `${ESC}]52;c;${Buffer.from(value, 'utf8').toString('base64')}${BEL}`;
  if (env.TMUX) return `${ESC}Ptmux;${sequence.replaceAll(ESC, ESC + ESC)}${ST}`;
  if (env.STY) {
    const chunks: string[] = [];
    for (let i = 0; i < sequence.length; i += SCREEN_CHUNK)
      chunks.push(`${ESC}P${sequence.slice(i, i + SCREEN_CHUNK)}${ST}`);
    return chunks.join('');
  }
  return sequence;
}
