/**
 * Every page's `<meta name="description">` (and `og:description`, which Docusaurus copies from it)
 * as plain words, set as the `description` front matter before the docs plugin reads it.
 *
 * Why it is needed: without a `description`, Docusaurus takes the first line of the Markdown as it
 * is written, so search engines and link previews showed `$U(0) = \alpha^{1/2}\bar U_0$`, and a
 * sentence cut at its first line break. Why here: `markdown.parseFrontMatter` is the one hook that
 * sees every Markdown file (the theory pages and the generated API pages alike) before the
 * metadata is made; a remark plugin runs too late to change it. A description written in the front
 * matter is kept as it is.
 */
import type { ParseFrontMatter } from '@docusaurus/types';

import { texToText } from './texToText';

/** Longest description kept whole; search engines show about this much. */
const MAX_LENGTH = 300;

/** A block that is something other than a paragraph of prose: heading, import, JSX, admonition, table, list, quote. */
const NOT_PROSE = /^(?:#|import\s|export\s|<|:::|\||[-*+]\s|\d+\.\s|>|---)/;

/** The first paragraph of prose, its lines joined; code blocks and display math are not prose. */
function firstParagraph(content: string): string | undefined {
  const blocks = content
    .replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[ \t]*$/gm, '\n\n')
    .replace(/\$\$[\s\S]+?\$\$/g, '\n\n')
    .split(/\n\s*\n/)
    .map((block) => block.trim());
  return blocks.find((block) => block !== '' && !NOT_PROSE.test(block))?.replace(/\s*\n\s*/g, ' ');
}

/**
 * Markdown's markup dropped: links and images keep their text, code its content, emphasis its
 * words, backslash escapes their character. The ASCII math of the API pages' TSDoc (`sigma_{i,0}`)
 * keeps its meaning with parentheses in place of braces.
 */
function plainMarkdown(text: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/<\/?[A-Za-z][^<>]*>/g, '')
    .replace(/(^|[\s(])(\*{1,3})(?=\S)([^*]+?)(?<=\S)\2(?=[\s.,;:!?)]|$)/g, '$1$3')
    .replace(/(^|\s)(_{1,2})([^_]+?)\2(?=[\s.,;:!?)]|$)/g, '$1$3')
    .replace(/\\([\\`*_{}[\]()#+\-.!|<>])/g, '$1')
    .replace(/\^\{([^{}]*)\}/g, '^($1)')
    .replace(/_\{([^{}]*)\}/g, '_($1)')
    .replace(/\\/g, '');
}

/**
 * The page's first paragraph of prose as plain text: its lines joined, its inline math through
 * {@link texToText}, its Markdown markup dropped; cut at a word near {@link MAX_LENGTH}.
 */
export function plainDescription(content: string): string | undefined {
  const paragraph = firstParagraph(content);
  if (paragraph === undefined) return undefined;
  const math: string[] = [];
  // Math is set aside while the markup goes: its `_`, `*` and `\` are not Markdown.
  const shielded = paragraph.replace(/(?<!\\)\$([^$]+?)\$/g, (_, tex: string) => `\uE000${math.push(tex) - 1}\uE000`);
  const text = plainMarkdown(shielded)
    .replace(/\uE000(\d+)\uE000/g, (_, index: string) => texToText(math[Number(index)]))
    .replace(/\s+/g, ' ')
    .trim();
  if (text === '') return undefined;
  if (text.length <= MAX_LENGTH) return text;
  const cut = text.slice(0, MAX_LENGTH);
  return `${cut.slice(0, cut.lastIndexOf(' '))} …`;
}

/** The site's `markdown.parseFrontMatter`: Docusaurus's parser, plus a plain-text description when the page has none. */
export const parseFrontMatterWithDescription: ParseFrontMatter = async (params) => {
  const result = await params.defaultParseFrontMatter(params);
  if (typeof result.frontMatter.description === 'string') return result;
  // A page with no prose (an API page of a type alias) is described by its title.
  const description = plainDescription(result.content) ?? plainDescription(/^#\s+(.+)$/m.exec(result.content)?.[1] ?? '');
  return description === undefined ? result : { ...result, frontMatter: { ...result.frontMatter, description } };
};
