import { fileURLToPath } from 'node:url';

import { defineConfig } from 'vitest/config';

const core = fileURLToPath(new URL('../core/src/', import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@factorflow\/core$/, replacement: `${core}index.ts` },
      { find: /^@factorflow\/core\/(\w+)$/, replacement: `${core}$1/index.ts` },
    ],
  },
  test: {
    include: ['src/**/*.test.ts'],
    testTimeout: 120_000,
  },
});
