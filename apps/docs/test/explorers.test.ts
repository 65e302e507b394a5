/**
 * The live explorers do not mislead (issue #18), checked by interaction in the built site: a
 * readout never reports "none" while its plan is being computed; /theorem-4 opens with alpha below
 * Theorem 4's alpha_max and its I_k drawn; the Theorem 3 widget shows I_k and alpha_max; measured
 * windows are not covered by the curves; an invalid input clears the plot and readouts and names
 * the field; the two Proposition 1 panels share one time axis; timings sit in a closed
 * "Performance" disclosure; readouts and hypothesis lists are KaTeX, not raw TeX or ASCII math.
 */
import { gaussianInit, theorem3Plan, theorem4Plan } from '@factorflow/core';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { DESKTOP, PHONE, moveSlider, screenshotName, useSite } from './site.js';

const site = useSite();

const EXPLORER = '[data-example="incremental-explorer"]';
const RANK = '[data-example="rank-k-distance"]';
const ROUTES = '[data-example="route-comparison"]';
const READOUT = '[data-testid="alpha-max-readout"]';

/** Waits until the scope's alpha_max readout is no longer pending and returns its two logarithms. */
async function settledReadout(page: Page, scope: string): Promise<{ log10Alpha: number; log10AlphaMax: number | null; text: string }> {
  const readout = `${scope} ${READOUT}`;
  await page.waitForSelector(`${readout}[data-pending="false"]`, { timeout: 60_000 });
  const max = await page.getAttribute(readout, 'data-log10-alpha-max');
  return {
    log10Alpha: Number(await page.getAttribute(readout, 'data-log10-alpha')),
    log10AlphaMax: max === null ? null : Number(max),
    text: (await page.textContent(readout)) ?? '',
  };
}

/** Screen rectangles of the marks whose aria-label starts with `label` and a comma (then their rank), inside `scope`'s plot. */
async function markBoxes(page: Page, scope: string, label: string): Promise<{ x: number; y: number; width: number; height: number }[]> {
  return page.$$eval(`${scope} [data-testid="plot"] [aria-label^="${label},"]`, (marks) =>
    marks.map((mark) => {
      const box = mark.getBoundingClientRect();
      return { x: box.x, y: box.y, width: box.width, height: box.height };
    }),
  );
}

/** What the scope's figure holds, for a failure message: its svg sizes, the container's width, the root's data, and the I_k marks' attributes. */
async function figureState(page: Page, scope: string): Promise<string> {
  return page.$eval(scope, (root) => {
    const plot = root.querySelector('[data-testid="plot"]');
    const svgs = Array.from(plot?.querySelectorAll('svg') ?? []).map((svg) => `svg width=${svg.getAttribute('width')} box=${svg.getBoundingClientRect().width}`);
    const marks = Array.from(plot?.querySelectorAll('[aria-label^="guaranteed interval,"]') ?? []).map(
      (mark) => `${mark.getAttribute('aria-label')}: x=${mark.getAttribute('x')} width=${mark.getAttribute('width')} box=${mark.getBoundingClientRect().width}`,
    );
    const data = Object.entries((root as HTMLElement).dataset).map(([key, value]) => `${key}=${value}`);
    return [`container clientWidth=${plot?.clientWidth}`, ...svgs, ...marks, data.join(' ')].join('\n');
  });
}

