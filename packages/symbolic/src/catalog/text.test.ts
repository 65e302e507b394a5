/**
 * The catalog's notes and scopes are prose with inline math between `$...$` (rendered by KaTeX on
 * /errata and beside the equations): no ASCII math outside the formulas, every `$` paired, and every
 * formula one KaTeX parses. Titles stay one-line ASCII for the terminal table and are not checked.
 */
import katex from 'katex';
import { describe, expect, it } from 'vitest';

import { catalog } from './index.js';

/** The ASCII math apps/docs/test/errata.test.ts rejects on /errata: `sigma1^2`, a product `*`, a subscript `_{`. */
const ASCII_MATH = /[A-Za-z0-9)]\^[({0-9]|\*|_\{/;
/**
 * Further ASCII math the catalog used before its text became TeX: comparisons, spelled-out Greek
 * letters (not inside an entry id such as `reading.16.IK.infinity`), `x_i` subscripts, `^T` transposes.
 */
const ASCII_WORDS = /<=|>=|!=|\+-|\^T\b|(?<![.\w])(alpha|sigma|lambda|Sigma|Phi|eps|sqrt|infinity)\b|\b[A-Za-z]+_[A-Za-z0-9]/;

const fields = catalog.flatMap((entry) =>
  (['notes', 'scope'] as const).flatMap((field) => {
    const text = entry[field];
    return text === undefined ? [] : [{ where: `${entry.id}.${field}`, text }];
  }),
);
/** Even-indexed parts of the split are prose, odd-indexed ones the formulas. */
const prose = (text: string) => text.split('$').filter((_, index) => index % 2 === 0);
const formulas = (text: string) => text.split('$').filter((_, index) => index % 2 === 1);

describe('catalog notes and scopes as text with TeX', () => {
  it('covers the notes and scopes of the whole catalog', () => {
    expect(fields.length).toBeGreaterThan(100);
  });

  it('pairs every $', () => {
    for (const { where, text } of fields) expect(text.split('$').length % 2, `${where}: ${text}`).toBe(1);
  });

  it('leaves no ASCII math outside the formulas', () => {
    const ascii = fields.filter(({ text }) => prose(text).some((part) => ASCII_MATH.test(part) || ASCII_WORDS.test(part)));
    expect(ascii.map(({ where, text }) => `${where}: ${text}`)).toEqual([]);
  });

  it('writes formulas KaTeX parses', () => {
    for (const { where, text } of fields)
      for (const formula of formulas(text)) {
        expect(formula.trim(), `${where}: empty formula`).not.toBe('');
        expect(() => katex.renderToString(formula, { throwOnError: true, strict: 'error' }), `${where}: ${formula}`).not.toThrow();
      }
  });

  it('the checks themselves reject what they should', () => {
    expect('sigma_{l,Y} - alpha').toMatch(ASCII_MATH);
    expect('0 * infinity').toMatch(ASCII_MATH);
    expect('S^{-1}').toMatch(ASCII_MATH);
    expect('alpha <= c_eps').toMatch(ASCII_WORDS);
    expect(prose('the max in $c_\\varepsilon$ over $i \\le K$').join('')).not.toMatch(ASCII_WORDS);
    expect(() => katex.renderToString('\\frac{1}{', { throwOnError: true })).toThrow();
  });
});
