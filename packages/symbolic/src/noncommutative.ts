/**
 * Noncommutative polynomials over Q for identities between matrices of any size: letters are
 * matrix symbols (blocks such as V12, an inverse such as R = (V22 + alpha G2)^{-1} as a letter of
 * its own), words are their products, and commuting scalars (alpha) may carry negative powers.
 * An identity is proved by rewriting both sides to a normal form with rules that are the
 * defining relations of the inverse letters (R V22 -> I - alpha R G2 from R (V22 + alpha G2) = I);
 * every rule is an equality of matrices, so equal normal forms prove the identity for every size
 * at which the inverses exist. Unequal normal forms prove nothing (the rules need not be
 * confluent): the caller reports them as not proved.
 */
import { Rational } from './rational.js';

/** One term: coefficient * (product of scalar powers) * word; the empty word is the identity. */
export interface Term {
  readonly coefficient: Rational;
  readonly scalars: ReadonlyMap<string, number>;
  readonly word: readonly string[];
}

/** A noncommutative polynomial: its terms, like terms merged, none with a zero coefficient. */
export type NCPoly = readonly Term[];

/** A rewriting rule: the word `lhs`, wherever it occurs as a factor, becomes the polynomial `rhs`. */
export interface Rule {
  readonly lhs: readonly string[];
  readonly rhs: NCPoly;
}

/** Most rewriting steps of one normal form: far more than the catalog's identities take. */
const MAX_STEPS = 100_000;

function scalarKey(scalars: ReadonlyMap<string, number>): string {
  return [...scalars]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, power]) => `${name}^${power}`)
    .join('*');
}

function termKey(term: Term): string {
  return `${scalarKey(term.scalars)}|${term.word.join(' ')}`;
}

/** Merges like terms and drops zero coefficients (terms sorted by key, so equal polynomials print alike). */
function collect(terms: Iterable<Term>): NCPoly {
  const merged = new Map<string, Term>();
  for (const term of terms) {
    const key = termKey(term);
    const previous = merged.get(key);
    merged.set(key, previous ? { ...term, coefficient: previous.coefficient.add(term.coefficient) } : term);
  }
  return [...merged]
    .filter(([, term]) => !term.coefficient.isZero())
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, term]) => term);
}

/** A matrix letter. */
export function letter(name: string): NCPoly {
  return [{ coefficient: Rational.one, scalars: new Map(), word: [name] }];
}

/** A commuting scalar, e.g. alpha, to the given (possibly negative) power. */
export function scalar(name: string, power = 1): NCPoly {
  return [{ coefficient: Rational.one, scalars: new Map([[name, power]]), word: [] }];
}

/** A rational multiple of the identity (0 gives the zero polynomial). */
export function constant(value: number | Rational): NCPoly {
  const coefficient = value instanceof Rational ? value : Rational.of(value);
  return collect([{ coefficient, scalars: new Map(), word: [] }]);
}

export function ncAdd(...polys: readonly NCPoly[]): NCPoly {
  return collect(polys.flat());
}

export function ncNeg(poly: NCPoly): NCPoly {
  return poly.map((term) => ({ ...term, coefficient: term.coefficient.neg() }));
}

export function ncSub(a: NCPoly, b: NCPoly): NCPoly {
  return ncAdd(a, ncNeg(b));
}

function multiplyTerms(a: Term, b: Term): Term {
  const scalars = new Map(a.scalars);
  for (const [name, power] of b.scalars) {
    const total = (scalars.get(name) ?? 0) + power;
    if (total === 0) scalars.delete(name);
    else scalars.set(name, total);
  }
  return { coefficient: a.coefficient.mul(b.coefficient), scalars, word: [...a.word, ...b.word] };
}

/** The product, in order (the factors do not commute). */
export function ncMul(...polys: readonly NCPoly[]): NCPoly {
  return polys.reduce<NCPoly>((product, poly) => collect(product.flatMap((a) => poly.map((b) => multiplyTerms(a, b)))), constant(1));
}

/** The transpose: words reversed, each letter replaced by its transpose (a letter absent from `transposes` is symmetric). */
export function ncTranspose(poly: NCPoly, transposes: Readonly<Record<string, string>>): NCPoly {
  return collect(poly.map((term) => ({ ...term, word: [...term.word].reverse().map((name) => transposes[name] ?? name) })));
}

function findFactor(word: readonly string[], lhs: readonly string[]): number {
  for (let start = 0; start + lhs.length <= word.length; start++) {
    if (lhs.every((name, offset) => word[start + offset] === name)) return start;
  }
  return -1;
}

/**
 * The normal form of `poly` under `rules`: rewrites the first occurrence of a rule's left side
 * until none occurs.
 *
 * @throws Error after MAX_STEPS rewrites (rules that do not terminate).
 */
export function normalForm(poly: NCPoly, rules: readonly Rule[]): NCPoly {
  let current = collect(poly);
  for (let step = 0; step < MAX_STEPS; step++) {
    let rewritten: NCPoly | undefined;
    for (let index = 0; index < current.length && !rewritten; index++) {
      const term = current[index];
      for (const rule of rules) {
        const at = findFactor(term.word, rule.lhs);
        if (at < 0) continue;
        const prefix: Term = { coefficient: term.coefficient, scalars: term.scalars, word: term.word.slice(0, at) };
        const suffix: Term = { coefficient: Rational.one, scalars: new Map(), word: term.word.slice(at + rule.lhs.length) };
        rewritten = [...current.slice(0, index), ...ncMul([prefix], rule.rhs, [suffix]), ...current.slice(index + 1)];
        break;
      }
    }
    if (!rewritten) return current;
    current = collect(rewritten);
  }
  throw new Error(`normalForm: no normal form after ${MAX_STEPS} rewrites; the rules do not terminate`);
}

/** Readable text of a polynomial, e.g. `alpha*S1 X S1 - 2*V12`; `0` for the zero polynomial, `I` for the empty word. */
export function ncText(poly: NCPoly): string {
  if (poly.length === 0) return '0';
  return poly
    .map((term) => {
      const scalars = scalarKey(term.scalars).replace(/\^1(?=\*|$)/g, '');
      const factors = [term.coefficient.compare(Rational.one) === 0 ? '' : `(${term.coefficient.toString()})`, scalars, term.word.length > 0 ? term.word.join(' ') : scalars || term.coefficient.compare(Rational.one) === 0 ? '' : 'I'];
      return factors.filter((part) => part !== '').join('*') || 'I';
    })
    .join(' + ');
}
