import { defineConfig } from 'vitest/config';

// Most of these tests start real processes (the simulator, BFFs, redis-server) and hash real
// passwords, so a slow or busy machine stretches them: the limits below are for a hung test, not
// a speed target (speed is measured in bench/). Under CI a failed test runs once more, since a
// shared CI host can pause a process for seconds; one that fails twice fails the run.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    retry: process.env.CI ? 1 : 0,
  },
});
