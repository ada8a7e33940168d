/**
 * The application's configuration: credentials and endpoints from the environment and `.env`, adjusted by
 * command-line flags. The environment wins over the file (so a one-off `EC_API_KEY=… ec-access` works), flags win
 * over both. Without a key the app runs on the sandbox; it never asks for a key on screen.
 */
import { resolve } from 'node:path';
import { HTTP2_MODES, type Http2Mode } from '../api/http2-mode.js';
import { Secret } from '../util/secret.js';
import { isExposed, readEnvFile, type EnvFile } from './env-file.js';
import { errorCode } from '../util/errors.js';

export const DEFAULT_CLOUD_BASE_URL = 'https://api.elastic-cloud.com';

export interface ConfigFlags {
  readonly org?: string;
  readonly baseUrl?: string;
  readonly envFile?: string;
  /** true: `--sandbox`; false: `--no-sandbox`; undefined: decide from the key. */
  readonly sandbox?: boolean;
  /** `--allow-insecure-http`. */
  readonly allowInsecureHttp?: boolean;
}

export interface AppConfig {
  readonly mode: 'sandbox' | 'cloud';
  /** The Cloud API key. Absent in sandbox mode, so a real key is never sent to the simulation. */
  readonly apiKey?: Secret;
  /** As configured (the client appends `/api/v1` when it is missing). */
  readonly baseUrl: string;
  readonly orgId?: string;
  readonly esUrl?: string;
  readonly esApiKey?: Secret;
  /** EC_HTTP2 (`auto` unless set; `ec-access sandbox` prints `h2c`). */
  readonly http2: Http2Mode;
  /** The `.env` file that was read, if one was. */
  readonly envFile?: string;
  /**
   * EC_SANDBOX_STATE, resolved: the embedded sandbox loads its organization from this file and saves every change
   * there, so a session's changes survive it and a scriptable command can check them. Sandbox mode only.
   */
  readonly sandboxStateFile?: string;
  /**
   * `--allow-insecure-http`: the clients send over plain http to a non-loopback host instead of refusing
   * (src/api/cleartext.ts; EC_ACCESS_ALLOW_INSECURE_HTTP=1 in the environment does the same).
   */
  readonly allowInsecureHttp?: true;
  readonly warnings: readonly string[];
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export interface LoadConfigOptions {
  readonly flags?: ConfigFlags;
  readonly env?: NodeJS.ProcessEnv;
  readonly cwd?: string;
}

const KEY_VARIABLES = ['EC_API_KEY', 'ELASTICSEARCH_API_KEY'] as const;

export const NO_KEY_HELP = [
  'No Elastic Cloud API key is configured.',
  '',
  'To manage a real organization:',
  '  1. In the Elastic Cloud console, open Organization → API keys and create a key with the',
  '     Organization owner role (organization-admin). Copy it now: it is shown only once.',
  '  2. Put it in a file named .env in the directory you start ec-access from:',
  '       EC_API_KEY=essu_…',
  '     and keep that file private:  chmod 600 .env',
  '     (exporting EC_API_KEY in the environment works too).',
  '',
  'Without --no-sandbox, ec-access starts on its built-in sandbox instead.',
].join('\n');

export function loadConfig(options: LoadConfigOptions = {}): AppConfig {
  const flags = options.flags ?? {};
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const warnings: string[] = [];

  const file = loadEnvFile(flags.envFile, cwd);
  const value = (name: string): string | undefined => {
    // An empty variable counts as unset, so `EC_API_KEY=` in the shell does not hide the file's value.
    const fromEnv = env[name]?.trim();
    if (fromEnv) return fromEnv;
    const fromFile = file?.values[name]?.trim();
    return fromFile ? fromFile : undefined;
  };

  if (file && isExposed(file.mode) && KEY_VARIABLES.some((name) => file.values[name]?.trim())) {
    warnings.push(
      `${file.path} holds an API key and other users can read it (mode ${file.mode.toString(8).padStart(3, '0')}). ` +
        `Fix: chmod 600 ${file.path}`,
    );
  }

  const baseUrl = checkUrl(
    flags.baseUrl ?? value('EC_BASE_URL') ?? DEFAULT_CLOUD_BASE_URL,
    flags.baseUrl ? '--base-url' : 'EC_BASE_URL',
    warnings,
  );
  const esUrlSetting = value('ELASTICSEARCH_URL');
  const esUrl = esUrlSetting === undefined ? undefined : checkUrl(esUrlSetting, 'ELASTICSEARCH_URL', warnings);
  const key = value('EC_API_KEY');
  const esKey = value('ELASTICSEARCH_API_KEY');
  const sandboxState = value('EC_SANDBOX_STATE');

  const http2 = value('EC_HTTP2')?.toLowerCase() ?? 'auto';
  if (!isHttp2Mode(http2)) throw new ConfigError(`EC_HTTP2 must be ${HTTP2_MODES.join(', ')}, not ${http2}`);

  if (flags.sandbox === false && !key) throw new ConfigError(`--no-sandbox: ${NO_KEY_HELP}`);
  const mode = flags.sandbox === true || !key ? 'sandbox' : 'cloud';
  const orgId = flags.org?.trim() || undefined;
  if (sandboxState && mode === 'cloud')
    warnings.push('EC_SANDBOX_STATE is ignored: a Cloud API key is configured, so the sandbox is not used');

  return {
    mode,
    baseUrl,
    http2,
    warnings,
    ...(file ? { envFile: file.path } : {}),
    ...(orgId ? { orgId } : {}),
    ...(flags.allowInsecureHttp === true ? { allowInsecureHttp: true } : {}),
    ...(mode === 'cloud' && key ? { apiKey: new Secret(key) } : {}),
    ...(mode === 'cloud' && esUrl ? { esUrl } : {}),
    ...(mode === 'cloud' && esKey ? { esApiKey: new Secret(esKey) } : {}),
    ...(mode === 'sandbox' && sandboxState ? { sandboxStateFile: resolve(cwd, sandboxState) } : {}),
  };
}

const isHttp2Mode = (value: string): value is Http2Mode => (HTTP2_MODES as readonly string[]).includes(value);

/** `--env-file` must exist; the default `./.env` is optional. */
function loadEnvFile(explicit: string | undefined, cwd: string): EnvFile | undefined {
  const path = resolve(cwd, explicit ?? '.env');
  let file: EnvFile | undefined;
  try {
    file = readEnvFile(path);
  } catch (error) {
    throw new ConfigError(`cannot read ${path}: ${errorCode(error) ?? String(error)}`);
  }
  if (!file && explicit !== undefined) throw new ConfigError(`--env-file: ${path} does not exist`);
  return file;
}

/** A URL the client can use. Plain http is allowed for local servers (the sandbox) but a key must not cross a network in clear text. */
function checkUrl(raw: string, source: string, warnings: string[]): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${source} is not a valid URL: ${raw}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError(`${source} must be an http(s) URL, not ${url.protocol}`);
  }
  if (url.username || url.password)
    throw new ConfigError(`${source} must not contain credentials; use the API key variables`);
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
    warnings.push(`${source} uses plain http (${url.host}): the API key would travel unencrypted. Use https://.`);
  }
  return raw.trim();
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}
