import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

import type { Config, PluginModule } from '@docusaurus/types';
import type * as Preset from '@docusaurus/preset-classic';
import rehypeKatex from 'rehype-katex';
import remarkMath from 'remark-math';

import { parseFrontMatterWithDescription } from './src/remark/description';
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

/**
 * Where the site is hosted, from the environment so that one build configuration serves a laptop
 * (`http://localhost`, `/`) and GitHub Pages (`https://<owner>.github.io`, `/<repo>/`, set by
 * .github/workflows/docs.yml). Docusaurus requires a baseUrl with a slash at both ends.
 */
function hostingFromEnvironment(): { url: string; baseUrl: string } {
  const url = process.env.DOCS_URL || 'http://localhost';
  const path = process.env.DOCS_BASE_URL || '/';
  const baseUrl = `/${path.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  return { url: url.replace(/\/+$/, ''), baseUrl };
}

/** The library's version, for the citation page: the site documents the workspace's @factorflow/core. */
const coreManifest = JSON.parse(readFileSync(new URL('../../packages/core/package.json', import.meta.url), 'utf8')) as { version: string };

const hosting = hostingFromEnvironment();

/**
 * Keys Rspack's persistent cache by baseUrl. Docusaurus versions that cache by its own version and
 * the config file's path, and the file is the same for every DOCS_BASE_URL: a build under
 * /factorflow/ after one under / reused CSS whose font URLs pointed at /assets/fonts/.
 */
function cachePerBaseUrl(): PluginModule {
  return () => ({
    name: 'cache-per-base-url',
    configureWebpack(webpackConfig) {
      const cache: unknown = (webpackConfig.experiments as { cache?: unknown } | undefined)?.cache;
      if (typeof cache !== 'object' || cache === null || !('version' in cache)) return {};
      return { experiments: { cache: { ...cache, version: `${String(cache.version)}-base${hosting.baseUrl}` } } };
    },
  });
}

const config: Config = {
  title: 'factorflow',
  tagline: 'The mathematics of incremental learning in matrix factorization, executable and checked',
  ...hosting,
  onBrokenLinks: 'throw',
  onBrokenAnchors: 'throw',
  favicon: 'img/favicon.svg',
  markdown: { format: 'detect', parseFrontMatter: parseFrontMatterWithDescription, hooks: { onBrokenMarkdownLinks: 'throw' } },
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
  customFields: { factorflowVersion: coreManifest.version },
  themes: [
    '@docusaurus/theme-live-codeblock',
    [
      // Offline full-text search: the index is built with the site and fetched from it, no service.
      '@easyops-cn/docusaurus-search-local',
      {
        docsRouteBasePath: '/',
        indexBlog: false,
        hashed: true,
        language: ['en'],
        highlightSearchTermsOnTargetPage: true,
        searchResultLimits: 10,
        // KaTeX writes each formula twice, as HTML glyphs and as MathML with its TeX source attached.
        // Index the TeX source alone: a snippet then shows the formula once, and words such as
        // "Delta" in `\Delta` stay searchable (the glyph Δ is not a word).
        ignoreCssSelectors: ['.katex-html', '.katex-mathml semantics > :not(annotation)'],
      },
    ],
  ],
  plugins: [typedocFor('core'), typedocFor('symbolic'), typedocFor('verify'), cachePerBaseUrl()],
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
      links: [{ label: 'How to cite', to: '/cite' }],
      copyright: 'factorflow, MIT licensed. Min & Vidal (2025); Hou, Sra & Yurtsever (2025).',
    },
    liveCodeBlock: { playgroundPosition: 'bottom' },
    colorMode: { respectPrefersColorScheme: true },
  } satisfies Preset.ThemeConfig,
};

export default config;
