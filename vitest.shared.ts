/**
 * Test configuration every workspace shares: workspace packages resolve to their TypeScript
 * source (the "source" export condition of their package.json), so a test never runs against a
 * stale dist/ and needs no build first.
 */
import { defaultServerConditions } from 'vite';
import { type ViteUserConfig, defineConfig } from 'vitest/config';

export function workspaceConfig(test: NonNullable<ViteUserConfig['test']>): ViteUserConfig {
  return defineConfig({
    ssr: { resolve: { conditions: ['source', ...defaultServerConditions], externalConditions: ['source'] } },
    test,
  });
}
