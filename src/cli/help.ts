/**
 * The text of `ec-access --help`. The command lists come from the dispatch table, so a new command shows up
 * here without anyone remembering to document it twice.
 */
import { EXIT_CODES } from './exit-codes.js';

export interface HelpEntry {
  readonly usage: string;
  readonly summary: string;
  readonly group: 'screen' | 'command';
}

const FLAGS: ReadonlyArray<readonly [string, string]> = [
  ['--org <id>', 'organization to manage (default: the one the key belongs to)'],
  ['--base-url <url>', 'Cloud API base URL (default https://api.elastic-cloud.com)'],
  ['--env-file <path>', 'read this file instead of ./.env'],
  ['--sandbox', 'use the built-in sandbox even when a key is configured'],
  ['--no-sandbox', 'refuse to start without a Cloud API key'],
  ['--filter <text>', 'open the screen with this filter applied (e.g. on keys)'],
  ['--allow-insecure-http', 'send over plain http to a non-loopback host (the API key then travels in clear)'],
  ['-h, --help', 'show this help'],
  ['-v, --version', 'show the version'],
];

const ENVIRONMENT: ReadonlyArray<readonly [string, string]> = [
  ['EC_API_KEY', 'Cloud API key with the Organization owner role; without it, the sandbox is used'],
  ['EC_BASE_URL', 'Cloud API base URL (default https://api.elastic-cloud.com)'],
  ['ELASTICSEARCH_URL', "a project's Elasticsearch endpoint, for ELASTICSEARCH_API_KEY"],
  [
    'ELASTICSEARCH_API_KEY',
    'key with manage_security on that project (custom roles); otherwise the Cloud key is tried',
  ],
  ['EC_SANDBOX_STATE', 'a file: the built-in sandbox loads its organization from it and saves every change there'],
  [
    'EC_HTTP2',
    'auto (HTTP/2 when TLS offers it), off (HTTP/1.1 only) or h2c (HTTP/2 without TLS, as the sandbox speaks)',
  ],
  [
    'EC_ACCESS_DEBUG',
    '1 (a fresh $XDG_STATE_HOME/ec-access/debug.log) or the path of a new file: log requests, secrets redacted',
  ],
  ['EC_ACCESS_ALLOW_INSECURE_HTTP', '1: allow plain http to a non-loopback host (the API key then travels in clear)'],
  ['HTTPS_PROXY, HTTP_PROXY, NO_PROXY', 'proxy settings'],
  ['NODE_EXTRA_CA_CERTS', 'extra trusted CA certificates (PEM), e.g. for a TLS-inspecting proxy'],
];

const EXAMPLES: ReadonlyArray<readonly [string, string]> = [
  ['ec-access', 'open the members screen (on the sandbox when no key is configured)'],
  ['ec-access keys --filter ci', 'open the API keys screen filtered to "ci"'],
  ['ec-access --no-sandbox --org 1234567890 members', 'manage organization 1234567890, never the sandbox'],
  ['ec-access sandbox --port 0', 'run the sandbox alone and print EC_BASE_URL / EC_API_KEY for other clients'],
  ['ec-access doctor', 'check the configuration and look for access problems'],
];

export function helpText(version: string, entries: readonly HelpEntry[]): string {
  const screens = entries.filter((e) => e.group === 'screen');
  const commands = entries.filter((e) => e.group === 'command');
  return [
    `ec-access ${version}: identity and access for an Elastic Cloud organization and its Serverless projects`,
    '',
    'Usage:',
    '  ec-access [screen] [flags]     open the terminal UI (default screen: members)',
    '  ec-access <command> [flags]',
    '',
    'Screens (interactive; need a terminal):',
    ...table(screens.map((e) => [e.usage, e.summary])),
    '',
    'Commands:',
    ...table(commands.map((e) => [e.usage, e.summary])),
    '',
    'Flags:',
    ...table(FLAGS),
    '',
    'Environment (also read from ./.env; the environment wins):',
    ...table(ENVIRONMENT),
    '',
    'Examples:',
    ...table(EXAMPLES),
    '',
    'Exit codes:',
    ...table(EXIT_CODES.map(([code, , meaning]) => [String(code), meaning])),
    '',
  ].join('\n');
}

/** Two aligned columns; a first column too long to align puts its description on the next line. */
function table(rows: ReadonlyArray<readonly [string, string]>): string[] {
  const width = Math.min(28, Math.max(0, ...rows.map(([left]) => left.length)));
  return rows.flatMap(([left, right]) =>
    left.length > width ? [`  ${left}`, `  ${' '.repeat(width)}  ${right}`] : [`  ${left.padEnd(width)}  ${right}`],
  );
}
