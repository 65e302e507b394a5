import { describe, expect, it } from 'vitest';

import { FactorflowInputError } from '@factorflow/core';

import { thrown } from '../testing/errors.js';
import { TimesFormatError, parseTimes } from './times.js';

const timesFailure = (text: string): TimesFormatError => thrown(() => parseTimes(text), TimesFormatError);

describe('parseTimes', () => {
  it('parses a comma-separated list in the given order', () => {
    expect(parseTimes('0,0.5,1')).toEqual([0, 0.5, 1]);
    expect(parseTimes(' 4 , 1,2.5e-1 ')).toEqual([4, 1, 0.25]);
    expect(parseTimes('2')).toEqual([2]);
  });

  it('parses linspace(a,b,n) with both ends exact', () => {
    expect(parseTimes('linspace(0,10,5)')).toEqual([0, 2.5, 5, 7.5, 10]);
    const times = parseTimes('linspace( 0.1 , 0.7 , 7 )');
    expect(times).toHaveLength(7);
    expect(times[0]).toBe(0.1);
    expect(times[6]).toBe(0.7);
    for (let i = 1; i < 7; i++) expect(times[i] - times[i - 1]).toBeCloseTo(0.1, 14);
    expect(parseTimes('linspace(3,3,1)')).toEqual([3]);
    expect(parseTimes('linspace(0,10,50)')).toHaveLength(50);
  });

  it('rejects anything else and shows the accepted forms', () => {
    const cases: [string, string][] = [
      ['', 'no times given'],
      ['0,,1', 'item 2 of the list is empty'],
      ['0,1,', 'item 3 of the list is empty'],
      ['1,-2', 'item 2, -2 is negative'],
      ['0 1 2', 'item 1, "0 1 2" is not a decimal number'],
      ['1,NaN', 'item 2, "NaN" is not finite'],
      ['0..1', 'is not a decimal number'],
      ['linspace(0,1)', 'linspace takes 3 arguments (a, b, n), got 2'],
      ['linspace(0,1,2.5)', 'the count n = "2.5" must be an integer'],
      ['linspace(0,1,0)', 'must be an integer from 1 to 100000'],
      ['linspace(-1,1,3)', 'start a = -1 is negative'],
      ['logspace(0,1,3)', 'unknown function'],
    ];
    for (const [text, reason] of cases) {
      const error = timesFailure(text);
      expect(error).toBeInstanceOf(FactorflowInputError);
      expect(error.argument).toBe('--times');
      expect(error.text).toBe(text);
      expect(error.message).toContain(`--times: cannot read "${text}": `);
      expect(error.message).toContain(reason);
      expect(error.message).toContain('"0,0.5,1"');
      expect(error.message).toContain('"linspace(a,b,n)"');
    }
  });
});
