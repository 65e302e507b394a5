/**
 * Issue 18's reader-facing prose: the verification findings on /initialization and /verification
 * typeset (KaTeX, no ASCII math) with the numbers of results/verify.json, every page's meta
 * description in plain words, and search for "Delta sign" leading with Theorem 4, its snippet
 * showing each formula once.
 *
 * The figures on the pages are compared with the sentences `factorflow verify` wrote into the same
 * file (the suites' own summaries), so the pages' aggregation is checked against an independent one.
 */
import { readFileSync } from 'node:fs';

import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { DESKTOP, PHONE, screenshotName, useSite } from './site.js';

const site = useSite();

interface SuiteJson {
  readonly suite: string;
  readonly findings: string[];
}
const report = JSON.parse(readFileSync(new URL('../../../results/verify.json', import.meta.url), 'utf8')) as { report: { suites: SuiteJson[] } };

/** The command's sentence of a suite that matches `pattern`, and its captures. */
function sentence(suite: string, pattern: RegExp): string[] {
  const findings = report.report.suites.find((result) => result.suite === suite)?.findings ?? [];
  for (const line of findings) {
    const found = line.match(pattern);
    if (found) return found.slice(1);
  }
  throw new Error(`no finding of ${suite} matches ${pattern}`);
}

/** Whether `value` rounds to the number the command printed, at the digits it printed. */
function agrees(value: number, printed: string): boolean {
  const digits = printed.replace(/e.*$/i, '').replace(/^[-+]?0*\.?0*/, '').replace('.', '').length;
  return Number(value.toPrecision(Math.max(1, digits))) === Number(printed);
}

/** ASCII math the command writes and a typeset page must not show as text. */
const ASCII_MATH = [/\\/, /\^\{/, /_\{/, /sigma_/, /alpha_max/, /Y_hat/, /\|\|/, /M_hat/, /eps\b/];

/** The container's text outside KaTeX's output: what a reader sees as prose. */
async function proseText(container: Locator): Promise<string> {
  return container.evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.katex').forEach((math) => math.remove());
    return copy.textContent ?? '';
  });
}

async function figure(scope: Locator, name: string): Promise<number> {
  return Number(await scope.locator(`[data-figure="${name}"]`).first().getAttribute('data-value'));
}

async function count(scope: Locator, name: string): Promise<number> {
  return Number(await scope.locator(`[data-figure="${name}"]`).first().innerText());
}

const FINDINGS: Readonly<Record<string, readonly string[]>> = {
  '/initialization': ['findings-random-init', 'findings-rank-deficient'],
  '/verification': ['findings-routes', 'findings-theorems', 'findings-necessity'],
};

async function checkTypeset(page: Page, path: string, width: number): Promise<void> {
  for (const id of FINDINGS[path]) {
    const container = page.locator(`[data-testid="${id}"]`);
    expect(await container.count(), `${path} ${id}`).toBe(1);
    expect(await container.locator('.katex').count(), `${path} ${id} has math`).toBeGreaterThan(3);
    expect(await container.locator('.katex-error').count(), `${path} ${id}`).toBe(0);
    const text = await proseText(container);
    for (const pattern of ASCII_MATH) expect(text, `${path} ${id} shows ${pattern} as text`).not.toMatch(pattern);
    await container.screenshot({ path: screenshotName(path, `-${id}-${width}`) });
  }
  expect(await page.locator('details').filter({ hasText: 'as the command prints them' }).count(), `${path} has no CLI-text block`).toBe(0);
}

describe('the findings are typeset', () => {
  for (const path of Object.keys(FINDINGS)) {
    it(`${path}: rendered math, no ASCII math, screenshots at 1280 and 390 px`, async () => {
      for (const viewport of [DESKTOP, PHONE]) {
        const { page, problems } = await site.open(path, viewport);
        await checkTypeset(page, path, viewport.width);
        // Nothing wider than the page: wide tables scroll inside the column.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${path} at ${viewport.width} px`).toBeLessThanOrEqual(0);
        await page.screenshot({ path: screenshotName(path, `-prose-${viewport.width}`), fullPage: true });
        expect(problems.console).toEqual([]);
        expect(problems.failed).toEqual([]);
        await page.close();
      }
    });
  }
});

