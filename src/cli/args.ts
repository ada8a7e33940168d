/**
 * Command-line parsing: finds the command (one or more words, e.g. `keys` or `keys revoke`) and checks the flags
 * strictly, so a typo is a usage error rather than a silently ignored option. The command table itself lives in
 * dispatch.ts; this module only needs each command's words and options.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export type OptionSpecs = NonNullable<ParseArgsConfig['options']>;

export const GLOBAL_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  org: { type: 'string' },
  'base-url': { type: 'string' },
  'env-file': { type: 'string' },
  sandbox: { type: 'boolean' },
  'no-sandbox': { type: 'boolean' },
  filter: { type: 'string' },
  'allow-insecure-http': { type: 'boolean' },
} as const satisfies OptionSpecs;

export interface CommandShape {
  /** `[]` is the command run when none is named. */
  readonly words: readonly string[];
  /** Flags of this command besides the global ones. */
  readonly options?: OptionSpecs;
  /** Whether positional arguments may follow the command words. */
  readonly takesArgs?: boolean;
  /** Receives everything after its words unparsed, because it has flags of its own (`sandbox --port 0`). */
  readonly passThrough?: boolean;
}

export interface GlobalFlags {
  readonly help: boolean;
  readonly version: boolean;
  readonly org?: string;
  readonly baseUrl?: string;
  readonly envFile?: string;
  /** true: --sandbox, false: --no-sandbox. */
  readonly sandbox?: boolean;
  readonly filter?: string;
  /** --allow-insecure-http: send the API key over plain http to a non-loopback host. */
  readonly allowInsecureHttp?: boolean;
}

export type FlagValues = Readonly<Record<string, string | boolean | Array<string | boolean> | undefined>>;

export type CommandLine<C extends CommandShape> =
  /** `command` is set when the help was asked for a named command (`ec-access keys revoke --help`). */
  | { readonly kind: 'help'; readonly command?: C }
  | { readonly kind: 'version' }
  | {
      readonly kind: 'run';
      readonly command: C;
      readonly args: readonly string[];
      readonly flags: GlobalFlags;
      /** Every parsed flag by name, including the command's own. */
      readonly values: FlagValues;
    };

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export function parseCommandLine<C extends CommandShape>(
  argv: readonly string[],
  commands: readonly C[],
): CommandLine<C> {
  const allOptions: OptionSpecs = {
    ...commands.reduce<OptionSpecs>((all, c) => ({ ...all, ...c.options }), {}),
    ...GLOBAL_OPTIONS,
  };
  // A loose first pass only finds where the command words are; flags are checked strictly below.
  const loose = parseArgs({
    args: [...argv],
    options: allOptions,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const positionals = loose.tokens.flatMap((t) => (t.kind === 'positional' ? [t] : []));
  const command = findCommand(
    positionals.map((t) => t.value),
    commands,
  );

  if (command?.passThrough) {
    const lastWord = positionals[command.words.length - 1];
    const cut = lastWord ? lastWord.index : 0;
    const flags = strict(argv.slice(0, cut), GLOBAL_OPTIONS, false);
    if (flags.values.help === true) return { kind: 'help' };
    if (flags.values.version === true) return { kind: 'version' };
    return { kind: 'run', command, args: argv.slice(cut + 1), flags: globalFlags(flags.values), values: flags.values };
  }
  if (loose.values.help === true)
    return command && command.words.length > 0 ? { kind: 'help', command } : { kind: 'help' };
  if (loose.values.version === true) return { kind: 'version' };
  if (!command) {
    const word = positionals[0]?.value ?? '';
    throw new UsageError(`unknown command '${word}'`);
  }

  const parsed = strict(argv, { ...GLOBAL_OPTIONS, ...command.options }, true);
  const args = parsed.positionals.slice(command.words.length);
  if (args.length > 0 && !command.takesArgs) {
    throw new UsageError(`unexpected argument '${args[0]}' after '${['ec-access', ...command.words].join(' ')}'`);
  }
  return { kind: 'run', command, args, flags: globalFlags(parsed.values), values: parsed.values };
}

/** The command with the most words matching the start of the positionals; `[]` matches only when none are given. */
function findCommand<C extends CommandShape>(positionals: readonly string[], commands: readonly C[]): C | undefined {
  let best: C | undefined;
  for (const command of commands) {
    const matches =
      command.words.length === 0 ? positionals.length === 0 : command.words.every((word, i) => positionals[i] === word);
    if (matches && (!best || command.words.length > best.words.length)) best = command;
  }
  if (best?.words.length === 0 && positionals.length > 0) return undefined;
  return best;
}

function strict(argv: readonly string[], options: OptionSpecs, allowPositionals: boolean) {
  try {
    return parseArgs({ args: [...argv], options, strict: true, allowPositionals });
  } catch (error) {
    throw new UsageError(usageMessage(error));
  }
}

/** Node's parseArgs messages, without its advice about `--`, which does not apply here. */
function usageMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const unknown = /^Unknown option '([^']+)'/.exec(message);
  if (unknown) return `unknown option ${unknown[1]}`;
  const missing = /^Option '(--[^ ']+)[^']*' argument missing/.exec(message);
  if (missing) return `${missing[1]} needs a value`;
  return message.split('. ')[0] ?? message;
}

function globalFlags(values: FlagValues): GlobalFlags {
  const text = (name: string) => {
    const value = values[name];
    return typeof value === 'string' ? value : undefined;
  };
  if (values.sandbox === true && values['no-sandbox'] === true) {
    throw new UsageError('--sandbox and --no-sandbox contradict each other; use one');
  }
  const sandbox = values.sandbox === true ? true : values['no-sandbox'] === true ? false : undefined;
  const org = text('org');
  const baseUrl = text('base-url');
  const envFile = text('env-file');
  const filter = text('filter');
  return {
    help: values.help === true,
    version: values.version === true,
    ...(org !== undefined ? { org } : {}),
    ...(baseUrl !== undefined ? { baseUrl } : {}),
    ...(envFile !== undefined ? { envFile } : {}),
    ...(sandbox !== undefined ? { sandbox } : {}),
    ...(filter !== undefined ? { filter } : {}),
    ...(values['allow-insecure-http'] === true ? { allowInsecureHttp: true } : {}),
  };
}
