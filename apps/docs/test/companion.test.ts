/**
 * The paper-companion parts of the site: the paper header on every theory page, the citation page,
 * "Figure 1, reproduced" at desktop and phone widths, and search finding the Theorem 4 page.
 */
import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { searchAndOpen } from './search.js';
import { DESKTOP, PHONE, screenshotName, useSite } from './site.js';

const MIN_VIDAL = { arxiv: '2508.20344', name: 'Min & Vidal (2025)', anchor: 'min-vidal-2025' };
const HOU = { arxiv: '2501.16322', name: 'Hou, Sra & Yurtsever (2025)', anchor: 'hou-sra-yurtsever-2025' };
/** Each theory page, the paper it follows and the section its header must name. */
const THEORY = [
  { path: '/gradient-flow', paper: MIN_VIDAL, section: 'Section II' },
  { path: '/proposition-1', paper: MIN_VIDAL, section: 'Section II-A' },
  { path: '/corollary-2', paper: MIN_VIDAL, section: 'Section III-A' },
  { path: '/figure-1', paper: MIN_VIDAL, section: 'Figure 1' },
  { path: '/theorem-3', paper: MIN_VIDAL, section: 'Section III-A' },
  { path: '/theorem-4', paper: MIN_VIDAL, section: 'Section III-B' },
  { path: '/initialization', paper: MIN_VIDAL, section: 'Section III-C' },
  { path: '/errata', paper: MIN_VIDAL, section: 'Sections II-III' },
  { path: '/udv-model', paper: HOU, section: '' },
];

const site = useSite();

describe('paper links and citation', () => {
  for (const { path, paper, section } of THEORY) {
    it(`${path} names ${paper.name}${section ? `, ${section}` : ''}, links arXiv:${paper.arxiv} and its BibTeX`, async () => {
      const { page, problems } = await site.open(path);
      const header = page.locator('[data-testid="paper-header"]');
      expect(await header.count()).toBe(1);
      const text = await header.innerText();
      expect(text).toContain(paper.name);
      expect(text).toContain(section);
      expect(await header.locator(`a[href="https://arxiv.org/abs/${paper.arxiv}"]`).innerText()).toBe(`arXiv:${paper.arxiv}`);
      // Above the title, not lost further down the page.
      const headerBox = await header.boundingBox();
      const titleBox = await page.locator('article h1').first().boundingBox();
      expect(headerBox && titleBox && headerBox.y + headerBox.height <= titleBox.y).toBe(true);
      await header.getByRole('link', { name: 'cite' }).click();
      await page.waitForURL((url) => url.pathname === '/cite' && url.hash === `#${paper.anchor}`);
      const bibtex = page.locator(`h2#${paper.anchor} ~ div pre`).first();
      expect(await bibtex.innerText()).toMatch(new RegExp(`eprint\\s*=\\s*\\{${paper.arxiv.replace('.', '\\.')}\\}`));
      expect(problems.console).toEqual([]);
      expect(problems.failed).toEqual([]);
      await page.close();
    });
  }

  it('/cite gives BibTeX for both papers and for factorflow at the version of @factorflow/core', async () => {
    const { page, problems } = await site.open('/cite');
    const entries = await page.locator('article pre').allInnerTexts();
    expect(entries.map((entry) => entry.match(/^@(\w+)\{(\w+),/)?.slice(1))).toEqual([
      ['misc', 'min2025incremental'],
      ['misc', 'hou2025implicit'],
      ['software', 'factorflow'],
    ]);
    const version = (JSON.parse(readFileSync(new URL('../../../packages/core/package.json', import.meta.url), 'utf8')) as { version: string }).version;
    expect(entries[2]).toContain(`version = {${version}}`);
    // No invented address: the project has no public URL yet.
    expect(entries[2]).not.toMatch(/url\s*=/);
    for (const entry of entries) expect(entry.split('{').length, entry).toBe(entry.split('}').length);
    await page.screenshot({ path: screenshotName('/cite'), fullPage: true });
    expect(problems.console).toEqual([]);
    await page.close();
  });
});

describe('Figure 1, reproduced', () => {
  for (const [label, viewport] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
    it(`draws the left panel and the three right panels inside the column (${label}, ${viewport.width} px)`, async () => {
      const { page, problems } = await site.open('/figure-1', viewport);
      const figure = page.locator('[data-testid="figure1"]');
      await figure.locator('[data-testid="figure1-right"] svg').nth(2).waitFor({ timeout: 30_000 });
      const panels = figure.locator('svg[class^="plot"]');
      expect(await panels.count()).toBe(4);
      const column = await page.locator('article .markdown').boundingBox();
      const boxes = await Promise.all((await panels.all()).map((panel) => panel.boundingBox()));
      for (const box of boxes) {
        expect(box && column && box.x >= column.x - 0.5 && box.x + box.width <= column.x + column.width + 0.5).toBe(true);
        // Five modes, one line each, and a visible frame.
        expect(box && box.width > 150 && box.height > 150).toBe(true);
      }
      for (const panel of await panels.all()) expect(await panel.locator('g[aria-label="line"] path').count()).toBe(5);
      const right = boxes.slice(1).map((box) => box!.y);
      // Side by side on a desktop, one under another on a phone.
      if (viewport === DESKTOP) expect(Math.max(...right) - Math.min(...right)).toBeLessThan(1);
      else expect(right[1]).toBeGreaterThan(right[0] + boxes[1]!.height - 1);
      await figure.screenshot({ path: screenshotName('/figure-1', `-figure-${label}`) });
      expect(problems.console).toEqual([]);
      expect(problems.failed).toEqual([]);
      await page.close();
    });
  }

  it('states its parameters next to the live version, which starts from them', async () => {
    const { page } = await site.open('/figure-1');
    const rows = await page.locator('[data-testid="figure1-parameters"] tbody tr').allInnerTexts();
    expect(rows.join('\n')).toMatch(/targets.*10, 8, 6, 4, 2/);
    const live = page.locator('[data-testid="live-example"]');
    expect(await live.locator('[data-testid="eigenvalues"]').inputValue()).toBe('10, 8, 6, 4, 2');
    expect(Number(await live.locator('[data-testid="alpha-slider"]').inputValue())).toBe(-6);
    await page.close();
  });
});

describe('search', () => {
  it('typing "Delta sign" finds the Theorem 4 page and opens it', async () => {
    const { page, problems } = await site.open('/');
    await searchAndOpen(page, 'Delta sign', 'Theorem 4', 'theorem-4');
    expect(new URL(page.url()).pathname).toBe('/theorem-4');
    expect(await page.locator('article h1').innerText()).toContain('Theorem 4');
    expect(problems.console).toEqual([]);
    expect(problems.failed).toEqual([]);
    await page.close();
  });
});