describe('the findings show the numbers of results/verify.json', () => {
  it('/initialization: random-init and rank-deficient agree with the suites\' own summaries', async () => {
    const { page } = await site.open('/initialization');
    const random = page.locator('[data-testid="findings-random-init"]');
    const [successes, checked] = sentence('random-init', /held on (\d+)\/(\d+) fresh draws/).map(Number);
    expect(await count(random, 'successes')).toBe(successes);
    expect(await count(random, 'checked')).toBe(checked);
    const [covered, coveredSuccesses] = sentence('random-init', /(\d+) draws had M_hat <= M_0\.9 .*: (\d+)\/\d+ succeeded/).map(Number);
    expect(await count(random, 'covered')).toBe(covered);
    expect(await count(random, 'coveredSuccesses')).toBe(coveredSuccesses);
    const [ratio, uncoveredSuccesses, uncovered, worstUncovered] = sentence('random-init', /up to (\S+)x M_0\.9\): (\d+)\/(\d+) succeeded anyway \(worst slack (\S+)\)/);
    expect(agrees(await figure(random, 'largestUncoveredRatio'), ratio)).toBe(true);
    expect(await count(random, 'uncoveredSuccesses')).toBe(Number(uncoveredSuccesses));
    expect(await count(random, 'uncovered')).toBe(Number(uncovered));
    expect(agrees(await figure(random, 'worstUncoveredSlack'), worstUncovered)).toBe(true);
    const [worstCovered] = sentence('random-init', /on covered draws: (\S+) \(/);
    expect(agrees(await figure(random, 'worstCoveredSlack'), worstCovered)).toBe(true);

    // Edelman's limit as the suite quotes it ("q90 ~ 99 n and q99 ~ 1.0e4 n"), against the table's column for r = n.
    const [q90PerN, q99PerN] = sentence('random-init', /predicts q90 ~ (\S+) n and q99 ~ (\S+) n/);
    const squares = await page.locator('[data-testid="random-init-table"] tbody tr').evaluateAll((rows) =>
      rows.map((row) => Array.from(row.querySelectorAll('td'), (cell) => cell.textContent ?? '')).filter((cells) => cells[0] === cells[1]),
    );
    expect(squares.length).toBeGreaterThan(3);
    for (const cells of squares) {
      const [q90, q99] = cells[5].split(',').map((text: string) => Number(text.trim()) / Number(cells[0]));
      expect(agrees(q90, q90PerN), `n = ${cells[0]}: ${cells[5]}`).toBe(true);
      expect(agrees(q99, q99PerN), `n = ${cells[0]}: ${cells[5]}`).toBe(true);
    }

    const deficient = page.locator('[data-testid="findings-rank-deficient"]');
    const [aboveR, instances] = sentence('rank-deficient', /windows for some k > r: (\d+) of (\d+) instances/).map(Number);
    expect(await count(deficient, 'aboveR')).toBe(aboveR);
    expect(await count(deficient, 'instances')).toBe(instances);
    const [rankOneFree, rankOne] = sentence('rank-deficient', /^r = 1: .* in (\d+)\/(\d+) instances/).map(Number);
    expect(await count(deficient, 'rankOneUnconstrained')).toBe(rankOneFree);
    expect(await count(deficient, 'rankOne')).toBe(rankOne);
    for (const [name, pattern] of [
      ['range', /M_range .* in (\d+)\/(\d+) constrained instances \(median margin 10\^(\S+), smallest 10\^(\S+)\)/],
      ['top', /^with M_top .* in (\d+)\/(\d+) \(median margin 10\^(\S+), smallest 10\^(\S+)\)/],
    ] as const) {
      const [below, total, medianMargin, smallest] = sentence('rank-deficient', pattern);
      expect(await count(deficient, `${name}.below`)).toBe(Number(below));
      expect(await count(deficient, `${name}.count`)).toBe(Number(total));
      expect((await figure(deficient, `${name}.median`)).toFixed(1)).toBe(medianMargin);
      expect((await figure(deficient, `${name}.min`)).toFixed(1)).toBe(smallest);
    }
    await page.close();
  });

  it('/verification: routes, theorems and hypothesis searches agree with the suites\' own summaries', async () => {
    const { page } = await site.open('/verification');
    const routes = page.locator('[data-testid="findings-routes"]');
    const [gdMedian, gdLow, gdHigh] = sentence('proposition-1', /median (\S+) \(range (\S+)-(\S+)\)/);
    expect(agrees(await figure(routes, 'gdRatio.median'), gdMedian)).toBe(true);
    expect(agrees(await figure(routes, 'gdRatio.min'), gdLow)).toBe(true);
    expect(agrees(await figure(routes, 'gdRatio.max'), gdHigh)).toBe(true);
    const [odeMedian, odeWorst] = sentence('proposition-1', /vs ODE: median (\S+), worst (\S+) of/);
    expect(agrees(await figure(routes, 'odeError.median'), odeMedian)).toBe(true);
    expect(agrees(await figure(routes, 'odeError.max'), odeWorst)).toBe(true);
    const [cor2Median] = sentence('corollary-2', /median deviation (\S+) of/);
    expect(agrees(await figure(routes, 'cor2Error.median'), cor2Median)).toBe(true);

    const theorems = page.locator('[data-testid="findings-theorems"]');
    for (const name of ['theorem-3', 'theorem-4']) {
      const [windowRatio] = sentence(name, /a median (\S+)x the length/);
      const [alphaRatio] = sentence(name, /is a median (\S+)x alpha_max/);
      expect(agrees(await figure(theorems, `${name}.windowRatio`), windowRatio), name).toBe(true);
      expect(agrees(await figure(theorems, `${name}.alphaRatio`), alphaRatio.replace('e+', 'e')), name).toBe(true);
    }

    const necessity = page.locator('[data-testid="findings-necessity"]');
    const lines = report.report.suites.find((result) => result.suite === 'hypothesis-necessity')!.findings;
    expect(await necessity.locator('tbody tr').count()).toBe(lines.length);
    for (const line of lines) {
      const id = line.slice(0, line.indexOf(':'));
      const result = necessity.locator(`tr[data-search="${id}"] td[data-found]`);
      const needed = line.includes(': NEEDED');
      expect(Number(await result.getAttribute('data-found')) > 0, id).toBe(needed);
      if (!needed) {
        const [tries, worst] = line.match(/no counterexample in (\d+) tries .* on the I_k (\S+?)[,)]/)!.slice(1);
        expect(Number(await result.getAttribute('data-tries')), id).toBe(Number(tries));
        expect(agrees(await figure(necessity, `${id}.worstRatio`), worst), id).toBe(true);
      }
      expect(await necessity.locator(`li[data-counterexample="${id}"]`).count(), id).toBe(needed ? 1 : 0);
    }
    await page.close();
  });
});

