/**
 * Where a created key's value goes: an owner-only file (secrets/file.ts creates it 0600 and never replaces one),
 * so the value is never in stdout, a CI log or an agent's context. `--secret-file PATH` is checked before the key
 * is created, so a name that is taken fails with nothing created; the default file in the state directory
 * (`$XDG_STATE_HOME/ec-access/secrets/<key-id>.key`) takes the next free name instead, because a fresh sandbox
 * hands out the same key ids every run and the secret must not be lost to a collision.
 */
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from '../../args.js';
import { writeSecretFile } from '../../../secrets/index.js';
import { ensureStateDir } from '../../../util/state-dir.js';

export interface SecretTarget {
  readonly explicit?: string;
  readonly env: NodeJS.ProcessEnv;
}

/** The absolute `--secret-file` path, refused up front if it exists or its folder does not. */
export function checkSecretFile(path: string, cwd: string): string {
  const absolute = resolve(cwd, path);
  if (existsSync(absolute))
    throw new UsageError(`--secret-file ${absolute} already exists; ec-access never overwrites a file`);
  const dir = dirname(absolute);
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new UsageError(`--secret-file: folder ${dir} does not exist`);
  return absolute;
}

/** Saves `value` and returns the file's path. */
export function saveSecret(target: SecretTarget, keyId: string, value: string): string {
  if (target.explicit)
    return writeSecretFile({ dir: dirname(target.explicit), fileName: basename(target.explicit), value }).path;
  const dir = ensureStateDir('secrets', target.env);
  const stem = keyId.replace(/[^A-Za-z0-9._-]/g, '_');
  let fileName = `${stem}.key`;
  for (let n = 2; existsSync(join(dir, fileName)); n++) fileName = `${stem}-${n}.key`;
  return writeSecretFile({ dir, fileName, value }).path;
}
