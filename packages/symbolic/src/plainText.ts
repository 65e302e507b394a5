/**
 * The catalog's notes for the terminal. Their text is prose with inline TeX between `$...$` for the
 * docs, which render it with KaTeX; a terminal would show the TeX source, so each formula is turned
 * back into the ASCII notation of the rest of the report (`\sigma_{l,0} \le \varepsilon` becomes
 * `sigma_{l,0} <= eps`). Only the notations the catalog uses are translated; any other command
 * loses its backslash, which keeps its name readable.
 */

/** TeX commands with an ASCII spelling other than their own name ('' drops the command). */
const COMMANDS: Readonly<Record<string, string>> = {
  le: '<=',
  ge: '>=',
  ne: '!=',
  preceq: '<=',
  succeq: '>=',
  prec: '<',
  succ: '>',
  ll: '<<',
  cdot: '*',
  times: 'x',
  infty: 'infinity',
  varepsilon: 'eps',
  to: '->',
  pm: '+-',
  top: 'T',
  dots: '...',
  mathcal: '',
};
const ACCENTS: Readonly<Record<string, string>> = { tilde: '~', bar: 'bar', hat: '_hat' };

/** The argument of a command at `start`: a `{...}` group (braces balanced) or one character. */
function argument(text: string, start: number): [string, number] {
  if (text[start] !== '{') return [text[start] ?? '', start + 1];
  let depth = 0;
  for (let index = start; index < text.length; index++) {
    if (text[index] === '{') depth++;
    else if (text[index] === '}' && --depth === 0) return [text.slice(start + 1, index), index + 1];
  }
  return [text.slice(start + 1), text.length];
}

/** `\frac{a}{b}` as `(a)/(b)`, parentheses left out around a plain number or name. */
function expandFractions(text: string): string {
  const match = /\\[dt]?frac\s*/.exec(text);
  if (!match) return text;
  const [numerator, middle] = argument(text, match.index + match[0].length);
  const [denominator, end] = argument(text, middle);
  const wrap = (part: string) => (/^[A-Za-z0-9]+$/.test(part) ? part : `(${expandFractions(part)})`);
  return `${text.slice(0, match.index)}${wrap(numerator)}/${wrap(denominator)} ${expandFractions(text.slice(end))}`;
}

/** One formula in ASCII. */
function plainFormula(tex: string): string {
  return expandFractions(tex)
    .replace(/\\begin\{bmatrix\}(.*?)\\end\{bmatrix\}/g, (_, body: string) => `[${body.split('\\\\').map((row) => `[${row.split('&').map((cell) => cell.trim()).join(', ')}]`).join(', ')}]`)
    .replace(/\\mathrm\s*\{([^{}]*)\}/g, '$1')
    .replace(/\\(tilde|bar|hat)\s*\{?([A-Za-z])\}?/g, (_, accent: string, letter: string, offset: number, whole: string) =>
      `${/[A-Za-z0-9]/.test(whole[offset - 1] ?? '') ? ' ' : ''}${letter}${ACCENTS[accent]}`,
    )
    .replace(/\\\|/g, '||')
    .replace(/\\([{}])/g, '$1')
    .replace(/\\[,;! ]/g, ' ')
    .replace(/\\([A-Za-z]+)/g, (match: string, name: string, offset: number, whole: string) => {
      const spelled = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : name;
      if (spelled === '') return '';
      if (!/^[A-Za-z]+$/.test(spelled)) return ` ${spelled} `;
      // A name keeps apart from a letter or digit next to it: `c\sigma` is `c sigma`, not `csigma`.
      const lead = /[A-Za-z0-9]/.test(whole[offset - 1] ?? '') ? ' ' : '';
      const trail = /[A-Za-z0-9\\]/.test(whole[offset + match.length] ?? '') ? ' ' : '';
      return `${lead}${spelled}${trail}`;
    })
    .replace(/\s+/g, ' ')
    .replace(/\s+([)\]},;^_])/g, '$1')
    .replace(/([([{^_])\s+/g, '$1')
    .trim();
}

/** A note with each `$...$` formula written in ASCII and the `$` removed, for the terminal report. */
export function plainMath(text: string): string {
  return text
    .split('$')
    .map((part, index) => (index % 2 === 1 ? plainFormula(part) : part))
    .join('');
}
