import { defineConfig } from 'vitest/config';

/**
 * Most test files start the built CLI as a process, and CI runs on a 2-core machine that is often
 * busy: at a load of 20, a run that takes 0.2 s idle took several seconds. So every test gets
 * minutes, not vitest's 5 s; a test that hangs still fails. The few long tests set their own
 * limit at ten times or more their idle time. Two files at a time: most tests wait on a child
 * process, so the second core is not idle while one of them runs.
 */
export default defineConfig({
  test: {
    testTimeout: 180_000,
    hookTimeout: 300_000,
    maxWorkers: 2,
  },
});
