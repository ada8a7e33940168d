/**
 * The package version, read from package.json. The compiled file sits one directory deeper (dist/src/…) than the
 * source (src/…), so the file is found by walking up rather than by a fixed relative path. `--version` loads this
 * module and little else, so it checks the two fields by hand instead of loading zod (bench P7).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

export function packageVersion(): string {
  cached ??= findVersion(dirname(fileURLToPath(import.meta.url)));
  return cached;
}

/** Our version, when `text` is our package.json. */
function versionIn(text: string): string | undefined {
  const pkg: unknown = JSON.parse(text);
  if (typeof pkg !== 'object' || pkg === null || !('name' in pkg) || !('version' in pkg)) return undefined;
  return pkg.name === 'ec-access' && typeof pkg.version === 'string' ? pkg.version : undefined;
}

function findVersion(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    try {
      const version = versionIn(readFileSync(join(dir, 'package.json'), 'utf8'));
      if (version !== undefined) return version;
    } catch {
      // No package.json here (or not ours): keep walking up.
    }
    if (dirname(dir) === dir) return '0.0.0';
  }
}

export function userAgent(): string {
  return `ec-access/${packageVersion()}`;
}
