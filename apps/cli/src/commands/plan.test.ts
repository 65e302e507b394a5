import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { incrementalLearningReport, spectralInit } from '@factorflow/core';

import { readMatrixFile } from '../matrixFile/index.js';
import { formatPlan } from './plan.js';

const examples = (name: string): string => fileURLToPath(new URL(`../../examples/${name}`, import.meta.url));
const Y = readMatrixFile(examples('Y.json'), '--Y');
const U0 = readMatrixFile(examples('U0.json'), '--U0');
const epsilon = 0.5;

describe('formatPlan', () => {
  it('shows the example files at alpha_max: Theorem 4, the binding separation, a table with every I_k inside', () => {
    const text = formatPlan(incrementalLearningReport({ Y, U0bar: U0, epsilon }));
    expect(text).toContain('Theorem 4 (general initialization');
    expect(text).toContain('alpha_max = 1.382e-29');
    expect(text).toContain('[FAILS] alpha-separation');
    expect(text).toContain('all hold except the strict separation');
    expect(text).toContain('U0 is not a spectral initialization');
    expect(text).toContain("at alpha = 1.382e-29 (Theorem 4's alpha_max)");
    const rows = text.split('\n').filter((line) => /^ {2}[1-5] {2}/.test(line));
    expect(rows).toHaveLength(5);
    for (const row of rows) expect(row.trimEnd().endsWith('yes')).toBe(true);
    expect(rows[4]).toMatch(/\[[\d.]+, inf\).*\[[\d.]+, inf\)/);
    expect(rows.filter((row) => row.includes('point I_k'))).toHaveLength(1);
    expect(text).not.toMatch(/NaN|undefined|null/);
  });

  it('shows constants below the doubles as e^(their logarithm), never as 0 (a huge U0bar)', () => {
    // U0bar = diag(1e100, 1e99): M = 1e200, c_eps = eps / (16 M^2) = e^-924.5 and alpha_max = c^2 / C = e^-2774.9
    // (rho = 1/2) are no doubles; alpha_max and the plan's alpha printed as 0 before.
    const report = incrementalLearningReport({ Y: [[2, 0], [0, 1]], U0bar: [[1e100, 0], [0, 1e99]], epsilon: 0.5 });
    const text = formatPlan(report);
    const logc = Math.log(0.5 / 16) - 400 * Math.LN10;
    const logC = Math.log(16 * 4 / 0.5) + 400 * Math.LN10;
    expect(report.theorem4.logAlphaMax).toBeCloseTo(2 * logc - logC, 8);
    expect(text).toContain(`c_eps = e^${logc.toFixed(3)}`);
    expect(text).toContain(`alpha_max = e^${(2 * logc - logC).toFixed(2)} (ln = ${(2 * logc - logC).toFixed(2)})`);
    expect(text).toContain(`hypotheses at alpha = e^${(2 * logc - logC).toFixed(2)}: all hold except the strict separation`);
    expect(text).not.toMatch(/= 0[ ,(:]|= 0$/m);
    expect(report.notMeasured).toMatch(/alpha_max = exp\(-2774\.\d+\) is below the normal doubles/);
  });

  it('puts Theorem 3 beside Theorem 4 for a spectral initialization', () => {
    const spectral = spectralInit(Y, [1, 0.5, 2, 1.5, 0.8], 1).to2DArray();
    const text = formatPlan(incrementalLearningReport({ Y, U0bar: spectral, epsilon }));
    expect(text).toContain('I_k (Thm 3)');
    expect(text).toContain('U0 is a spectral initialization');
    expect(text).toMatch(/sigma_\{i,0\} = 1\.000, 0\.5000, 2\.000, 1\.500, 0\.8000/);
    expect(text).toContain('yes / yes');
  });

  it('names the failing hypothesis and why nothing was measured, or the measured windows at a given alpha', () => {
    const narrow = U0.map((row) => row.slice(0, 3));
    const unmeasured = formatPlan(incrementalLearningReport({ Y, U0bar: narrow, epsilon }));
    expect(unmeasured).toContain('[FAILS] init-invertible');
    expect(unmeasured).toContain('M = max(||V||, ||V^{-1}||), V = (Phi^T U0bar U0bar^T Phi)^{-1}: undefined (W0~ singular)');
    expect(unmeasured).toMatch(/^Measured windows: none\. no alpha to measure at: /m);
    const measured = formatPlan(incrementalLearningReport({ Y, U0bar: narrow, epsilon, alpha: 1e-20 }));
    expect(measured).toContain('at alpha = 1.000e-20 (given by --alpha)');
    expect(measured).toMatch(/^ {2}5 .*none/m);
  });

  it('shows M and the constants beyond the doubles as e^(log), and the conditioning warning of the measured windows', () => {
    // M = 1 / sigma_min(U0bar)^2 = 1e310: ln M = 713.80, ln c_eps = ln(eps / 16) - 2 ln M = -1431.07,
    // ln C_eps = ln(16 sigma_1^2 / eps) + 2 ln M = 1432.45 (U0bar stays invertible to rounding: 1e-155 / 1e-142).
    const huge = formatPlan(incrementalLearningReport({ Y: [[2, 0], [0, 1]], U0bar: [[1e-142, 0], [0, 1e-155]], epsilon, alpha: 1e-6 }));
    expect(huge).toMatch(/V = \(Phi\^T U0bar U0bar\^T Phi\)\^\{-1\}: e\^713\.80/);
    expect(huge).toMatch(/c_eps = e\^-1431\.07 +C_eps = e\^1432\.45/);
    expect(huge).not.toMatch(/NaN|Infinity|undefined|null/);
    const c = Math.SQRT1_2;
    const aligned = [
      [c * 1e-20, -c],
      [c * 1e-20, c],
    ];
    const warned = formatPlan(incrementalLearningReport({ Y: [[1.5, 0.5], [0.5, 1.5]], U0bar: aligned, epsilon, alpha: 1e-6 }));
    expect(warned.split('\n').at(-1)).toMatch(/^ {2}warning: W0 may have components of up to .* lambda = 2\.000/);
    expect(formatPlan(incrementalLearningReport({ Y, U0bar: U0, epsilon }))).not.toContain('warning');
  });
});
