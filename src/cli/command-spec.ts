/**
 * What a command is, apart from the table of commands (dispatch.ts, commands/registry.ts) and the commands
 * themselves, which all import these types: keeping them here keeps the dispatcher and the registry free of cycles.
 */
import type { AppConfig } from '../config/config.js';
import { errorCode, errorMessage } from '../util/errors.js';
import type { CommandShape, FlagValues, GlobalFlags } from './args.js';
import { EXIT_FAILURE } from './exit-codes.js';
import type { HelpEntry } from './help.js';
import type { Delivery } from './write-pieces.js';

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

/**
 * Imports a command's module (`() => import('./commands/x.js')`, typed by the import); undefined when the module is
 * not part of this build. Tests pass their own.
 */
export type CommandLoader = <M>(load: () => Promise<M>) => Promise<M | undefined>;

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
export function notAvailable(ctx: CommandContext): number {
  ctx.io.stderr(`ec-access: ${ctx.name || 'the interactive interface'} is not available in this build\n`);
  return EXIT_FAILURE;
}

/** Runs a command whose code is `load`ed (a typed `import()`) when it runs, then `run` with the context. */
export function runModule<M>(
  load: () => Promise<M>,
  run: (module: M, ctx: CommandContext) => Promise<number>,
): CommandSpec['run'] {
  return async (ctx) => {
    const module = await ctx.load(load);
    return module ? run(module, ctx) : notAvailable(ctx);
  };
}

/** A command whose code is loaded when it runs (runModule). */
export function moduleCommand<M>(
  spec: Omit<CommandSpec, 'run'>,
  load: () => Promise<M>,
  run: (module: M, ctx: CommandContext) => Promise<number>,
): CommandSpec {
  return { ...spec, run: runModule(load, run) };
}

/** import() itself; a command module missing from the build (not one of its imports) is undefined. */
export const importCommand: CommandLoader = async (load) => {
  try {
    return await load();
  } catch (error) {
    if (errorCode(error) === 'ERR_MODULE_NOT_FOUND' && /[\\/]commands[\\/][\w-]+\.js'/.test(errorMessage(error)))
      return undefined;
    throw error;
  }
};
