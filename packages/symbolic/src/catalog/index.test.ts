import { describe, expect, it } from 'vitest';

import { catalog, theoremHypotheses } from './index.js';

describe('the catalog', () => {
  it('has unique ids and complete descriptions', () => {
    const ids = catalog.map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const entry of catalog) {
      expect(entry.statement.length, entry.id).toBeGreaterThan(0);
      expect(entry.title.length, entry.id).toBeGreaterThan(0);
      expect(entry.section, entry.id).toMatch(/^II|^III|^IV$/);
    }
  });

  it('covers every equation and proof step of Sections II-III', () => {
    const equations = new Set(catalog.map((entry) => entry.equation));
    const required = ['(2)', '(3)', 'Prop. 1, (5)-(6)', 'Prop. 1, (5)', '(7)-(8)', '(8)-(9)', '(6)', '(12)', '(13)', '(12)-(13)', '(14)', '(15)', '(16)', '(17)-(18)', '(19), =(15)', '(19), second =', '(19), first (*)', '(19), second (*)', '(19), (star)', '(20), first (*)', '(20), (star)', '(21)', '(24)', '(25)', 'H11, definition of Delta', '(a)', '(b)', '(c)', '(26)-(27), for (23)', '(28)', '(29)', '(30)', 'Remark III-C2'];
    for (const equation of required) expect(equations.has(equation), equation).toBe(true);
    for (const id of ['prop1.closed-form.n2', 'prop1.closed-form.n3', 'prop1.G.limit', 'prop1.G.sign', 'cor2.monotone', 'thm3.16.nonempty', 'thm3.alpha-max'])
      expect(catalog.some((entry) => entry.id === id), id).toBe(true);
  });

  it('names only known theorem hypotheses in `uses`', () => {
    const known = new Set(theoremHypotheses.map((hypothesis) => hypothesis.id));
    for (const entry of catalog) for (const used of entry.uses ?? []) expect(known.has(used), `${entry.id} uses '${used}'`).toBe(true);
  });
});
