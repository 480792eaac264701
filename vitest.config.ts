import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    environment: 'node',
    globalSetup: ['test/support/globalSetup.ts'],
    // Tests open real sockets and start real processes: give slow shared machines room.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Suites that open thousands of sockets or build namespaces must not fight each other.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
