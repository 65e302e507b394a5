import { describe, expect, it } from 'vitest';

import { planToJson } from './planJson.js';
import { theorem3Plan } from './theorem3.js';
import { theorem4Plan } from './theorem4.js';

const roundTrip = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('planToJson', () => {
  it('round-trips a Theorem 3 plan through JSON, the unbounded end of I_K as null and every other field as in the plan', () => {
    const plan = theorem3Plan({ sigmaY: [10, 8, 6], sigma0: [1, 1, 1], epsilon: 0.5, alpha: 1e-20 });
    const json = planToJson(plan);
    expect(roundTrip(json)).toEqual(json);
    expect(JSON.stringify(json)).not.toMatch(/Infinity|NaN|"0":/);
    expect(json.sigmaY).toEqual([10, 8, 6]);
    expect(json.intervals.map((interval) => interval.end)).toEqual([plan.intervals[0].end, plan.intervals[1].end, null]);
    expect(plan.intervals[2].end).toBe(Number.POSITIVE_INFINITY);
    expect(json.intervals.map(({ k, start, nonEmpty }) => ({ k, start, nonEmpty }))).toEqual(
      plan.intervals.map(({ k, start, nonEmpty }) => ({ k, start, nonEmpty })),
    );
    expect(json.hypotheses).toEqual(plan.hypotheses);
    expect('M' in json).toBe(false);
  });

  it('keeps M and the field order of a Theorem 4 plan, M last', () => {
    const plan = theorem4Plan({ Y: [[4, 0], [0, 1]], U0bar: [[1, 0.2], [0, 1]], epsilon: 0.5 });
    const json = planToJson(plan);
    expect(json.theorem).toBe(4);
    expect(json.M).toBe(plan.M);
    expect(Object.keys(json)).toEqual([
      'theorem',
      'epsilon',
      'sigmaY',
      'cEpsilon',
      'CEpsilon',
      'logcEpsilon',
      'logCEpsilon',
      'separationRatio',
      'alphaMax',
      'logAlphaMax',
      'alphaMaxAttained',
      'alpha',
      'logAlpha',
      'hypotheses',
      'hypothesesHold',
      'intervals',
      'M',
      'logM',
    ]);
    expect(roundTrip(json)).toEqual(json);
  });

  it('converts a plan whose hypotheses fail for every alpha: nulls where the plan has them, no intervals', () => {
    const plan = theorem4Plan({ Y: [[4, 0], [0, 1]], U0bar: [[1], [0]], epsilon: 0.5 });
    const json = planToJson(plan);
    expect(json.M).toBeNull();
    expect(json.alphaMax).toBeNull();
    expect(json.intervals).toEqual([]);
    expect(roundTrip(json)).toEqual(json);
  });
});
