import type { SidebarsConfig } from '@docusaurus/plugin-content-docs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** TypeDoc writes one sidebar per package at build time (docusaurus-plugin-typedoc). */
function apiSidebar(name: string) {
  return require(`./docs/api/${name}/typedoc-sidebar.cjs`);
}

const sidebars: SidebarsConfig = {
  theory: [
    'getting-started',
    'python',
    'gradient-flow',
    'proposition-1',
    'corollary-2',
    'figure-1',
    'theorem-3',
    'theorem-4',
    'certified',
    'initialization',
    'asymmetric',
    'udv-model',
    'verification',
    'errata',
    'playground',
    'cite',
  ],
  api: [
    'api/index',
    { type: 'category', label: '@factorflow/core', items: apiSidebar('core') },
    { type: 'category', label: '@factorflow/symbolic', items: apiSidebar('symbolic') },
    { type: 'category', label: '@factorflow/verify', items: apiSidebar('verify') },
  ],
};

export default sidebars;
