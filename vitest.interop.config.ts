import { defineConfig } from 'vitest/config';

// `npm run test:interop`: tests against independent tools installed on the machine (not part of `npm test`).
export default defineConfig({
  test: {
    include: ['test/interop/**/*.interop.ts'],
    testTimeout: 120_000,
  },
});
