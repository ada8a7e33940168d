/**
 * A second, scriptable ec-access command next to a pty session: same built bin, same HOME, working directory and
 * environment (so the same EC_SANDBOX_STATE file and audit trail), stdin and stdout pipes instead of a terminal
 * (so the output is JSON). Scenarios use it to check what really happened, not only what the screen says.
 */
import { execFile } from 'node:child_process';
import type { z } from 'zod';
import { parseAs } from '../support/json.js';
import { WAIT_MS } from '../support/wait.js';
import { binPath, type PtyApp } from './harness.js';

export interface CommandResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** stdout parsed; throws with the whole result when it is not JSON. */
  json(): unknown;
  /** stdout parsed and checked against the document's schema (see test/support/cli-docs.ts). */
  doc<S extends z.ZodType>(schema: S): z.output<S>;
}

/** The sandbox state file the scenarios give the embedded sandbox, relative to the session's working directory. */
export const SANDBOX_STATE = 'sandbox-state.json';

export function runCommand(app: PtyApp, args: readonly string[], timeoutMs = WAIT_MS): Promise<CommandResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [binPath(), ...args],
      { cwd: app.cwd, env: app.env, timeout: timeoutMs, encoding: 'utf8' },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        const json = (): unknown => {
          try {
            return JSON.parse(stdout) as unknown;
          } catch {
            throw new Error(
              `ec-access ${args.join(' ')} did not print JSON (exit ${code})\nstdout:\n${stdout}\nstderr:\n${stderr}`,
            );
          }
        };
        resolve({
          code,
          stdout,
          stderr,
          json,
          doc: (schema) => parseAs(schema, json(), `ec-access ${args.join(' ')}`),
        });
      },
    );
  });
}
