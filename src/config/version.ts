/**
 * The package version, read from package.json. The compiled file sits one directory deeper (dist/src/…) than the
 * source (src/…), so the file is found by walking up rather than by a fixed relative path.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

let cached: string | undefined;

export function packageVersion(): string {
  cached ??= findVersion(dirname(fileURLToPath(import.meta.url)));
  return cached;
}

const PackageJson = z.looseObject({ name: z.string(), version: z.string() });

function findVersion(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    try {
      const pkg = PackageJson.safeParse(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')));
      if (pkg.success && pkg.data.name === 'ec-access') return pkg.data.version;
    } catch {
      // No package.json here (or not ours): keep walking up.
    }
    if (dirname(dir) === dir) return '0.0.0';
  }
}

export function userAgent(): string {
  return `ec-access/${packageVersion()}`;
}
