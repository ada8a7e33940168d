/**
 * `ec-access <command> --help`: usage, what it does, its flags, examples from the skill's scenarios, the JSON it
 * prints and the exit codes. Built from the registry so help and parser share one flag list.
 */
import { EXIT_CODES } from '../exit-codes.js';
import type { ScriptCommand } from './script-command.js';

function rows(pairs: ReadonlyArray<readonly [string, string]>): string[] {
  const width = Math.min(30, Math.max(...pairs.map(([left]) => left.length)));
  return pairs.map(([left, right]) =>
    left.length > width ? `  ${left}\n  ${' '.repeat(width)}  ${right}` : `  ${left.padEnd(width)}  ${right}`,
  );
}

export function commandHelpText(spec: ScriptCommand): string {
  const flags = spec.flags.map((f): readonly [string, string] => [
    `--${f.name}${f.value ? ` ${f.value}` : ''}`,
    f.help,
  ]);
  return [
    `Usage: ec-access ${spec.usage} [flags]`,
    '',
    spec.summary,
    ...spec.description,
    '',
    'Flags:',
    ...rows(flags),
    '  (and the global --org, --base-url, --env-file, --sandbox, --no-sandbox, --allow-insecure-http; see ec-access --help)',
    '',
    'Examples:',
    ...spec.examples.flatMap(([cmd, what]) => [`  ${cmd}`, ...(what ? [`      ${what}`] : [])]),
    '',
    'JSON output (--json, or when stdout is not a terminal; see docs/cli-json.md):',
    `  ${spec.json}`,
    '',
    `Exit codes: ${EXIT_CODES.map(([code, short]) => `${code} ${short}`).join(' · ')} (see ec-access --help)`,
    '',
  ].join('\n');
}
