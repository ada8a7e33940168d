import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { inkInternalAliases } from './scripts/ink-internals.mjs';

const nodeModules = realpathSync(fileURLToPath(new URL('./node_modules', import.meta.url)));

export default defineConfig({
  // Ink's StdinContext for the input bridge, the same file Ink's hooks import (scripts/ink-internals.mjs).
  resolve: { alias: inkInternalAliases(nodeModules) },
  test: {
    environment: 'node',
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // pty end-to-end tests spawn real processes; keep the 2-core CI machine from oversubscribing.
    maxWorkers: 2,
    // One budget for every test, generous for a loaded 2-core machine: waits are for conditions (test/support/wait.ts),
    // so a passing test takes no longer for it; only a broken one does.
    testTimeout: 300_000,
    hookTimeout: 60_000,
  },
});
