/**
 * What each command line does. Every command's code is loaded with a typed `() => import('./commands/x.js')` only
 * when that command runs, so `--help` and `--version` start fast and never load Ink, and a command whose module is
 * not part of this build is reported instead of crashing the program.
 *
 * Screens go through `runTui` (commands/tui.js), the sandbox through `runSandboxCommand` (commands/sandbox.js);
 * the scriptable commands are listed in commands/registry.ts, each with the import and the export that runs it.
 */
import { loadConfig } from '../config/config.js';
import { packageVersion } from '../config/version.js';
import { inertLines } from '../util/inert-text.js';
import { scrubText } from '../util/redact.js';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from './exit-codes.js';
import { parseCommandLine, UsageError } from './args.js';
import {
  importCommand,
  moduleCommand,
  runModule,
  type CliIo,
  type CommandLoader,
  type CommandSpec,
} from './command-spec.js';
import { scriptCommandSpecs } from './commands/registry.js';
import { helpText } from './help.js';
import { SCREEN_TABS, type ScreenId } from '../ui/screen-ids.js';

export type Screen = ScreenId;

export { EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from './exit-codes.js';
export { moduleCommand } from './command-spec.js';
export type { CliIo, CommandContext, CommandLoader, CommandSpec } from './command-spec.js';

const NO_TTY =
  'ec-access: the interactive interface needs a terminal, but stdin or stdout is not one.\n' +
  'For scripts and pipes, use the scriptable commands instead; see `ec-access --help`.\n';

function screen(name: Screen, summary: string, words: readonly string[] = [name]): CommandSpec {
  return {
    words,
    usage: name,
    summary,
    group: 'screen',
    hidden: words.length === 0,
    async run(ctx) {
      // Ink's input handling throws without a TTY; say so plainly before loading anything.
      if (!ctx.io.stdinIsTty || !ctx.io.stdoutIsTty) {
        ctx.io.stderr(NO_TTY);
        return EXIT_USAGE;
      }
      const config = ctx.loadConfig();
      return runModule(
        () => import('./commands/tui.js'),
        ({ runTui }) =>
          runTui(config, { screen: name, ...(ctx.flags.filter !== undefined ? { filter: ctx.flags.filter } : {}) }),
      )(ctx);
    },
  };
}

export const COMMANDS: readonly CommandSpec[] = [
  screen('members', 'organization members and pending invitations', []),
  ...SCREEN_TABS.map((tab) => screen(tab.id, tab.command)),
  {
    words: ['sandbox'],
    usage: 'sandbox [flags]',
    summary: 'run the local Elastic Cloud simulation on its own (ec-access sandbox --help)',
    group: 'command',
    passThrough: true,
    run: runModule(
      () => import('./commands/sandbox.js'),
      ({ runSandboxCommand }, ctx) => runSandboxCommand([...ctx.args]),
    ),
  },
  // The scriptable commands (members list, keys revoke, doctor, …): words, flags and help in commands/registry.ts.
  ...scriptCommandSpecs(),
  moduleCommand(
    {
      words: ['tour'],
      usage: 'tour [--reset]',
      summary: 'a guided tour on the sandbox (--reset starts over)',
      group: 'command',
      options: { reset: { type: 'boolean' } },
    },
    () => import('./commands/tour.js'),
    ({ runTour }, ctx) => runTour(ctx),
  ),
  moduleCommand(
    // Pass-through: audit parses its own flags.
    {
      words: ['audit'],
      usage: 'audit [flags]',
      summary: 'the record of changes made with ec-access',
      group: 'command',
      passThrough: true,
    },
    () => import('./commands/audit.js'),
    ({ runAudit }, ctx) => runAudit(ctx),
  ),
];

export interface CliDeps {
  readonly commands?: readonly CommandSpec[];
  /** importCommand; tests pass their own. */
  readonly load?: CommandLoader;
}

export async function runCli(argv: readonly string[], rawIo: CliIo, deps: CliDeps): Promise<number> {
  const commands = deps.commands ?? COMMANDS;
  const io = inertIo(rawIo);
  try {
    const line = parseCommandLine(argv, commands);
    if (line.kind === 'help') {
      const text = line.command?.help
        ? await line.command.help()
        : helpText(
            packageVersion(),
            commands.filter((c) => !c.hidden),
          );
      io.stdout(text);
      return EXIT_OK;
    }
    if (line.kind === 'version') {
      io.stdout(`ec-access ${packageVersion()}\n`);
      return EXIT_OK;
    }
    const { command, args, flags, values } = line;
    return await command.run({
      name: command.words.join(' '),
      args,
      flags,
      values,
      io,
      load: deps.load ?? importCommand,
      loadConfig() {
        const config = loadConfig({ flags, env: io.env, cwd: io.cwd });
        for (const warning of config.warnings) io.stderr(`ec-access: warning: ${warning}\n`);
        return config;
      },
    });
  } catch (error) {
    return reportFailure(error, io);
  }
}

/**
 * Commands print no escape sequences of their own, so whatever server text reaches stdout or stderr (a role name
 * in a table, an id in a message) is shown, never obeyed: line breaks pass, every other control, bidi or
 * zero-width character is written as a visible escape. JSON output is already escaped losslessly (output.ts).
 */
function inertIo(io: CliIo): CliIo {
  return {
    ...io,
    stdout: (text) => io.stdout(inertLines(text)),
    stderr: (text) => io.stderr(inertLines(text)),
    stdoutPieces: async (pieces, form = 'text') => {
      // JSON.stringify escapes every C0 control inside strings, so its only raw control is the layout's `\n`;
      // inertJson escapes the rest of the set. A second scan of 200 MB would find nothing.
      const cleaned = form === 'inert-json' ? pieces : inertPieces(pieces);
      if (io.stdoutPieces) return io.stdoutPieces(cleaned);
      for (const piece of cleaned) io.stdout(piece);
      return 'written';
    },
  };
}

/** inertLines piece by piece, as over the whole text: a `\r` ending a piece waits to see whether `\n` follows. */
function* inertPieces(pieces: Iterable<string>): Generator<string> {
  let held = '';
  for (const piece of pieces) {
    const text = held + piece;
    held = text.endsWith('\r') ? '\r' : '';
    yield inertLines(held ? text.slice(0, -1) : text);
  }
  if (held) yield inertLines(held);
}

function reportFailure(error: unknown, io: CliIo): number {
  if (error instanceof UsageError) {
    io.stderr(`ec-access: ${error.message}\nRun 'ec-access --help' for usage.\n`);
    return EXIT_USAGE;
  }
  const { name, message, hint } = (error ?? {}) as { name?: unknown; message?: unknown; hint?: unknown };
  const text = typeof message === 'string' ? message : String(error);
  // ApiError is recognised by shape so this module does not pull in the API client (and zod) for --help.
  const advice = name === 'ApiError' && typeof hint === 'string' ? `\n  ${hint}` : '';
  const label =
    name === 'ConfigError' || name === 'ApiError' || name === 'SandboxStateError' ? '' : 'unexpected error: ';
  io.stderr(scrubText(`ec-access: ${label}${text}${advice}\n`));
  return EXIT_FAILURE;
}
