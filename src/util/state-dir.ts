/**
 * Where ec-access keeps files that belong to the user rather than the project (audit log, debug log, secret
 * files, tour progress): `$XDG_STATE_HOME/ec-access`, else `~/.local/state/ec-access`. Created 0700 because
 * everything in it is private.
 */
import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export function stateDir(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_STATE_HOME;
  // The XDG spec says relative values are invalid and must be ignored.
  const base = xdg && xdg.startsWith('/') ? xdg : join(env.HOME || homedir(), '.local', 'state');
  return join(base, 'ec-access');
}

/** The state directory (or a subdirectory of it), created with owner-only permissions if missing. */
export function ensureStateDir(sub?: string, env: NodeJS.ProcessEnv = process.env): string {
  const dir = sub ? join(stateDir(env), sub) : stateDir(env);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}
