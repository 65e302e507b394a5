/**
 * A catalog statement written as a sentence (`W_0 \succeq 0 \text{ is invertible since } ...`) as text
 * with `$...$` math: each top-level `\text{...}` becomes plain words and the TeX between them inline
 * math. KaTeX never breaks a line inside `\text`, so a sentence-long statement set as one formula is
 * as wide as the sentence; as prose it wraps in the column. Returns null when the statement has no
 * `\text` at the top level, or has one inside a group or an environment, where splitting would change
 * its structure: those stay one formula. An environment between two `\text`s stays whole in its math.
 */
export function statementProse(tex: string): string | null {
  if (!tex.includes('\\text{')) return null;
  let prose = '';
  let math = '';
  let depth = 0;
  let environments = 0;
  const flush = (): void => {
    // TeX spacing at the ends (\ , \quad) only separated the formula from the words, which keep their own spaces.
    const formula = math.replace(/^(?:\s|\\[ ,;:!]|\\q?quad)+|(?:\s|\\[ ,;:!]|\\q?quad)+$/g, '');
    if (formula !== '') prose += `$${formula}$`;
    math = '';
  };
  for (let i = 0; i < tex.length; ) {
    if (tex.startsWith('\\text{', i)) {
      if (depth > 0 || environments > 0) return null;
      let end = i + '\\text{'.length;
      for (let open = 1; end < tex.length && open > 0; end++) open += tex[end] === '{' ? 1 : tex[end] === '}' ? -1 : 0;
      flush();
      prose += tex.slice(i + '\\text{'.length, end - 1);
      i = end;
      continue;
    }
    if (tex.startsWith('\\begin{', i)) environments++;
    if (tex.startsWith('\\end{', i)) environments--;
    if (tex[i] === '\\' && i + 1 < tex.length) {
      // An escaped character (\{, \}, \\) does not open or close a group.
      math += tex.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (tex[i] === '{') depth++;
    if (tex[i] === '}') depth--;
    math += tex[i];
    i++;
  }
  flush();
  return prose;
}
