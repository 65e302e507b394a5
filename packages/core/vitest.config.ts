import { fileURLToPath } from 'node:url';

import { defineConfig } from 'vitest/config';

const source = fileURLToPath(new URL('./src/', import.meta.url));

export default defineConfig({
  resolve: {
    // Examples import the package by name, as users do; test them against the source.
    alias: [
      { find: /^@factorflow\/core$/, replacement: `${source}index.ts` },
      { find: /^@factorflow\/core\/(\w+)$/, replacement: `${source}$1/index.ts` },
    ],
  },
  test: {
    include: ['src/**/*.test.ts', 'examples/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
