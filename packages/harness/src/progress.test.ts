import { describe, expect, it } from 'vitest';

import { progressReporter } from './progress.js';

function recorder(isTTY: boolean) {
  const written: string[] = [];
  return { stream: { isTTY, write: (text: string) => written.push(text) }, written };
}

describe('progressReporter', () => {
  it('redraws one bar in place on a terminal and ends the line when done', () => {
    const { stream, written } = recorder(true);
    const report = progressReporter(stream, { label: 'run', unit: 'chunks' });
    report(0, 8);
    report(4, 8);
    report(8, 8);
    expect(written[0]).toBe(`\r[${' '.repeat(30)}] 0/8 chunks`);
    expect(written[1]).toBe(`\r[${'#'.repeat(15)}${' '.repeat(15)}] 4/8 chunks`);
    expect(written[2]).toBe(`\r[${'#'.repeat(30)}] 8/8 chunks`);
    expect(written.slice(3)).toEqual(['\n']);
    expect(written.slice(0, 3).every((text) => !text.includes('\n'))).toBe(true);
  });

  it('writes one labelled line per quarter when not a terminal', () => {
    const { stream, written } = recorder(false);
    const report = progressReporter(stream, { label: 'run', unit: 'chunks' });
    for (let done = 1; done <= 100; done++) report(done, 100);
    expect(written).toEqual(['run: 1/100 chunks\n', 'run: 25/100 chunks\n', 'run: 50/100 chunks\n', 'run: 75/100 chunks\n', 'run: 100/100 chunks\n']);
  });

  it('keeps one line per quarter when counts jump past several quarters', () => {
    const { stream, written } = recorder(false);
    const report = progressReporter(stream, { label: 'run', unit: 'items' });
    report(3, 10);
    report(9, 10);
    report(10, 10);
    expect(written).toEqual(['run: 3/10 items\n', 'run: 9/10 items\n', 'run: 10/10 items\n']);
  });
});
