import { describe, expect, it } from 'vitest';

import { progressReporter } from './progress.js';

/** Everything a reporter writes when called with each of `counts` out of `total`, in order. */
function writes(isTTY: boolean, unit: string, counts: readonly number[], total: number): string[] {
  const written: string[] = [];
  const report = progressReporter({ isTTY, write: (text: string) => written.push(text) }, { label: 'run', unit });
  for (const done of counts) report(done, total);
  return written;
}

describe('progressReporter', () => {
  it('redraws one bar in place on a terminal and ends the line when done', () => {
    const written = writes(true, 'chunks', [0, 4, 8], 8);
    expect(written[0]).toBe(`\r[${' '.repeat(30)}] 0/8 chunks`);
    expect(written[1]).toBe(`\r[${'#'.repeat(15)}${' '.repeat(15)}] 4/8 chunks`);
    expect(written[2]).toBe(`\r[${'#'.repeat(30)}] 8/8 chunks`);
    expect(written.slice(3)).toEqual(['\n']);
    expect(written.slice(0, 3).every((text) => !text.includes('\n'))).toBe(true);
  });

  it('writes one labelled line per quarter when not a terminal', () => {
    const counts = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(writes(false, 'chunks', counts, 100)).toEqual(['run: 1/100 chunks\n', 'run: 25/100 chunks\n', 'run: 50/100 chunks\n', 'run: 75/100 chunks\n', 'run: 100/100 chunks\n']);
  });

  it('keeps one line per quarter when counts jump past several quarters', () => {
    expect(writes(false, 'items', [3, 9, 10], 10)).toEqual(['run: 3/10 items\n', 'run: 9/10 items\n', 'run: 10/10 items\n']);
  });
});
