/**
 * TeX as plain Unicode text, for the places where KaTeX cannot render: a page's
 * `<meta name="description">` and `og:description`, which search engines and link previews show as
 * they are. `$U(0) = \alpha^{1/2}\bar U_0$` becomes `U(0) = α^(1/2)Ū₀`.
 *
 * It covers the TeX the site writes (Greek letters, relations, accents, scripts, fractions, norms,
 * environments) and degrades to the command's name for anything else, so the output never holds a
 * backslash, a brace group after a script, or a dollar sign.
 */

const SYMBOLS: Readonly<Record<string, string>> = {
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ϵ', varepsilon: 'ε', zeta: 'ζ', eta: 'η', theta: 'θ', vartheta: 'ϑ',
  iota: 'ι', kappa: 'κ', lambda: 'λ', mu: 'μ', nu: 'ν', xi: 'ξ', pi: 'π', rho: 'ρ', sigma: 'σ', tau: 'τ', upsilon: 'υ', phi: 'ϕ',
  varphi: 'φ', chi: 'χ', psi: 'ψ', omega: 'ω', Gamma: 'Γ', Delta: 'Δ', Theta: 'Θ', Lambda: 'Λ', Xi: 'Ξ', Pi: 'Π', Sigma: 'Σ',
  Upsilon: 'Υ', Phi: 'Φ', Psi: 'Ψ', Omega: 'Ω',
  le: '≤', leq: '≤', ge: '≥', geq: '≥', ne: '≠', neq: '≠', approx: '≈', sim: '∼', simeq: '≃', equiv: '≡', propto: '∝',
  prec: '≺', preceq: '≼', succ: '≻', succeq: '≽', ll: '≪', gg: '≫', in: '∈', notin: '∉', subset: '⊂', subseteq: '⊆',
  to: '→', rightarrow: '→', Rightarrow: '⇒', iff: '⇔', mapsto: '↦', perp: '⊥',
  cdot: '·', times: '×', pm: '±', mp: '∓', infty: '∞', partial: '∂', nabla: '∇', emptyset: '∅', ast: '∗', circ: '∘',
  dots: '…', ldots: '…', cdots: '⋯', vdots: '⋮', ddots: '⋱', top: 'ᵀ', prime: '′',
  sum: 'Σ', prod: 'Π', int: '∫', lVert: '‖', rVert: '‖', Vert: '‖', lvert: '|', rvert: '|', vert: '|', mid: '|',
  langle: '⟨', rangle: '⟩', lceil: '⌈', rceil: '⌉', lfloor: '⌊', rfloor: '⌋', quad: ' ', qquad: ' ',
};

/** Commands that print their name as an operator: `\log x` is `log x`. */
const OPERATORS = new Set(['log', 'ln', 'exp', 'max', 'min', 'sup', 'inf', 'lim', 'det', 'tr', 'rank', 'diag', 'sin', 'cos', 'ker', 'arg']);

/** Commands that only size or style what follows. */
const IGNORED = new Set(['left', 'right', 'big', 'Big', 'bigg', 'Bigg', 'bigl', 'bigr', 'Bigl', 'Bigr', 'displaystyle', 'textstyle', 'limits', 'nolimits', 'tag', 'label']);

/** One-argument commands that keep their argument's text. */
const TEXT_COMMANDS = new Set(['text', 'mathrm', 'mathit', 'mathbf', 'mathsf', 'mathcal', 'boldsymbol', 'operatorname', 'textbf', 'textit', 'emph']);

const ACCENTS: Readonly<Record<string, string>> = {
  hat: '\u0302', widehat: '\u0302', bar: '\u0304', overline: '\u0304', tilde: '\u0303', widetilde: '\u0303', dot: '\u0307', ddot: '\u0308', vec: '\u20d7',
};

const BLACKBOARD: Readonly<Record<string, string>> = { R: 'ℝ', N: 'ℕ', Z: 'ℤ', Q: 'ℚ', C: 'ℂ', P: 'ℙ', E: '𝔼' };

const SUPERSCRIPT: Readonly<Record<string, string>> = {
  0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹', '+': '⁺', '-': '⁻', '−': '⁻', '=': '⁼', '(': '⁽', ')': '⁾',
  n: 'ⁿ', i: 'ⁱ', k: 'ᵏ', T: 'ᵀ', ᵀ: 'ᵀ', '′': '′', '*': '*',
};

const SUBSCRIPT: Readonly<Record<string, string>> = {
  0: '₀', 1: '₁', 2: '₂', 3: '₃', 4: '₄', 5: '₅', 6: '₆', 7: '₇', 8: '₈', 9: '₉', '+': '₊', '-': '₋', '−': '₋', '=': '₌', '(': '₍', ')': '₎',
  a: 'ₐ', e: 'ₑ', h: 'ₕ', i: 'ᵢ', j: 'ⱼ', k: 'ₖ', l: 'ₗ', m: 'ₘ', n: 'ₙ', o: 'ₒ', p: 'ₚ', r: 'ᵣ', s: 'ₛ', t: 'ₜ', u: 'ᵤ', v: 'ᵥ', x: 'ₓ',
};

