/**
 * Layout of the built site as a reader sees it, in Chromium at 1280 px and at 390 px: no display
 * equation is wider than the article column on a desktop, nothing in an article is cut off (on a
 * phone a display may scroll, but only inside a container that really scrolls), no equation number
 * overprints its equation, and no raw TeX shows in headings, the table of contents, the sidebar,
 * the document title or the explorers' readouts. Every page gets a screenshot at both widths.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { DESKTOP, PHONE, screenshotName, useSite, type Viewport } from './site.js';

const SITEMAP = fileURLToPath(new URL('../build/sitemap.xml', import.meta.url));

/**
 * The generated API reference has about 200 pages built from one template; two of them stand for
 * the rest, because visiting all of them at two widths would take many minutes.
 */
const API_SAMPLES = new Set(['/api', '/api/core/functions/riccatiClosedForm']);

/** Every page in the built sitemap, except the API pages not sampled. */
function sitePaths(): string[] {
  const xml = readFileSync(SITEMAP, 'utf8');
  const paths = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname.replace(/\/$/, '') || '/');
  return paths.filter((path) => !path.startsWith('/api') || API_SAMPLES.has(path));
}

/** What a reader must never see: TeX source instead of rendered math. */
const RAW_TEX = /\\|\^\{|_\{|\$/;

/**
 * Runs in the page: every way the article's content escapes its column or is hidden, one line
 * each, naming the element and the pixels. `scrollAllowed` says whether a display equation may
 * need horizontal scrolling (on a phone) or must fit (on a desktop).
 */
function layoutProblems(scrollAllowed: boolean): string[] {
  const problems: string[] = [];
  // The search plugin's results page has no <article>: its content column is the main wrapper's container.
  const article = document.querySelector('article') ?? document.querySelector('.main-wrapper .container');
  if (!article) return ['no <article> (or, on the search page, main container) on the page'];
  const column = article.getBoundingClientRect();
  const slack = 1;

  /** A short name a reader can find: the equation's number or its TeX, else the tag and text. */
  const describe = (element: Element): string => {
    const display = element.closest('.katex-display');
    if (display) {
      const tag = display.querySelector('.tag')?.textContent ?? '';
      const tex = display.querySelector('annotation')?.textContent ?? '';
      return `display ${tag} "${tex.replace(/\s+/g, ' ').slice(0, 70)}"`;
    }
    const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60);
    return `<${element.tagName.toLowerCase()}${element.className && typeof element.className === 'string' ? ` class="${element.className}"` : ''}> "${text}"`;
  };
  const scrolls = (element: Element): boolean => {
    const overflow = getComputedStyle(element).overflowX;
    return overflow === 'auto' || overflow === 'scroll';
  };
  /** The nearest ancestor inside the article that scrolls horizontally, if any. */
  const scroller = (element: Element): Element | null => {
    for (let node = element.parentElement; node && node !== article; node = node.parentElement) if (scrolls(node)) return node;
    return null;
  };

  for (const display of Array.from(article.querySelectorAll('.katex-display'))) {
    const box = display.getBoundingClientRect();
    if (box.width === 0) continue;
    const overflow = display.scrollWidth - display.clientWidth;
    if (!scrollAllowed && overflow > slack) problems.push(`${describe(display)} is ${overflow} px wider than the column (${display.scrollWidth} > ${display.clientWidth})`);
    if (overflow > slack && !scrolls(display)) problems.push(`${describe(display)} is cut off: ${overflow} px hidden and it cannot scroll`);
    const hiddenHeight = display.scrollHeight - display.clientHeight;
    if (hiddenHeight > slack) problems.push(`${describe(display)} is cut off vertically by ${hiddenHeight} px`);
    // An equation number placed over the equation: its box meets a box of the equation's content.
    const tag = display.querySelector('.tag');
    if (tag) {
      const number = tag.getBoundingClientRect();
      for (const base of Array.from(display.querySelectorAll('.katex-html > .base'))) {
        const part = base.getBoundingClientRect();
        const meets = part.right > number.left + slack && part.left < number.right - slack;
        if (meets) {
          problems.push(`${describe(display)}: its number overprints the equation by ${Math.round(part.right - number.left)} px`);
          break;
        }
      }
    }
  }

  // Only the outermost offender is named: its descendants stick out with it.
  const reported: Element[] = [];
  for (const element of Array.from(article.querySelectorAll('*'))) {
    // KaTeX's hidden MathML copy is 1 px by design; an SVG's paths are drawn and clipped by the SVG.
    if (element.closest('.katex-mathml') || (element instanceof SVGElement && !(element instanceof SVGSVGElement))) continue;
    if (reported.some((outer) => outer.contains(element))) continue;
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    const style = getComputedStyle(element);
    if (style.visibility === 'hidden') continue;
    const beyond = Math.max(box.right - column.right, column.left - box.left);
    if (scroller(element) === null && beyond > slack) {
      problems.push(`${describe(element)} sticks out of the column by ${Math.round(beyond)} px`);
      reported.push(element);
      continue;
    }
    if (element.closest('.katex')) continue;
    const hidden = element.scrollWidth - element.clientWidth;
    if ((style.overflowX === 'hidden' || style.overflowX === 'clip') && hidden > slack)
      problems.push(`${describe(element)} hides ${hidden} px of its content (overflow: ${style.overflowX})`);
    // On a desktop the article's column is wide enough for everything but code: a table that
    // scrolls there shows a reader a row of numbers cut at the edge.
    const codeOrDisplay = element.tagName === 'PRE' || element.classList.contains('katex-display');
    if (!scrollAllowed && !codeOrDisplay && scrolls(element) && hidden > slack)
      problems.push(`${describe(element)} needs ${hidden} px of horizontal scrolling (${element.scrollWidth} > ${element.clientWidth})`);
  }
  return problems;
}

/** Runs in the page: every place where TeX source shows instead of rendered math. */
function rawTexShown(pattern: string): string[] {
  const raw = new RegExp(pattern);
  const found: string[] = [];
  const check = (where: string, text: string): void => {
    if (raw.test(text)) found.push(`${where}: "${text.replace(/\s+/g, ' ').trim().slice(0, 100)}"`);
  };
  check('document.title', document.title);
  for (const heading of Array.from(document.querySelectorAll<HTMLElement>('h1, h2, h3, h4'))) check(heading.tagName.toLowerCase(), heading.innerText);
  for (const toc of Array.from(document.querySelectorAll<HTMLElement>('.table-of-contents'))) check('table of contents', toc.innerText);
  for (const sidebar of Array.from(document.querySelectorAll<HTMLElement>('.theme-doc-sidebar-container'))) check('sidebar', sidebar.innerText);
  for (const readout of Array.from(document.querySelectorAll<HTMLElement>('[data-testid$="readout"]'))) check(`readout ${readout.dataset.testid ?? ''}`, readout.innerText);
  return found;
}

/**
 * Runs in the page: the headings with rendered math whose table-of-contents entry does not render
 * that math too (the entry exists but shows text only).
 */
function tocWithoutMath(): string[] {
  const missing: string[] = [];
  for (const heading of Array.from(document.querySelectorAll('article h2, article h3'))) {
    const entry = document.querySelector(`.table-of-contents a[href="#${CSS.escape(heading.id)}"]`);
    if (heading.querySelector('.katex') && entry && !entry.querySelector('.katex-html')) missing.push(`#${heading.id}: "${entry.textContent ?? ''}"`);
  }
  return missing;
}

/** Opens a page and lets its live examples draw, since a plot can change the height of the page. */
async function openSettled(site: ReturnType<typeof useSite>, path: string, viewport: Viewport): Promise<Page> {
  const { page } = await site.open(path, viewport);
  const plots = page.locator('[data-testid="live-example"] [data-testid="plot"]');
  for (let index = 0; index < (await plots.count()); index++) await plots.nth(index).locator('svg').first().waitFor({ timeout: 30_000 });
  return page;
}

const site = useSite();
const PATHS = sitePaths();

describe('the sitemap', () => {
  it('lists the theory pages (so the layout checks below visit them)', () => {
    for (const path of ['/gradient-flow', '/theorem-3', '/theorem-4', '/errata', '/udv-model']) expect(PATHS).toContain(path);
  });
});

for (const [label, viewport, scrollAllowed] of [
  ['1280', DESKTOP, false],
  ['390', PHONE, true],
] as const) {
  describe(`at ${label} px`, () => {
    for (const path of PATHS) {
      it(`${path}: nothing wider than the column${scrollAllowed ? ' unless it scrolls' : ''}, nothing cut off, no raw TeX`, async () => {
        const page = await openSettled(site, path, viewport);
        try {
          await page.screenshot({ path: screenshotName(path, `-${label}`), fullPage: true });
          const layout = await page.evaluate(layoutProblems, scrollAllowed);
          expect.soft(layout, `${path} at ${label} px:\n${layout.join('\n')}`).toEqual([]);
          const tex = await page.evaluate(rawTexShown, RAW_TEX.source);
          expect.soft(tex, `${path} at ${label} px:\n${tex.join('\n')}`).toEqual([]);
          if (!scrollAllowed) expect.soft(await page.evaluate(tocWithoutMath), `${path}: table-of-contents entries without their math`).toEqual([]);
        } finally {
          await page.close();
        }
      });
    }
  });
}
