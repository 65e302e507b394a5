/**
 * Seeded random rational points. Magnitudes span several decades and non-negative variables
 * are often exactly 0, so boundary cases (equality in a hypothesis) are sampled on purpose.
 */
import { Rational } from './rational.js';
import type { Domain } from './sign.js';
import { InputError, describeValue, requireCallback, requireDomain, requireIntegerIn, requireSeed, requireText } from './validate.js';

/** A seeded uniform generator on [0, 1) (mulberry32): small, fast and the same on every engine. */
export function createUniform(seed: number): () => number {
  requireSeed(seed, 'seed');
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 15), z | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    return ((z ^ (z >>> 14)) >>> 0) / 4294967296;
  };
}

/** A stable 32-bit seed for a catalog entry, so each check replays alone (`--only ID`). */
export function seedFor(id: string, base: number): number {
  requireText(id, 'id');
  requireIntegerIn(base, 'base', 0, 0xffffffff);
  let hash = base >>> 0;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}

function positive(uniform: () => number): Rational {
  const p = 1 + Math.floor(uniform() * 97);
  const q = 1 + Math.floor(uniform() * 89);
  const base = Rational.of(p, q);
  const roll = uniform();
  if (roll < 0.7) return base;
  const decades = 1 + Math.floor(uniform() * 6);
  const scale = Rational.of(10n ** BigInt(decades));
  return roll < 0.85 ? base.mul(scale) : base.div(scale);
}

/** A random rational in the domain; symbols without a domain are real (either sign, or 0). */
export function sample(domain: Domain | undefined, uniform: () => number): Rational {
  requireDomain(domain, 'domain', true);
  requireCallback(uniform, 'uniform', '() => number in [0, 1)');
  const draw = () => {
    const value: unknown = uniform();
    if (typeof value !== 'number' || !(value >= 0 && value < 1)) {
      throw new InputError('out-of-range', 'uniform', `returned ${describeValue(value)}; it must return numbers in [0, 1), e.g. createUniform(seed).`);
    }
    return value;
  };
  return sampleWith(domain, draw);
}

function sampleWith(domain: Domain | undefined, uniform: () => number): Rational {
  if (domain === 'positive') return positive(uniform);
  if (domain === 'nonnegative') return uniform() < 0.3 ? Rational.zero : positive(uniform);
  const roll = uniform();
  if (roll < 0.1) return Rational.zero;
  return roll < 0.55 ? positive(uniform) : positive(uniform).neg();
}
