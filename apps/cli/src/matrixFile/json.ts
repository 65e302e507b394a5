/**
 * JSON matrices: an array of rows of numbers, `[[1, 2], [3, 4]]`. A strict parser of our own keeps
 * where each value starts, so a syntax error or a bad entry is reported at its line and column.
 */
import { type Fail, plural, truncate } from './errors.js';

/** A JSON value with where it starts in the text and its source text (for messages). */
type JsonNode =
  | { readonly kind: 'array'; readonly items: JsonNode[]; readonly offset: number }
  | { readonly kind: 'number'; readonly value: number; readonly text: string; readonly offset: number }
  | {
      readonly kind: 'object' | 'string' | 'true' | 'false' | 'null';
      readonly text: string;
      readonly offset: number;
    };

/** The rows of a JSON matrix; every problem is reported through `fail` with its line and column. */
export function matrixFromJson(text: string, fail: Fail): number[][] {
  let root: JsonNode;
  try {
    root = parseJson(text);
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    const { line, column } = lineAndColumn(text, error.offset);
    return fail('invalid-json', `invalid JSON at line ${line}, column ${column} (character ${error.offset}): ${error.message}`);
  }
  const at = (node: JsonNode): string => {
    const { line, column } = lineAndColumn(text, node.offset);
    return `line ${line}, column ${column}`;
  };
  if (root.kind !== 'array') {
    return fail('not-a-matrix', `expected a JSON array of rows such as [[1, 2], [3, 4]], got ${describe(root)}.`);
  }
  if (root.items.length === 0) return fail('empty', 'the JSON array has no rows; expected an array of rows such as [[1, 2], [3, 4]].');
  const rows: number[][] = [];
  root.items.forEach((row, i) => {
    if (row.kind !== 'array') {
      const vector = root.items.every((item) => item.kind === 'number');
      return fail(
        'not-a-matrix',
        `row ${i + 1} (${at(row)}) is ${describe(row)}, not an array; expected an array of rows such as [[1, 2], [3, 4]]` +
          (vector ? ` (a column vector is written [[1], [2], [3]], a row vector [[1, 2, 3]]).` : '.'),
      );
    }
    if (i === 0 && row.items.length === 0) fail('empty', `row 1 (${at(row)}) has no entries; the matrix needs at least one column.`);
    const columns = rows.length > 0 ? rows[0].length : row.items.length;
    if (row.items.length !== columns) {
      fail(
        'ragged',
        `row ${i + 1} (${at(row)}) has ${row.items.length} ${plural(row.items.length, 'entry', 'entries')} but row 1 has ${columns}; every row must have the same length.`,
      );
    }
    rows.push(
      row.items.map((entry, j) => {
        const where = `entry at row ${i + 1}, column ${j + 1} (${at(entry)})`;
        if (entry.kind !== 'number') return fail('not-a-number', `${where} is ${describe(entry)}; every entry must be a number.`);
        if (!Number.isFinite(entry.value)) {
          return fail('not-finite', `${where} is ${entry.text}, which overflows a double to ${entry.value}; every entry must be finite.`);
        }
        return entry.value;
      }),
    );
  });
  return rows;
}

function describe(node: JsonNode): string {
  switch (node.kind) {
    case 'array':
      return 'an array';
    case 'number':
      return `the number ${node.text}`;
    case 'object':
      return 'an object';
    case 'string':
      return `the string ${truncate(node.text)}`;
    default:
      return node.kind;
  }
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** A JSON syntax error at a character offset. */
class JsonSyntaxError extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A strict JSON parser (RFC 8259) that keeps where each value starts and the source text of
 * numbers and strings, so errors can point at the exact character and at the entry's text.
 */
function parseJson(text: string): JsonNode {
  let i = 0;
  const found = (): string => (i < text.length ? `found ${JSON.stringify(text[i])}` : 'found the end of the input');
  const error = (expected: string): never => {
    throw new JsonSyntaxError(i, `expected ${expected}, ${found()}.`);
  };
  const skipWhitespace = (): void => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const value = (): JsonNode => {
    skipWhitespace();
    const offset = i;
    const c = text[i];
    if (c === '[') {
      i++;
      const items: JsonNode[] = [];
      skipWhitespace();
      if (text[i] === ']') {
        i++;
        return { kind: 'array', items, offset };
      }
      for (;;) {
        items.push(value());
        skipWhitespace();
        if (text[i] === ',') i++;
        else if (text[i] === ']') {
          i++;
          return { kind: 'array', items, offset };
        } else error("',' or ']' after an array element");
      }
    }
    if (c === '{') {
      i++;
      skipWhitespace();
      if (text[i] === '}') {
        i++;
        return { kind: 'object', text: text.slice(offset, i), offset };
      }
      for (;;) {
        skipWhitespace();
        if (text[i] !== '"') error('a string key in an object');
        string();
        skipWhitespace();
        if (text[i] !== ':') error("':' after an object key");
        i++;
        value();
        skipWhitespace();
        if (text[i] === ',') i++;
        else if (text[i] === '}') {
          i++;
          return { kind: 'object', text: text.slice(offset, i), offset };
        } else error("',' or '}' after an object member");
      }
    }
    if (c === '"') {
      string();
      return { kind: 'string', text: text.slice(offset, i), offset };
    }
    for (const literal of ['true', 'false', 'null'] as const) {
      if (text.startsWith(literal, i)) {
        i += literal.length;
        return { kind: literal, text: literal, offset };
      }
    }
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (match === null || match[0] === '' || match[0] === '-') return error('a value (number, array, object, string, true, false or null)');
    i += match[0].length;
    return { kind: 'number', value: Number(match[0]), text: match[0], offset };
  };
  const string = (): void => {
    i++; // opening quote
    while (i < text.length && text[i] !== '"') {
      const code = text.charCodeAt(i);
      if (code < 0x20) throw new JsonSyntaxError(i, 'unescaped control character (such as a line break) inside a string.');
      if (text[i] === '\\') {
        const escape = text[i + 1];
        if (escape === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) throw new JsonSyntaxError(i, 'invalid \\u escape in a string.');
          i += 6;
          continue;
        }
        if (escape === undefined || !'"\\/bfnrt'.includes(escape)) throw new JsonSyntaxError(i, 'invalid escape sequence in a string.');
        i += 2;
        continue;
      }
      i++;
    }
    if (i >= text.length) error("'\"' closing a string");
    i++;
  };
  const root = value();
  skipWhitespace();
  if (i < text.length) error('the end of the input after the top-level value');
  return root;
}

