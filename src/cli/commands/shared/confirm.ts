/**
 * The gate in front of every destructive command. At a terminal it asks for the same typed phrase the TUI asks
 * for (domain/confirm.ts: the member's email, the key's description, the role's name, or "revoke 3" for several),
 * read with node:readline so no Ink is loaded. Without a terminal nobody can type it, so `--yes` is required;
 * a script that forgot it stops with a usage error before anything is sent.
 */
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { UsageError } from '../../args.js';
import type { CommandContext } from '../../command-spec.js';
import { confirmationPhrase, isConfirmed, type BulkVerb, type ConfirmTarget } from '../../../domain/confirm.js';

export interface ConfirmRequest {
  /** What will happen, one line per item ("revoke API key ci-ingest (key-123)"). */
  readonly actions: readonly string[];
  /** From confirmationPhrase(). */
  readonly phrase: string;
}

export async function confirmDestructive(ctx: CommandContext, request: ConfirmRequest): Promise<boolean> {
  if (ctx.values.yes === true) return true;
  if (!ctx.io.stdinIsTty || !ctx.io.stdoutIsTty) {
    throw new UsageError(
      `${ctx.name} is destructive and there is no terminal to confirm it: pass --yes (or --dry-run to see the request${request.actions.length === 1 ? '' : 's'} first)`,
    );
  }
  for (const action of request.actions) ctx.io.stderr(`  ${action}\n`);
  ctx.io.stderr(`Type "${request.phrase}" to confirm (anything else cancels): `);
  const answer = await readLine(ctx.io.stdin ?? process.stdin);
  return answer !== undefined && isConfirmed(request.phrase, answer);
}

/** The phrase for one item (its email, description, name), or `<verb> N` for several. */
export function phraseFor<T>(items: readonly T[], one: (item: T) => ConfirmTarget, verb: BulkVerb): string {
  return items.length === 1
    ? confirmationPhrase(one(items[0]!))
    : confirmationPhrase({ kind: 'bulk', verb, count: items.length });
}

/** One line from `input`, or undefined at end of input. */
async function readLine(input: NodeJS.ReadableStream): Promise<string | undefined> {
  const rl = createInterface({ input, terminal: false });
  try {
    const [line]: unknown[] = await Promise.race([once(rl, 'line'), once(rl, 'close').then(() => [undefined])]);
    return typeof line === 'string' ? line : undefined;
  } finally {
    rl.close();
  }
}
