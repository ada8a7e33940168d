/** One scriptable command as the registry (registry.ts) declares it; command-help.ts prints its --help. */
import type { CommandSpec } from '../command-spec.js';
import type { HelpEntry } from '../help.js';

export interface FlagHelp {
  /** `emails` for `--emails`. */
  readonly name: string;
  /** Placeholder for a value (`LIST`); absent for a boolean flag. */
  readonly value?: string;
  readonly help: string;
}

export interface ScriptCommand extends HelpEntry {
  readonly words: readonly string[];
  readonly flags: readonly FlagHelp[];
  /** Imports the command's module (a typed import()) and calls its export. */
  readonly run: CommandSpec['run'];
  readonly description: readonly string[];
  readonly examples: ReadonlyArray<readonly [command: string, what: string]>;
  /** The `--json` document, documented in full in docs/cli-json.md. */
  readonly json: string;
  /** Positional arguments reach the command (which then refuses them itself, without echoing them). */
  readonly takesArgs?: boolean;
}
