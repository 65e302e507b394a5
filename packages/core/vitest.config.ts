import { workspaceConfig } from '../../vitest.shared.js';

export default workspaceConfig({ include: ['src/**/*.test.ts', 'examples/**/*.test.ts'], testTimeout: 60_000 });
