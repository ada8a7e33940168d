/**
 * Where ec-access keeps files that belong to the user rather than the project (audit log, debug log, secret
 * files, tour progress): `$XDG_STATE_HOME/ec-access`, else `~/.local/state/ec-access`. Created 0700 because
 * everything in it is private.
 */
import { chmodSync, lstatSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export function stateDir(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_STATE_HOME;
  // The XDG spec says relative values are invalid and must be ignored.
  const base = xdg && xdg.startsWith('/') ? xdg : join(env.HOME || homedir(), '.local', 'state');
  return join(base, 'ec-access');
}

/**
 * The state directory (or a subdirectory of it), owner-only: created 0700 if missing, and narrowed to 0700 if an
 * older version or a umask left it readable by others (mkdir's mode applies only to directories it creates).
 * Only ec-access's own directories are touched, never the XDG base above them.
 */
export function ensureStateDir(sub?: string, env: NodeJS.ProcessEnv = process.env): string {
  const root = stateDir(env);
  const dir = sub ? join(root, sub) : root;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  for (const own of sub ? [root, dir] : [root]) tighten(own);
  return dir;
}

function tighten(dir: string): void {
  const stat = lstatSync(dir);
  if (stat.isDirectory() && (stat.mode & 0o077) !== 0) chmodSync(dir, 0o700);
}
