/**
 * The certificates against an independent high-precision reference (scripts/certified_reference.py:
 * the literal closed form of Proposition 1 in mpmath, windows located to 1e-25, dense samples of
 * ||W(t) - Y_hat_k||_2 on both sides of every window end). A certified interval reaching past a true
 * window end, or a sample above epsilon inside a certified interval, is a bug. The rotated cases
 * (Y = Q diag Q^T stored as doubles, decomposed by mpmath at the reference's precision) go through
 * the verified eigenbasis; they are held to the same coverage as the diagonal ones.
 */
import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { certifiedWindows } from './certifiedWindows.js';
import { certifyWindow } from './certifyWindow.js';

interface ReferenceRank {
  readonly k: number;
  /** [start, end] with end null for a window lasting forever. */
  readonly windows: [number, number | null][];
  /** [t, ||W(t) - Y_hat_k||_2] near the window ends and inside the windows. */
  readonly samples: [number, number][];
}

interface ReferenceCase {
  readonly name: string;
  readonly Y: number[][];
  readonly U0: number[][];
  readonly epsilon: number;
  readonly perRank: ReferenceRank[];
}

const fixture = JSON.parse(readFileSync(new URL('../../../fixtures/certified-reference.json', import.meta.url), 'utf8')) as { cases: ReferenceCase[] };
const endOf = (end: number | null) => end ?? Number.POSITIVE_INFINITY;

describe('certified windows vs the high-precision reference', () => {
  it('holds the regimes the certificate must handle', () => {
    expect(fixture.cases.map((c) => c.name).sort()).toEqual([
      'diagonal-gaussian',
      'diagonal-tiny-alpha',
      'graded-u0',
      'rank-deficient-u0',
      'rotated',
      'rotated-dependent-columns',
      'rotated-thin-u0',
      'rotated-tiny-alpha',
      'spectral',
    ]);
  });

  for (const reference of fixture.cases) {
    it(`${reference.name}: every certified interval lies inside a true window, no sample inside exceeds epsilon, and coverage >= 99%`, () => {
      const result = certifiedWindows(reference.Y, { U0: reference.U0 }, reference.epsilon);
      for (const rank of reference.perRank) {
        const certified = result.perRank[rank.k - 1].certified;
        for (const { start, end } of certified) {
          const inside = rank.windows.some(([s, e]) => s <= start && end <= endOf(e));
          expect(inside, `k = ${rank.k}: [${start}, ${end}] vs ${JSON.stringify(rank.windows)}`).toBe(true);
          for (const [t, distance] of rank.samples) if (start <= t && t <= end) expect(distance).toBeLessThanOrEqual(reference.epsilon);
        }
        for (const [s, e] of rank.windows) {
          if (e === null) continue;
          const covered = certified.reduce((sum, w) => sum + Math.max(0, Math.min(w.end, e) - Math.max(w.start, s)), 0);
          expect(covered / (e - s), `k = ${rank.k}`).toBeGreaterThanOrEqual(0.99);
        }
      }
    });

    it(`${reference.name}: an interval widened past a true window end is never certified`, () => {
      for (const rank of reference.perRank) {
        for (const [s, e] of rank.windows) {
          const length = (e ?? 2 * s) - s;
          const widened = [
            { start: s - 1e-6 * length, end: s + 0.01 * length },
            ...(e === null ? [] : [{ start: e - 0.01 * length, end: e + 1e-6 * length }, { start: e + 1e-8 * length, end: e + 1e-1 * length }]),
          ];
          for (const interval of widened) {
            const certificate = certifyWindow(reference.Y, { U0: reference.U0 }, reference.epsilon, rank.k, interval, { maxEvaluations: 400 });
            expect(certificate.certified, `k = ${rank.k} on [${interval.start}, ${interval.end}]`).toBe(false);
            expect(certificate.reason).not.toBeNull();
          }
          // Just inside, the same interval is proved.
          const inner = { start: s + 1e-3 * length, end: e === null ? Number.POSITIVE_INFINITY : e - 1e-3 * length };
          expect(certifyWindow(reference.Y, { U0: reference.U0 }, reference.epsilon, rank.k, inner).certified, `k = ${rank.k} inside`).toBe(true);
        }
      }
    });
  }
});
