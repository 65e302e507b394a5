import { describe, expect, it } from 'vitest';

import { textTable } from './table.js';

describe('textTable', () => {
  it('pads every column to its widest cell, two spaces apart, with a rule under the header', () => {
    const text = textTable(['id', 'verdict', 'time'], [
      ['thm3.19.eq2', 'holds-as-inequality', '0.4 s'],
      ['cor2', 'holds', '12.0 s'],
    ]);
    expect(text.split('\n')).toEqual([
      'id           verdict              time',
      '-----------  -------------------  ------',
      'thm3.19.eq2  holds-as-inequality  0.4 s',
      'cor2         holds                12.0 s',
    ]);
  });

  it('trims trailing spaces, so a short last column or an empty cell leaves none', () => {
    const lines = textTable(['name', 'note'], [['a', ''], ['b', 'long note']]).split('\n');
    expect(lines[2]).toBe('a');
    expect(lines.every((line) => line === line.trimEnd())).toBe(true);
  });

  it('indents every line, the rule included', () => {
    expect(textTable(['k', 'window'], [['1', '[0.5, inf)']], { indent: 2 })).toBe('  k  window\n  -  ----------\n  1  [0.5, inf)');
  });

  it('gives a header and rule alone for no rows', () => {
    expect(textTable(['suite', 'cpu s'], [])).toBe('suite  cpu s\n-----  -----');
  });

  it('rejects a row whose cell count differs from the header', () => {
    expect(() => textTable(['a', 'b'], [['1', '2'], ['3']])).toThrow(/row 1 has 1 cells, the header 2/);
  });
});
