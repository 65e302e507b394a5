/**
 * A remark plugin that renders the math of headings in the table of contents with KaTeX.
 *
 * Why it is needed: Docusaurus 3.10 (the `toc` remark plugin of @docusaurus/mdx-loader) builds each
 * TOC entry as an HTML string from the heading's mdast and writes any node kind it does not know,
 * remark-math's `inlineMath` included, as its raw text; `## Dynamics of $W = UU^\top$` showed
 * `W = UU^\top` in the TOC while the heading itself rendered through rehype-katex.
 *
 * Why this way: user remark plugins run after Docusaurus's own, so this one finds the finished
 * `export const toc = [...]` and replaces the `value` of each entry whose heading holds math, matched
 * by the heading id, with the heading rendered by KaTeX (HTML and MathML, as in the page). The heading
 * nodes stay untouched, so their ids (anchors) and their rendering in the page do not change. The
 * other ways out are worse: a hand-written `export const toc` per page duplicates every heading, and
 * rewriting the heading before Docusaurus reads it would change its slug and what rehype-katex sees.
 */
import katex from 'katex';

/** The parts of the mdast and estree trees this plugin reads, typed structurally. */
interface Node {
  readonly type: string;
  readonly value?: unknown;
  readonly children?: readonly Node[];
  readonly depth?: number;
  readonly data?: { readonly id?: string; readonly estree?: EstreeNode };
}

interface EstreeNode {
  type: string;
  [field: string]: unknown;
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character]!);
}

function hasMath(node: Node): boolean {
  return node.type === 'inlineMath' || (node.children ?? []).some(hasMath);
}

/**
 * A heading's content as TOC HTML: math through KaTeX (a TeX error fails the build, as it should),
 * text escaped. Emphasis and the like keep their text but not their styling in the TOC.
 */
function toHtml(node: Node): string {
  if (node.type === 'inlineMath' && typeof node.value === 'string') return katex.renderToString(node.value, { throwOnError: true });
  if (node.children) return node.children.map(toHtml).join('');
  return typeof node.value === 'string' ? escapeHtml(node.value) : '';
}

/** The TOC labels to use, by heading id: only headings of the TOC's depths that hold math. */
function mathLabels(root: Node): Map<string, string> {
  const labels = new Map<string, string>();
  const visit = (node: Node): void => {
    const id = node.data?.id;
    if (node.type === 'heading' && (node.depth ?? 1) >= 2 && id !== undefined && hasMath(node)) labels.set(id, toHtml(node).trim());
    else node.children?.forEach(visit);
  };
  visit(root);
  return labels;
}

function isNode(value: unknown): value is EstreeNode {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

function key(property: EstreeNode): unknown {
  const name = property.key;
  if (!isNode(name)) return undefined;
  return name.type === 'Identifier' ? name.name : name.value;
}

/** Rewrites, in place, every TOC entry object `{ value, id, level }` whose id has a math label. */
function relabel(estree: EstreeNode, labels: ReadonlyMap<string, string>): void {
  const walk = (node: EstreeNode): void => {
    if (node.type === 'ObjectExpression' && Array.isArray(node.properties)) {
      const properties = node.properties.filter(isNode);
      const id = properties.find((property) => key(property) === 'id')?.value;
      const label = isNode(id) && typeof id.value === 'string' ? labels.get(id.value) : undefined;
      const value = properties.find((property) => key(property) === 'value');
      if (label !== undefined && value !== undefined) value.value = { type: 'Literal', value: label };
    }
    for (const child of Object.values(node)) {
      if (Array.isArray(child)) child.filter(isNode).forEach(walk);
      else if (isNode(child)) walk(child);
    }
  };
  walk(estree);
}

function isTocExport(estree: EstreeNode): boolean {
  const body = Array.isArray(estree.body) ? estree.body.filter(isNode) : [];
  return body.some((statement) => {
    const declaration = statement.declaration;
    if (statement.type !== 'ExportNamedDeclaration' || !isNode(declaration) || !Array.isArray(declaration.declarations)) return false;
    return declaration.declarations.filter(isNode).some((declarator) => isNode(declarator.id) && declarator.id.name === 'toc');
  });
}

/** The remark plugin: `remarkPlugins: [remarkMath, remarkTocMath]`. */
export default function remarkTocMath(): (root: Node) => void {
  return (root) => {
    const labels = mathLabels(root);
    if (labels.size === 0) return;
    for (const node of root.children ?? []) {
      const estree = node.data?.estree;
      if (node.type === 'mdxjsEsm' && estree !== undefined && isTocExport(estree)) relabel(estree, labels);
    }
  };
}
