/**
 * Runs scriptable commands in-process against an in-process sandbox: the same dispatcher as the executable, the
 * command modules loaded from source, stdout/stderr captured, and the sandbox's request log for "what was sent".
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { z } from 'zod';
import { runCli, type CliIo, type CommandLoader } from '../../src/cli/dispatch.js';
import { scriptCommandSpecs } from '../../src/cli/commands/registry.js';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/index.js';
import { parseAs } from '../support/json.js';
import { RequestLog, type LoggedRequest } from '../support/request-log.js';

export const COMMANDS = scriptCommandSpecs();

export /** The command modules from source: their typed import()s resolve to src/ under vitest. */
const loadFromSource: CommandLoader = (load) => load();

export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** stdout parsed as JSON, unchecked: for `toEqual`/`toMatchObject` assertions. */
  json(): unknown;
  /** stdout parsed and checked against the document's schema (see test/support/cli-docs.ts). */
  doc<S extends z.ZodType>(schema: S): z.output<S>;
}

export interface RunOptions {
  /** Replaces the sandbox connection variables entirely (e.g. `{}` to run on a fresh embedded sandbox). */
  readonly env?: NodeJS.ProcessEnv;
  readonly tty?: boolean;
  /** Typed answers, for confirmations at a "terminal". */
  readonly input?: string;
}

export interface Harness {
  readonly sandbox: RunningSandbox;
  /** XDG_STATE_HOME and cwd of the commands (no stray .env is read). */
  readonly dir: string;
  run(argv: readonly string[], options?: RunOptions): Promise<RunResult>;
  /** Requests the sandbox received (API and ES), oldest first. */
  requests(): Promise<LoggedRequest[]>;
  writes(): Promise<LoggedRequest[]>;
  clearRequests(): Promise<void>;
  control(method: string, path: string, body?: unknown): Promise<unknown>;
  stop(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const sandbox = await startSandbox();
  const dir = mkdtempSync(join(tmpdir(), 'ec-access-cmd-'));
  const control = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${sandbox.controlUrl}${path}`, {
      method,
      ...(body !== undefined ? { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } } : {}),
    });
    const answer: unknown = await response.json();
    return answer;
  };
  const requests = async () => parseAs(RequestLog, await control('GET', '/requests'), 'sandbox request log').requests;
  return {
    sandbox,
    dir,
    async run(argv, options = {}) {
      let stdout = '';
      let stderr = '';
      const io: CliIo = {
        stdout: (t) => void (stdout += t),
        stderr: (t) => void (stderr += t),
        stdin: Readable.from(options.input !== undefined ? [options.input] : []),
        stdinIsTty: options.tty ?? false,
        stdoutIsTty: options.tty ?? false,
        env: {
          HOME: dir,
          XDG_STATE_HOME: join(dir, 'state'),
          ...(options.env ?? { EC_BASE_URL: sandbox.baseUrl, EC_API_KEY: sandbox.ownerKey }),
        },
        cwd: dir,
      };
      const code = await runCli(argv, io, { commands: COMMANDS, load: loadFromSource });
      const json = (): unknown => JSON.parse(stdout);
      return { code, stdout, stderr, json, doc: (schema) => parseAs(schema, json(), `ec-access ${argv.join(' ')}`) };
    },
    requests,
    writes: async () => (await requests()).filter((r) => r.method !== 'GET' && !r.url.startsWith('/_sandbox')),
    clearRequests: async () => void (await control('DELETE', '/requests')),
    control,
    async stop() {
      await sandbox.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** `ec-access <argv>` for help text: no sandbox, and loading any command fails the run (help never needs one). */
export async function help(argv: readonly string[]): Promise<{ code: number; stdout: string }> {
  let stdout = '';
  const code = await runCli(
    argv,
    {
      stdout: (t) => void (stdout += t),
      stderr: () => {},
      stdinIsTty: false,
      stdoutIsTty: false,
      env: {},
      cwd: '/',
    },
    { commands: COMMANDS, load: () => Promise.reject(new Error('help must not load the command')) },
  );
  return { code, stdout };
}
