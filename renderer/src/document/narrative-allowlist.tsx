/**
 * Untrusted narrative into React elements (STYLE.md: never dangerouslySetInnerHTML). Only the
 * elements below survive, with no attributes except table spans; scripts, styles, frames,
 * objects and forms are dropped with their content; images and multimedia are never loaded
 * (a placeholder says so); links render inert and open only after the tester confirms, through
 * the app's safe openExternal. Depth and size are capped so a hostile document cannot hang the
 * window. CDA narrative block (urn:hl7-org:v3) and XHTML (social welfare display form) alike.
 */
import { createElement, type ReactNode } from 'react';

/** Element (local name, lower-case) → the HTML element it becomes. */
const allowed: ReadonlyMap<string, string> = new Map([
  // CDA narrative block
  ['paragraph', 'p'],
  ['content', 'span'],
  ['item', 'li'],
  ['caption', 'strong'],
  ['footnote', 'small'],
  ['footnoteref', 'sup'],
  // XHTML and shared names
  ...[
    'p',
    'div',
    'span',
    'br',
    'sub',
    'sup',
    'b',
    'strong',
    'i',
    'em',
    'u',
    'pre',
    'code',
    'blockquote',
    'hr',
  ].map((name): [string, string] => [name, name]),
  ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((name): [string, string] => [name, 'h4']),
  ...['ul', 'ol', 'li', 'dl', 'dt', 'dd'].map((name): [string, string] => [name, name]),
  ...['table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td'].map((name): [string, string] => [
    name,
    name,
  ]),
]);

/** Dropped together with everything inside them. */
const dropped = new Set([
  'script',
  'style',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'link',
  'meta',
  'base',
  'template',
  'svg',
  'math',
  'noscript',
  'head',
  'title',
  'col',
  'colgroup',
]);

const voidElements = new Set(['br', 'hr']);
const maxDepth = 64;
const maxNodes = 20_000;

export interface NarrativeOptions {
  /** Asks the tester, then opens the address outside the app. */
  readonly onLink: (url: string) => void;
}

interface Budget {
  nodes: number;
  isTruncated: boolean;
}

function spanAttribute(element: Element, name: string): number | undefined {
  const value = Number(element.getAttribute(name));
  return Number.isInteger(value) && value > 1 && value <= 100 ? value : undefined;
}

function linkOf(element: Element, key: string, children: ReactNode[], options: NarrativeOptions) {
  const href = element.getAttribute('href') ?? '';
  const isWeb = /^https?:\/\//i.test(href);
  return (
    <span key={key} className="inert-link">
      {children}{' '}
      {isWeb ? (
        <button
          type="button"
          className="small-button"
          onClick={() => options.onLink(href)}
          title={href}
        >
          Open link…
        </button>
      ) : (
        <span className="muted">[link {href ? `to ${href.slice(0, 80)}` : ''} not followed]</span>
      )}
    </span>
  );
}

function convert(
  node: Node,
  key: string,
  depth: number,
  budget: Budget,
  options: NarrativeOptions,
): ReactNode {
  if (budget.nodes++ > maxNodes || depth > maxDepth) {
    budget.isTruncated = true;
    return null;
  }
  if (node.nodeType === Node.TEXT_NODE || node.nodeType === Node.CDATA_SECTION_NODE)
    return node.textContent;
  if (node.nodeType !== Node.ELEMENT_NODE) return null;
  const element = node as Element;
  const name = element.localName.toLowerCase();
  if (dropped.has(name)) return null;
  if (name === 'img' || name === 'rendermultimedia' || name === 'video' || name === 'audio')
    return (
      <span key={key} className="muted">
        [embedded media not loaded]
      </span>
    );
  const children = Array.from(element.childNodes, (child, index) =>
    convert(child, `${key}.${index}`, depth + 1, budget, options),
  );
  if (name === 'a' || name === 'linkhtml') return linkOf(element, key, children, options);
  if (name === 'list')
    return createElement(
      element.getAttribute('listType') === 'ordered' ? 'ol' : 'ul',
      { key },
      children,
    );
  const tag = allowed.get(name);
  if (!tag) return <span key={key}>{children}</span>;
  if (voidElements.has(tag)) return createElement(tag, { key });
  const props: Record<string, unknown> = { key };
  if (tag === 'td' || tag === 'th') {
    const colSpan = spanAttribute(element, 'colspan');
    const rowSpan = spanAttribute(element, 'rowspan');
    if (colSpan) props.colSpan = colSpan;
    if (rowSpan) props.rowSpan = rowSpan;
  }
  return createElement(tag, props, children);
}

/** The children of `root` as React elements; `isTruncated` when the caps were reached. */
export function narrativeElements(
  root: Node,
  options: NarrativeOptions,
): { elements: ReactNode[]; isTruncated: boolean } {
  const budget: Budget = { nodes: 0, isTruncated: false };
  const elements = Array.from(root.childNodes, (child, index) =>
    convert(child, String(index), 0, budget, options),
  );
  return { elements, isTruncated: budget.isTruncated };
}
