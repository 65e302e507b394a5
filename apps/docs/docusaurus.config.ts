import { createRequire } from 'node:module';

import type { Config } from '@docusaurus/types';
import type * as Preset from '@docusaurus/preset-classic';
import rehypeKatex from 'rehype-katex';
import remarkMath from 'remark-math';

import remarkTocMath from './src/remark/tocMath';

const require = createRequire(import.meta.url);

/** One TypeDoc instance per package, rendered to Markdown under docs/api/<name>. */
function typedocFor(name: 'core' | 'symbolic' | 'verify'): [string, Record<string, unknown>] {
  return [
    'docusaurus-plugin-typedoc',
    {
      id: `api-${name}`,
      entryPoints: [`../../packages/${name}/src/index.ts`],
      tsconfig: `../../packages/${name}/tsconfig.json`,
      out: `docs/api/${name}`,
      readme: 'none',
      disableSources: true,
      excludePrivate: true,
      excludeInternal: true,
      sidebar: { autoConfiguration: true, pretty: true },
      // Keep TSDoc text literal: equations in comments contain braces and angle brackets.
      useCodeBlocks: true,
      parametersFormat: 'table',
      hideBreadcrumbs: true,
    },
  ];
}

const config: Config = {
  title: 'factorflow',
  tagline: 'The mathematics of incremental learning in matrix factorization, executable and checked',
  url: 'http://localhost',
  baseUrl: '/',
  onBrokenLinks: 'throw',
  onBrokenAnchors: 'throw',
  favicon: 'img/favicon.svg',
  markdown: { format: 'detect', hooks: { onBrokenMarkdownLinks: 'throw' } },
  future: { v4: true, faster: true },
  i18n: { defaultLocale: 'en', locales: ['en'] },
  presets: [
    [
      'classic',
      {
        docs: {
          routeBasePath: '/',
          sidebarPath: './sidebars.ts',
          remarkPlugins: [remarkMath, remarkTocMath],
          rehypePlugins: [rehypeKatex],
        },
        blog: false,
        theme: { customCss: [require.resolve('katex/dist/katex.min.css'), './src/css/custom.css'] },
      } satisfies Preset.Options,
    ],
  ],
  themes: ['@docusaurus/theme-live-codeblock'],
  plugins: [typedocFor('core'), typedocFor('symbolic'), typedocFor('verify')],
  themeConfig: {
    navbar: {
      title: 'factorflow',
      items: [
        { type: 'docSidebar', sidebarId: 'theory', position: 'left', label: 'Theory' },
        { type: 'docSidebar', sidebarId: 'api', position: 'left', label: 'API' },
      ],
    },
    footer: {
      style: 'light',
      copyright: 'factorflow, MIT licensed. Min & Vidal (2025); Hou, Sra & Yurtsever (2025).',
    },
    liveCodeBlock: { playgroundPosition: 'bottom' },
    colorMode: { respectPrefersColorScheme: true },
  } satisfies Preset.ThemeConfig,
};

export default config;
