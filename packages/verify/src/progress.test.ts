import { describe, expect, it } from 'vitest';

import { progressReporter } from './progress.js';

// The reporter's mechanics are tested in @factorflow/harness; here, verify's wording.
describe('progressReporter', () => {
  it('counts instances, and labels the plain lines verify', () => {
    const written: string[] = [];
    const plain = progressReporter({ isTTY: false, write: (text: string) => written.push(text) });
    for (let done = 1; done <= 4; done++) plain(done, 4);
    expect(written).toEqual(['verify: 1/4 instances\n', 'verify: 2/4 instances\n', 'verify: 3/4 instances\n', 'verify: 4/4 instances\n']);
    const terminal: string[] = [];
    progressReporter({ isTTY: true, write: (text: string) => terminal.push(text) })(2, 4);
    expect(terminal).toEqual([`\r[${'#'.repeat(15)}${' '.repeat(15)}] 2/4 instances`]);
  });
});
