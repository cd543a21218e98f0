import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';

/*
 * XML as fast-xml-parser's order-preserving form (`{ tag: [children], ':@': { '@_v': '…' } }`): Designer's files keep
 * the order of resources and nodes, so the mock does too. Every value is in a `v` attribute, as in Designer's files.
 */

/** An element. */
export type XmlNode = Record<string, unknown>;

const OPTIONS = { preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '@_' } as const;
const builder = new XMLBuilder({ ...OPTIONS, format: true, indentBy: ' ', suppressEmptyNode: true });
const parser = new XMLParser({ ...OPTIONS, parseAttributeValue: false, parseTagValue: false, trimValues: true });

/** `<tag>children</tag>`. */
export function el(tag: string, kids: readonly XmlNode[] = []): XmlNode {
  return { [tag]: kids };
}

/** `<tag v="value"/>`. */
export function v(tag: string, value: string): XmlNode {
  return { [tag]: [], ':@': { '@_v': value } };
}

/** The tag of `node`. */
export function tagOf(node: XmlNode): string {
  return Object.keys(node).find((key) => key !== ':@') ?? '';
}

/** The child elements of `node` (text and comments left out). */
export function children(node: XmlNode): XmlNode[] {
  const kids = node[tagOf(node)];
  return Array.isArray(kids) ? (kids as XmlNode[]).filter((k) => !('#text' in k) && !('#comment' in k)) : [];
}

/** The first child `tag` of `node`; throws naming `where` when there is none. */
export function child(node: XmlNode, tag: string, where: string): XmlNode {
  const found = children(node).find((k) => tagOf(k) === tag);
  if (found === undefined) throw new Error(`${where}: <${tagOf(node)}> has no <${tag}>`);
  return found;
}

/** The first child `tag` of `node`, or undefined. */
export function maybeChild(node: XmlNode, tag: string): XmlNode | undefined {
  return children(node).find((k) => tagOf(k) === tag);
}

/** Attribute `name` of `node`; throws naming `where` when it is missing. */
export function attr(node: XmlNode, name: string, where: string): string {
  const value = (node[':@'] as Record<string, unknown> | undefined)?.[`@_${name}`];
  if (typeof value !== 'string') throw new Error(`${where}: <${tagOf(node)}> has no ${name} attribute`);
  return value;
}

/** The `v` of child `tag` of `node`, or `fallback` when there is no such child. */
export function childValue(node: XmlNode, tag: string, where: string, fallback?: string): string {
  const found = maybeChild(node, tag);
  if (found === undefined) {
    if (fallback !== undefined) return fallback;
    throw new Error(`${where}: <${tagOf(node)}> has no <${tag}>`);
  }
  return attr(found, 'v', where);
}

/** The text of a document whose root element is `root`, with the XML declaration. */
export function writeXml(root: XmlNode): string {
  const declaration = { '?xml': [{ '#text': '' }], ':@': { '@_version': '1.0', '@_encoding': 'UTF-8' } };
  return `${builder.build([declaration, root]).trim()}\n`;
}

/** The root element `tag` of `text`; throws when the text is not XML or its root is another element. */
export function readXml(text: string, tag: string): XmlNode {
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new Error(`not well-formed XML (line ${valid.err.line}: ${valid.err.msg})`);
  const nodes = parser.parse(text) as XmlNode[];
  const root = nodes.find((node) => !tagOf(node).startsWith('?') && !('#comment' in node));
  if (root === undefined || tagOf(root) !== tag) {
    throw new Error(`the root element is ${root ? `<${tagOf(root)}>` : 'missing'}, not <${tag}>`);
  }
  return root;
}
