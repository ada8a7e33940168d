/**
 * What each command line does. Every command's code is loaded with import() only when that command runs, so
 * `--help` and `--version` start fast and never load Ink, and a command whose module is not part of this build
 * is reported instead of crashing the program.
 *
 * A command module lives in src/cli/commands/<file> and exports one function. Screens go through `runTui`
 * (commands/tui.js), the sandbox through `runSandboxCommand` (commands/sandbox.js); every other command
 * exports `(ctx: CommandContext) => Promise<number>`.
 */
import { loadConfig, type AppConfig } from '../config/config.js';
import { packageVersion } from '../config/version.js';
import { errorCode, errorMessage } from '../util/errors.js';
import { inertLines } from '../util/inert-text.js';
import { scrubText } from '../util/redact.js';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from './exit-codes.js';
import type { Delivery } from './write-pieces.js';
import { parseCommandLine, UsageError, type CommandShape, type FlagValues, type GlobalFlags } from './args.js';
import { scriptCommandSpecs } from './commands/registry.js';
import { helpText, type HelpEntry } from './help.js';
import { SCREEN_TABS, type ScreenId } from '../ui/screen-ids.js';

export interface CliIo {
  readonly stdout: (text: string) => void;
  /**
   * A long answer in pieces, written in order at the reader's pace; 'reader-gone' when stdout was closed before
   * the end (the rest is not produced). Absent, the pieces go through `stdout` one by one. `inert-json`: the
   * pieces are JSON already escaped by inertJson, which leaves nothing for the line cleaning to change.
   */
  readonly stdoutPieces?: (pieces: Iterable<string>, form?: 'text' | 'inert-json') => Promise<Delivery>;
  readonly stderr: (text: string) => void;
  /** Where a command reads answers (typed confirmations); process.stdin when absent. */
  readonly stdin?: NodeJS.ReadableStream;
  readonly stdinIsTty: boolean;
  readonly stdoutIsTty: boolean;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
}

/** Loads `src/cli/commands/<file>` and returns its export `name` if it is a function; undefined if absent. */
export type CommandLoader = (file: string, name: string) => Promise<((...args: never[]) => unknown) | undefined>;

export interface CommandContext {
  /** The command words, e.g. "keys revoke". */
  readonly name: string;
  /** Positional arguments after the command words (everything, unparsed, for pass-through commands). */
  readonly args: readonly string[];
  readonly flags: GlobalFlags;
  readonly values: FlagValues;
  readonly io: CliIo;
  /** Configuration from the environment, .env and flags; prints its warnings to stderr. Throws ConfigError. */
  loadConfig(): AppConfig;
  load: CommandLoader;
}

export interface CommandSpec extends CommandShape, HelpEntry {
  /** Left out of --help (the bare `ec-access`, which the usage line already describes). */
  readonly hidden?: boolean;
  /** The text of `ec-access <words> --help`; the general help when absent. May load the command's help lazily. */
  readonly help?: () => string | Promise<string>;
  readonly run: (ctx: CommandContext) => Promise<number>;
}

/** `ec-access <screen>`: the TUI on that screen (the tabs of src/ui/screen-ids.ts). */
export type Screen = ScreenId;
export type RunTui = (config: AppConfig, opts: { screen: Screen; filter?: string }) => Promise<number>;
export type RunSandboxCommand = (argv: string[]) => Promise<number>;
export type RunCommand = (ctx: CommandContext) => Promise<number>;

export { EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from './exit-codes.js';

const NO_TTY =
  'ec-access: the interactive interface needs a terminal, but stdin or stdout is not one.\n' +
  'For scripts and pipes, use the scriptable commands instead; see `ec-access --help`.\n';

/**
 * Calls an export found by `ctx.load` with the arguments its kind takes (RunTui, RunCommand, RunSandboxCommand).
 * import() cannot check a function's parameters, so the module contract above stands in for that; what the call
 * resolves to is checked, since a command that does not end with an exit code is a bug.
 */
async function exitCodeOf(run: (...args: never[]) => unknown, args: readonly unknown[]): Promise<number> {
  const code: unknown = await Reflect.apply(run, undefined, args);
  if (typeof code !== 'number') throw new TypeError('ec-access: a command module did not resolve to an exit code');
  return code;
}

function notAvailable(ctx: CommandContext): number {
  ctx.io.stderr(`ec-access: ${ctx.name || 'the interactive interface'} is not available in this build\n`);
  return EXIT_FAILURE;
}

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
      const runTui = await ctx.load('tui.js', 'runTui');
      if (!runTui) return notAvailable(ctx);
      const opts: Parameters<RunTui>[1] = {
        screen: name,
        ...(ctx.flags.filter !== undefined ? { filter: ctx.flags.filter } : {}),
      };
      return exitCodeOf(runTui, [config, opts]);
    },
  };
}

/** A command implemented by `export function <exportName>(ctx: CommandContext)` in commands/<file>. */
export function moduleCommand(spec: Omit<CommandSpec, 'run'>, file: string, exportName: string): CommandSpec {
  return {
    ...spec,
    async run(ctx) {
      const run = await ctx.load(file, exportName);
      return run ? exitCodeOf(run, [ctx] satisfies Parameters<RunCommand>) : notAvailable(ctx);
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
    async run(ctx) {
      const run = await ctx.load('sandbox.js', 'runSandboxCommand');
      return run ? exitCodeOf(run, [[...ctx.args]] satisfies Parameters<RunSandboxCommand>) : notAvailable(ctx);
    },
  },
  // The scriptable commands (members list, keys revoke, doctor, …): words, flags and help in commands/registry.ts.
  ...scriptCommandSpecs(moduleCommand),
  moduleCommand(
    {
      words: ['tour'],
      usage: 'tour [--reset]',
      summary: 'a guided tour on the sandbox (--reset starts over)',
      group: 'command',
      options: { reset: { type: 'boolean' } },
    },
    'tour.js',
    'runTour',
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
    'audit.js',
    'runAudit',
  ),
];

/**
 * Node's import() of a command module in `commandsDir`; a missing file is "not in this build", any other failure
 * is a bug. The directory comes from the entry point (main.ts): in the bundle this module lives in a shared chunk,
 * so its own import.meta.url says nothing about where the commands are.
 */
export function commandImporter(commandsDir: URL): CommandLoader {
  return async (file, name) => {
    const url = new URL(file, commandsDir);
    let mod: unknown;
    try {
      mod = await import(url.href);
    } catch (error) {
      if (errorCode(error) === 'ERR_MODULE_NOT_FOUND' && errorMessage(error).includes(url.pathname)) return undefined;
      throw error;
    }
    const value: unknown = typeof mod === 'object' && mod !== null ? Reflect.get(mod, name) : undefined;
    return isFunction(value) ? value : undefined;
  };
}

// Every function is a `(...args: never[]) => unknown`: nothing can be passed to it without knowing its parameters.
function isFunction(value: unknown): value is (...args: never[]) => unknown {
  return typeof value === 'function';
}

export interface CliDeps {
  readonly commands?: readonly CommandSpec[];
  readonly load: CommandLoader;
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
      load: deps.load,
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
