/**
 * Reading a secret the user hands over: all of stdin when it is a pipe, else a prompt on stderr that echoes
 * nothing (raw mode, so not even the terminal's own echo). The value is wrapped in a Secret at once.
 */
import type { CommandContext } from '../../command-spec.js';
import { Secret } from '../../../util/secret.js';

type RawCapable = NodeJS.ReadableStream & { setRawMode?: (on: boolean) => unknown; isTTY?: boolean };

async function readAll(input: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of input) text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
  return text;
}

/** One line typed without echo; undefined on Ctrl-C, Ctrl-D or end of input. */
function readHidden(input: RawCapable): Promise<string | undefined> {
  return new Promise((resolve) => {
    let typed = '';
    const finish = (value: string | undefined) => {
      input.removeListener('data', onData);
      input.removeListener('end', onEnd);
      input.setRawMode?.(false);
      input.pause();
      resolve(value);
    };
    const onEnd = () => finish(typed === '' ? undefined : typed);
    const onData = (chunk: Buffer | string) => {
      for (const ch of typeof chunk === 'string' ? chunk : chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n') return finish(typed);
        if (ch === '\u0003' || ch === '\u0004') return finish(undefined);
        if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
        else if (ch >= ' ') typed += ch;
      }
    };
    input.setRawMode?.(true);
    input.on('data', onData);
    input.on('end', onEnd);
    input.resume();
  });
}

export async function readSecretInput(ctx: CommandContext, prompt: string): Promise<Secret | undefined> {
  const input = (ctx.io.stdin ?? process.stdin) as RawCapable;
  if (!ctx.io.stdinIsTty) {
    const text = (await readAll(input)).trim();
    return text === '' ? undefined : new Secret(text);
  }
  ctx.io.stderr(prompt);
  const typed = await readHidden(input);
  ctx.io.stderr('\n');
  const text = typed?.trim() ?? '';
  return text === '' ? undefined : new Secret(text);
}
