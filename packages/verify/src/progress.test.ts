import { describe, expect, it } from 'vitest';

import { progressReporter } from './progress.js';

function recorder(isTTY: boolean) {
  const written: string[] = [];
  return { stream: { isTTY, write: (text: string) => written.push(text) }, written };
}

describe('progressReporter', () => {
  it('redraws one bar in place on a terminal and ends the line when done', () => {
    const { stream, written } = recorder(true);
    const report = progressReporter(stream);
    report(0, 8);
    report(4, 8);
    report(8, 8);
    expect(written[0]).toBe(`\r[${' '.repeat(30)}] 0/8 instances`);
    expect(written[1]).toBe(`\r[${'#'.repeat(15)}${' '.repeat(15)}] 4/8 instances`);
    expect(written[2]).toBe(`\r[${'#'.repeat(30)}] 8/8 instances`);
    expect(written.slice(3)).toEqual(['\n']);
    expect(written.slice(0, 3).every((text) => !text.includes('\n'))).toBe(true);
  });

  it('writes one plain line per quarter when not a terminal', () => {
    const { stream, written } = recorder(false);
    const report = progressReporter(stream);
    for (let done = 1; done <= 100; done++) report(done, 100);
    expect(written).toEqual(['verify: 1/100 instances\n', 'verify: 25/100 instances\n', 'verify: 50/100 instances\n', 'verify: 75/100 instances\n', 'verify: 100/100 instances\n']);
  });
});