describe('meta descriptions', () => {
  it('every page has a plain-text description and og:description, with no TeX', async () => {
    const sitemap = await (await fetch(`${site.origin}/sitemap.xml`)).text();
    const paths = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]).pathname);
    expect(paths.length).toBeGreaterThan(200);
    const bad: string[] = [];
    for (const path of paths) {
      const html = await (await fetch(`${site.origin}${path}`)).text();
      const description = (attribute: string) => {
        const tag = html.match(new RegExp(`<meta[^>]*${attribute}[^>]*>`))?.[0] ?? '';
        return tag.match(/content=(?:"([^"]*)"|([^\s>]+))/)?.slice(1).find((value) => value !== undefined);
      };
      for (const [name, text] of [['description', description('name="?description"?')], ['og:description', description('property="?og:description"?')]]) {
        // The search plugin's results page is an app, not an article: it has nothing to describe.
        if (text === undefined || text.trim() === '') {
          if (path !== '/search') bad.push(`${path}: no ${name}`);
        }
        else if (/\\|\$|\^\{|_\{/.test(text)) bad.push(`${path}: ${name} "${text}"`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('/theorem-4 describes its first paragraph in words and Unicode math', async () => {
    const { page } = await site.open('/theorem-4');
    const description = await page.locator('meta[name="description"]').getAttribute('content');
    expect(description).toBe('A general initialization U(0) = α^(1/2)Ū₀ no longer decouples the dynamics:');
    await page.close();
  });
});

describe('search', () => {
  it('"Delta sign": the first hit is /theorem-4, and no snippet repeats a formula', async () => {
    const { page, problems } = await site.open('/');
    const input = page.locator('input.navbar__search-input');
    await input.click();
    await input.pressSequentially('Delta sign', { delay: 30 });
    const first = page.locator('[role="option"]').first();
    await first.waitFor({ timeout: 30_000 });
    await page.screenshot({ path: screenshotName('/', '-prose-search-Delta-sign') });
    expect(await first.innerText()).toContain('Theorem 4');
    await first.click();
    await page.waitForURL((url) => url.pathname === '/theorem-4', { timeout: 30_000 });

    // The full results page shows each hit's snippet: the TeX source once, not KaTeX's glyphs beside it.
    const results = await site.open('/search?q=Delta%20sign');
    const hits = results.page.locator('article[class*="searchResultItem"]');
    await hits.first().waitFor({ timeout: 30_000 });
    expect(new URL((await hits.first().locator('a').first().getAttribute('href')) ?? '', site.origin).pathname).toBe('/theorem-4');
    const texts = await hits.allInnerTexts();
    expect(texts[0]).toContain('\\Delta');
    for (const text of texts) {
      // KaTeX's glyphs (Δ, Σ) beside the TeX, or the TeX twice in a row, is the duplication.
      expect(text, text).not.toMatch(/[ΔΣα]/);
      expect(text, text).not.toMatch(/(\\[A-Za-z]\S{6,})\s*\1/);
    }
    await results.page.screenshot({ path: screenshotName('/search', '-prose-Delta-sign'), fullPage: true });
    expect(problems.console).toEqual([]);
    expect(results.problems.console).toEqual([]);
    await results.page.close();
    await page.close();
  });
});
