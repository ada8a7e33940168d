/**
 * Functions of the built app (dist/src), loaded at run time like the sandbox (sandbox.ts): the bench compiles none of
 * src. A module or export that is missing makes the figure "not measured", naming what is missing.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../test/e2e/harness.js';
import { NotMeasured } from './result.js';

export type BuiltModule = (name: string) => unknown;

/** dist/src/<path>; the returned getter reads one export. */
export async function importBuilt(path: string): Promise<BuiltModule> {
  const file = join(repoRoot(), 'dist', 'src', path);
  if (!existsSync(file)) throw new NotMeasured(`dist/src/${path} is missing (run npm run build)`);
  const mod: unknown = await import(pathToFileURL(file).href);
  return (name): unknown => (typeof mod === 'object' && mod !== null ? Reflect.get(mod, name) : undefined);
}

/**
 * The export `name` as a function of the type the caller declares. Only "is a function" can be checked at run time;
 * the declared type is the caller's reading of the built module's source.
 */
export function builtFunction<F>(mod: BuiltModule, name: string): F {
  const value = mod(name);
  if (!isFunction<F>(value)) throw new NotMeasured(`the built app does not export ${name}`);
  return value;
}

function isFunction<F>(value: unknown): value is F {
  return typeof value === 'function';
}
