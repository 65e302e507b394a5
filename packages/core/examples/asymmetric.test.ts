import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const source = readFileSync(new URL('./asymmetric.ts', import.meta.url), 'utf8');

describe('README: the asymmetric example', () => {
  it('is the code of examples/asymmetric.ts, verbatim (up to its final export line)', () => {
    expect(readme).toContain(source.slice(0, source.lastIndexOf('\nexport {')).trim());
  });

  it('runs, and what its comment says is true', async () => {
    const { singularValuesX } = await import('./asymmetric.js');
    const [, middle, late] = singularValuesX;
    // At t = 5 the top value is learned and the second is still small; by t = 20 both are.
    expect(middle[0]).toBeCloseTo(3, 3);
    expect(middle[1]).toBeLessThan(0.01);
    expect(late[0]).toBeCloseTo(3, 8);
    expect(late[1]).toBeCloseTo(1, 3);
  });
});
