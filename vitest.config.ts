import { defineConfig } from 'vitest/config';

export default defineConfig({
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