/** Relations get spaces around them, as KaTeX sets them. */
const RELATIONS = new Set(['=', '<', '>', '≤', '≥', '≠', '≈', '∼', '≃', '≡', '≺', '≼', '≻', '≽', '∈', '→', '⇒', '⇔', '⊂', '⊆']);

function script(text: string, table: Readonly<Record<string, string>>, marker: string): string {
  const chars = [...text.trim()];
  if (chars.length > 0 && chars.every((char) => char in table)) return chars.map((char) => table[char]).join('');
  return chars.length === 1 ? `${marker}${text.trim()}` : `${marker}(${text.trim()})`;
}

/** A reader over the TeX source. */
class Reader {
  private position = 0;
  constructor(private readonly source: string) {}

  done(): boolean {
    return this.position >= this.source.length;
  }

  /** The next token: a control word or symbol, or one character. */
  next(): string {
    const rest = this.source.slice(this.position);
    const token = /^\\(?:[a-zA-Z]+|.)/s.exec(rest)?.[0] ?? [...rest][0];
    this.position += token.length;
    return token;
  }

  peek(): string {
    const mark = this.position;
    const token = this.done() ? '' : this.next();
    this.position = mark;
    return token;
  }

  skipSpaces(): void {
    while (!this.done() && /\s/.test(this.source[this.position])) this.position++;
  }
}

/** The next argument: a brace group, or one token, as text. */
function argument(reader: Reader): string {
  reader.skipSpaces();
  if (reader.done()) return '';
  const token = reader.next();
  return token === '{' ? group(reader) : atom(token, reader);
}

/** Text up to the closing brace of the group (or the end). */
function group(reader: Reader): string {
  let out = '';
  while (!reader.done()) {
    const token = reader.next();
    if (token === '}') break;
    if (token === '^' || token === '_') {
      const body = argument(reader);
      out += token === '^' ? script(body, SUPERSCRIPT, '^') : script(body, SUBSCRIPT, '_');
      continue;
    }
    out += atom(token, reader);
  }
  return out;
}

function atom(token: string, reader: Reader): string {
  if (token === '{') return group(reader);
  if (token === '&' || token === '~') return ' ';
  if (token === '$') return '';
  if (!token.startsWith('\\')) return RELATIONS.has(token) ? ` ${token} ` : token;
  const name = token.slice(1);
  if (name === '\\') return '; ';
  if (name === '|') return '‖';
  if (name === '{' || name === '}') return name;
  if (name === ',' || name === ';' || name === ':' || name === ' ' || name === '>') return ' ';
  if (name === '!' || name === '$') return '';
  if (!/^[a-zA-Z]+$/.test(name)) return name;
  // As in TeX, spaces after a control word only end its name.
  reader.skipSpaces();
  if (IGNORED.has(name)) {
    if ((name === 'left' || name === 'right') && reader.peek() === '.') reader.next();
    if (name === 'tag' || name === 'label') argument(reader);
    return '';
  }
  if (name === 'begin' || name === 'end') {
    argument(reader);
    return ' ';
  }
  if (name === 'frac' || name === 'dfrac' || name === 'tfrac') {
    const wrap = (text: string) => ([...text.trim()].length === 1 || /^\d+$/.test(text.trim()) ? text.trim() : `(${text.trim()})`);
    return `${wrap(argument(reader))}/${wrap(argument(reader))}`;
  }
  if (name === 'sqrt') {
    const body = argument(reader).trim();
    return [...body].length === 1 ? `√${body}` : `√(${body})`;
  }
  if (name === 'mathbb') return [...argument(reader)].map((char) => BLACKBOARD[char] ?? char).join('');
  if (TEXT_COMMANDS.has(name)) return argument(reader);
  if (name in ACCENTS) {
    const body = argument(reader).trim();
    return [...body].length === 1 ? `${body}${ACCENTS[name]}` : body;
  }
  if (OPERATORS.has(name)) return `${name} `;
  const symbol = SYMBOLS[name];
  if (symbol !== undefined) return RELATIONS.has(symbol) ? ` ${symbol} ` : symbol;
  return name;
}

/** The TeX `tex` (the inside of `$...$` or `$$...$$`) as plain Unicode text on one line. */
export function texToText(tex: string): string {
  const reader = new Reader(tex);
  return group(reader)
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.;:)\]}])/g, '$1')
    .replace(/([([{])\s+/g, '$1')
    .trim();
}