describe('readouts while work is pending', () => {
  for (const path of ['/corollary-2', '/theorem-4']) {
    it(`${path}: from the first byte, the alpha_max readout says "computing", never "none", until it shows alpha_max`, async () => {
      const { page, problems } = await site.open(path);
      // Recorded from document start on the reload: the server-rendered HTML, then every change.
      await page.addInitScript((selector) => {
        const seen: string[] = [];
        (window as unknown as { readouts: string[] }).readouts = seen;
        const record = (): void => {
          const text = document.querySelector(selector)?.textContent;
          if (text && seen[seen.length - 1] !== text) seen.push(text);
        };
        new MutationObserver(record).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
      }, `${EXPLORER} ${READOUT}`);
      await page.reload({ waitUntil: 'domcontentloaded' });
      const settled = await settledReadout(page, EXPLORER);
      const seen = await page.evaluate(() => (window as unknown as { readouts: string[] }).readouts);
      expect(seen.length).toBeGreaterThanOrEqual(2);
      expect(seen[0]).toMatch(/computing/);
      for (const text of seen) expect(text).not.toMatch(/none|no α|fails for every/);
      expect(settled.log10AlphaMax).not.toBeNull();
      // KaTeX's MathML puts U+2061 (function application) after "max".
      expect(seen[seen.length - 1]).toMatch(/αmax\u2061?=\d/);
      // An edit starts a new plan: the readout goes back to "computing", not to a stale or false value.
      await page.evaluate((selector) => {
        const seen = (window as unknown as { readouts: string[] }).readouts;
        seen.length = 0;
        new MutationObserver(() => {
          const text = document.querySelector(selector)?.textContent;
          if (text && seen[seen.length - 1] !== text) seen.push(text);
        }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
      }, `${EXPLORER} ${READOUT}`);
      await page.fill(`${EXPLORER} input[data-testid="eigenvalues"]`, '9, 3, 1.5');
      await page.waitForFunction(
        (selector) => {
          const seen = (window as unknown as { readouts: string[] }).readouts;
          return seen.some((text) => text.includes('computing')) && document.querySelector(selector)?.getAttribute('data-pending') === 'false';
        },
        `${EXPLORER} ${READOUT}`,
        { timeout: 60_000 },
      );
      const afterEdit = await page.evaluate(() => (window as unknown as { readouts: string[] }).readouts);
      for (const text of afterEdit) expect(text).not.toMatch(/none|fails for every/);
      expect(problems.console).toEqual([]);
      await page.close();
    });
  }
});

describe('defaults that show the theorems', () => {
  it('/theorem-4: the default alpha is below Theorem 4 alpha_max, every hypothesis holds, and each I_k is drawn', async () => {
    for (const viewport of [DESKTOP, PHONE]) {
      const { page, problems } = await site.open('/theorem-4', viewport);
      const settled = await settledReadout(page, EXPLORER);
      // The reference: core's planner for the page's stated defaults (Y = diag(10, 3, 1), seed 7, epsilon 0.5).
      const reference = theorem4Plan({ Y: [[10, 0, 0], [0, 3, 0], [0, 0, 1]], U0bar: gaussianInit(3, 3, 1, 7), epsilon: 0.5 });
      expect(reference.logAlphaMax).not.toBeNull();
      expect(settled.log10AlphaMax).toBeCloseTo((reference.logAlphaMax ?? Number.NaN) / Math.LN10, 8);
      const slider = `${EXPLORER} [data-testid="alpha-slider"]`;
      const sliderMin = Number(await page.getAttribute(slider, 'min'));
      expect(settled.log10AlphaMax ?? Number.NEGATIVE_INFINITY).toBeGreaterThan(sliderMin);
      expect(Number(await page.inputValue(slider))).toBeLessThanOrEqual(settled.log10AlphaMax ?? Number.NEGATIVE_INFINITY);
      expect(settled.log10Alpha).toBeLessThanOrEqual(settled.log10AlphaMax ?? Number.NEGATIVE_INFINITY);
      expect(settled.text).toMatch(/guarantees/);
      const verdicts = await page.$$eval(`${EXPLORER} [data-testid="hypotheses"] li`, (items) => items.map((item) => item.getAttribute('data-holds')));
      expect(verdicts.length).toBeGreaterThanOrEqual(3);
      expect(verdicts.every((holds) => holds === 'true')).toBe(true);
      // One lane per rank: three guaranteed intervals I_1..I_3, each wider than a pixel. The figure is
      // redrawn after the plan (window search, certification, a width change), so this waits for the
      // drawn state and, if it never comes, says what was drawn.
      const lanesDrawn = await page
        .waitForFunction(
          (selector) => {
            const marks = Array.from(document.querySelectorAll(selector));
            return marks.length === 3 && marks.every((mark) => mark.getBoundingClientRect().width > 1);
          },
          `${EXPLORER} [data-testid="plot"] [aria-label^="guaranteed interval,"]`,
          { timeout: 15_000 },
        )
        .then(
          () => true,
          () => false,
        );
      const lanes = await markBoxes(page, EXPLORER, 'guaranteed interval');
      const drawn = lanesDrawn ? '' : await figureState(page, EXPLORER);
      expect(lanes, drawn).toHaveLength(3);
      for (const box of lanes) expect(box.width, drawn).toBeGreaterThan(1);
      const width = viewport === PHONE ? '390' : '1280';
      await page.screenshot({ path: screenshotName('/theorem-4', `-${width}`), fullPage: true });
      await page.locator(EXPLORER).screenshot({ path: screenshotName('/theorem-4', `-explorer-${width}`) });
      expect(problems.console).toEqual([]);
      await page.close();
    }
  });

  it('/corollary-2: the default alpha is below Theorem 3 alpha_max, and I_1..I_5 are drawn', async () => {
    const { page, problems } = await site.open('/corollary-2');
    const settled = await settledReadout(page, EXPLORER);
    const sigma = [10, 8, 6, 4, 2];
    const reference = theorem3Plan({ sigmaY: sigma, sigma0: sigma.map(() => 1), epsilon: 0.5 });
    expect(settled.log10AlphaMax).toBeCloseTo((reference.logAlphaMax ?? Number.NaN) / Math.LN10, 8);
    expect(settled.log10Alpha).toBeLessThanOrEqual(settled.log10AlphaMax ?? Number.NEGATIVE_INFINITY);
    expect(await markBoxes(page, EXPLORER, 'guaranteed interval')).toHaveLength(5);
    expect(problems.console).toEqual([]);
    await page.close();
  });

  it('/theorem-3: the "How conservative" widget shows alpha_max, its hypotheses, and the I_k it guarantees', async () => {
    const { page, problems } = await site.open('/theorem-3');
    const settled = await settledReadout(page, RANK);
    const sigma = [10, 8, 6, 4, 2];
    const reference = theorem3Plan({ sigmaY: sigma, sigma0: sigma.map(() => 1), epsilon: 0.5 });
    expect(settled.log10AlphaMax).toBeCloseTo((reference.logAlphaMax ?? Number.NaN) / Math.LN10, 8);
    expect(settled.log10Alpha).toBeLessThanOrEqual(settled.log10AlphaMax ?? Number.NEGATIVE_INFINITY);
    expect(settled.text).toMatch(/guarantees/);
    expect(await page.locator(`${RANK} [data-testid="hypotheses"] li[data-holds="true"]`).count()).toBeGreaterThanOrEqual(3);
    const bands = await markBoxes(page, RANK, 'guaranteed interval');
    expect(bands).toHaveLength(5);
    for (const box of bands) expect(box.height).toBeGreaterThan(100);
    await page.locator(RANK).screenshot({ path: screenshotName('/theorem-3', '-conservative') });
    // Past alpha_max the bands stay, but the readout withdraws the guarantee.
    await moveSlider(page, RANK, '-3');
    await page.waitForFunction((selector) => document.querySelector(selector)?.getAttribute('data-log10-alpha') === '-3', `${RANK} ${READOUT}`, { timeout: 30_000 });
    expect(await page.textContent(`${RANK} ${READOUT}`)).toMatch(/not guaranteed/);
    expect(await page.locator(`${RANK} [data-testid="hypotheses"] li[data-holds="false"]`).count()).toBeGreaterThanOrEqual(1);
    await page.locator(RANK).screenshot({ path: screenshotName('/theorem-3', '-conservative-above-alpha-max') });
    expect(problems.console).toEqual([]);
    await page.close();
  });
});

describe('figures', () => {
  it('/corollary-2: every measured window, k = 1 included, is the topmost element at its centre', async () => {
    const { page, problems } = await site.open('/corollary-2');
    await page.waitForFunction((selector) => /ranks reach/.test(document.querySelector(selector)?.textContent ?? ''), `${EXPLORER} [data-testid="windows-status"]`, {
      timeout: 60_000,
    });
    await page.waitForSelector(`${EXPLORER} [aria-label^="measured window,"]`, { timeout: 30_000 });
    const hits = await page.$$eval(`${EXPLORER} [aria-label^="measured window,"]`, (marks) =>
      marks.map((mark) => {
        mark.scrollIntoView({ block: 'center' });
        const box = mark.getBoundingClientRect();
        const top = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
        return { label: mark.getAttribute('aria-label'), width: box.width, height: box.height, topmost: top === mark };
      }),
    );
    // Five distinct eigenvalues at alpha = 1e-11: every rank reaches epsilon.
    expect(hits.length).toBeGreaterThanOrEqual(5);
    expect(hits.map((hit) => hit.label)).toContain('measured window, k = 1');
    for (const hit of hits) {
      expect(hit.topmost).toBe(true);
      expect(hit.width).toBeGreaterThan(1);
      expect(hit.height).toBeGreaterThanOrEqual(4);
    }
    await page.locator(EXPLORER).screenshot({ path: screenshotName('/corollary-2', '-explorer-windows') });
    expect(problems.console).toEqual([]);
    await page.close();
  });

  it('/proposition-1: both panels have the same time ticks at the same screen positions', async () => {
    const { page, problems } = await site.open('/proposition-1');
    await page.waitForSelector(`${ROUTES} [data-testid="plot"][data-series]`, { timeout: 30_000 });
    const axes = await page.$$eval(`${ROUTES} [data-testid="plot"] svg:has(g[aria-label="x-axis tick label"])`, (panels) =>
      panels.map((panel) =>
        Array.from(panel.querySelectorAll('g[aria-label="x-axis tick label"] text'), (text) => {
          const box = text.getBoundingClientRect();
          return { label: text.textContent, centre: box.x + box.width / 2 };
        }),
      ),
    );
    expect(axes).toHaveLength(2);
    expect(axes[0].length).toBeGreaterThanOrEqual(3);
    expect(axes[1].map((tick) => tick.label)).toEqual(axes[0].map((tick) => tick.label));
    axes[0].forEach((tick, index) => expect(Math.abs(axes[1][index].centre - tick.centre)).toBeLessThan(1));
    await page.locator(ROUTES).screenshot({ path: screenshotName('/proposition-1', '-panels') });
    expect(problems.console).toEqual([]);
    await page.close();
  });
});

describe('invalid input', () => {
  it('/corollary-2: "10, 8, abc" clears the plot, legend and readouts and names the field; a valid input brings them back', async () => {
    const { page, problems } = await site.open('/corollary-2');
    await settledReadout(page, EXPLORER);
    await page.waitForSelector(`${EXPLORER} [data-testid="plot"] svg`);
    await page.fill(`${EXPLORER} input[data-testid="eigenvalues"]`, '10, 8, abc');
    const error = page.locator(`${EXPLORER} p`, { hasText: '"abc" is not a number' });
    await error.waitFor({ timeout: 10_000 });
    expect(await error.textContent()).toMatch(/^eigenvalues of Y: .*enter numbers separated by commas/);
    // Nothing of the last valid input is left, even after its replies could have arrived.
    await page.waitForTimeout(1500);
    expect(await page.locator(`${EXPLORER} [data-testid="plot"] svg`).count()).toBe(0);
    expect(await page.getAttribute(`${EXPLORER} [data-testid="plot"]`, 'data-series')).toBeNull();
    expect(await page.locator(`${EXPLORER} ${READOUT}`).count()).toBe(0);
    expect(await page.locator(`${EXPLORER} [data-testid="hypotheses"]`).count()).toBe(0);
    expect(await page.locator(`${EXPLORER} [data-testid="windows-status"]`).count()).toBe(0);
    expect(await page.textContent(EXPLORER)).not.toMatch(/i = 1|α max =/);
    await page.locator(EXPLORER).screenshot({ path: screenshotName('/corollary-2', '-explorer-invalid') });
    await page.fill(`${EXPLORER} input[data-testid="eigenvalues"]`, '10, 8, 6');
    const settled = await settledReadout(page, EXPLORER);
    expect(settled.log10AlphaMax).not.toBeNull();
    await page.waitForSelector(`${EXPLORER} [data-testid="plot"] svg`);
    expect(await error.count()).toBe(0);
    expect(problems.console).toEqual([]);
    await page.close();
  });

  for (const { path, scope, field, value, message } of [
    { path: '/theorem-3', scope: RANK, field: 'seed', value: '-1', message: /^seed: must be a whole number/ },
    { path: '/proposition-1', scope: ROUTES, field: 'eta', value: '0', message: /^GD step η: must be a number > 0/ },
  ]) {
    it(`${path}: an invalid ${field} clears the plot and readouts and says how to fix it`, async () => {
      const { page, problems } = await site.open(path);
      await page.waitForSelector(`${scope} [data-testid="plot"] svg`, { timeout: 30_000 });
      await page.fill(`${scope} input[data-testid="${field}"]`, value);
      await page.locator(`${scope} p`, { hasText: message }).waitFor({ timeout: 10_000 });
      await page.waitForTimeout(1500);
      expect(await page.locator(`${scope} [data-testid="plot"] svg`).count()).toBe(0);
      expect(await page.locator(`${scope} [data-testid$="-readout"], ${scope} [data-testid="hypotheses"]`).count()).toBe(0);
      expect(problems.console).toEqual([]);
      await page.close();
    });
  }
});

describe('text around the explorers', () => {
  const EXPLORER_PAGES = ['/proposition-1', '/corollary-2', '/theorem-3', '/theorem-4', '/udv-model'];

  it('timings appear only inside closed "Performance" disclosures, and open on demand', async () => {
    for (const path of EXPLORER_PAGES) {
      const { page, problems } = await site.open(path);
      await page.waitForSelector('[data-testid="plot"][data-series]', { timeout: 60_000 });
      const timingTexts = await page.evaluate(() => {
        const timing = /\d\s*ms\b|input → plot|worker time/;
        const found: { text: string; inClosedDetails: boolean }[] = [];
        const walker = document.createTreeWalker(document.querySelector('article') ?? document.body, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
          const text = node.textContent ?? '';
          if (!timing.test(text)) continue;
          const details = node.parentElement?.closest('details');
          const inSummary = node.parentElement?.closest('summary') !== null;
          found.push({ text: text.trim(), inClosedDetails: details !== null && details !== undefined && !details.open && !inSummary });
        }
        return found;
      });
      expect(timingTexts.length, path).toBeGreaterThan(0);
      for (const entry of timingTexts) expect(entry, path).toMatchObject({ inClosedDetails: true });
      // Opening the component's disclosure shows a measured latency.
      const performance = page.locator('[data-testid="live-example"] [data-testid="performance"]').first();
      await performance.locator('summary').click();
      await expect.poll(() => performance.locator('[data-testid="timings"]').innerText()).toMatch(/\d+\.\d ms/);
      expect(problems.console).toEqual([]);
      await page.close();
    }
  });

  it('readouts and hypothesis lists are rendered by KaTeX, with no raw TeX or ASCII math left', async () => {
    for (const path of ['/corollary-2', '/theorem-3', '/theorem-4', '/proposition-1']) {
      const { page, problems } = await site.open(path);
      await page.waitForSelector('[data-testid="plot"][data-series]', { timeout: 60_000 });
      if (path !== '/proposition-1') await page.waitForSelector(`${READOUT}[data-pending="false"]`, { timeout: 60_000 });
      else await page.waitForSelector('[data-testid="route-readout"]', { timeout: 30_000 });
      const blocks = await page.$$eval('[data-testid="live-example"] [data-testid$="-readout"], [data-testid="live-example"] [data-testid="hypotheses"]', (elements) =>
        elements.map((element) => {
          const clone = element.cloneNode(true) as HTMLElement;
          const katex = clone.querySelectorAll('.katex').length;
          const errors = clone.querySelectorAll('.katex-error').length;
          clone.querySelectorAll('.katex').forEach((math) => math.remove());
          return { id: element.getAttribute('data-testid'), katex, errors, rest: clone.textContent ?? '' };
        }),
      );
      expect(blocks.length, path).toBeGreaterThanOrEqual(path === '/proposition-1' ? 1 : 2);
      for (const block of blocks) {
        expect(block.katex, `${path} ${block.id}`).toBeGreaterThan(0);
        expect(block.errors, `${path} ${block.id}`).toBe(0);
        expect(block.rest, `${path} ${block.id}`).not.toMatch(/\\|\^\{|_\{|sigma_|alpha_|c_eps|<=/);
      }
      expect(problems.console).toEqual([]);
      await page.close();
    }
  });
});
