import { defineConfig } from 'vitest/config';

// Four projects: `unit` is the everyday loop (parse to report, CLI in-process, built binary checks);
// `install` runs the install paths, the GitHub Action's script and the pre-commit hook; `live` drives
// the fake ASA over loopback SSH; `browser` opens the HTML report in Chromium. `npm test` runs all; `npm run test:unit` only the first.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/ssh/**', 'test/install/**', 'test/browser/**'],
          // The files share no mutable state; loading modules once per worker keeps the loop under 10 s.
          isolate: false,
          // Property-based tests run many cases; give them room on a 2-core CI machine.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          // npm pack, global installs, the Action's script and the pre-commit hook, run for real.
          name: 'install',
          include: ['test/install/**/*.test.ts'],
          testTimeout: 180_000,
        },
      },
      {
        test: {
          // The HTML report in Debian's Chromium (puppeteer-core); skipped with a note where it cannot start, failed in CI.
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'live',
          include: ['test/ssh/**/*.test.ts'],
          // Tests wait on device timeouts of a few seconds by design; a loaded machine must not fail them.
          testTimeout: 60_000,
        },
      },
    ],
  },
});
