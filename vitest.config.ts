import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One temporary folder per run, removed at its end (test/helpers/temp-root.ts).
    globalSetup: ['test/helpers/temp-root.ts'],
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // CI asks for a machine-readable report as well (see .ci/run), to print a plain closing line.
    reporters: process.env['ARROW_SUS_TEST_REPORT'] ? ['default', ['json', { outputFile: process.env['ARROW_SUS_TEST_REPORT'] }]] : ['default'],
  },
});
