/**
 * A narrative block of the narrative diff drawn through the document view's allowlist
 * (renderer/src/document/narrative-allowlist.tsx), so the compare view sanitises exactly as the
 * Narrative tab does: the worker's plain-JSON nodes become an inert XML DOM (never parsed as HTML,
 * never inserted), the allowlist turns that into React elements, and only then are the word
 * marks turned into <ins>/<del>. The allowlist names its elements by their child-index path
 * ("0.3.1"), so a mark is found by the path it was built at, never by anything in the document.
 */
import {
  cloneElement,
  createElement,
  isValidElement,
  type ReactElement,
  type ReactNode,
} from 'react';
import type { NarrativeNode } from '../../../shared/narrative-diff/narrative-tree';
import { narrativeElements, type NarrativeOptions } from '../document/narrative-allowlist';

const cdaNamespace = 'urn:hl7-org:v3';
/** Marks are built in a namespace of their own, so no document element can pass for one. */
const markNamespace = 'urn:archivist:narrative-diff-mark';

type MarkKind = 'added' | 'removed';

function buildDom(nodes: readonly NarrativeNode[]): {
  root: Element;
  marks: Map<string, MarkKind>;
} {
  const xml = document.implementation.createDocument(null, null);
  const root = xml.createElementNS(cdaNamespace, 'text');
  const marks = new Map<string, MarkKind>();
  const append = (parent: Element, list: readonly NarrativeNode[], path: string): void => {
    list.forEach((node, index) => {
      const key = path === '' ? String(index) : `${path}.${index}`;
      if (typeof node === 'string') {
        parent.appendChild(xml.createTextNode(node));
        return;
      }
      if ('change' in node) {
        const mark = xml.createElementNS(markNamespace, 'mark');
        mark.appendChild(xml.createTextNode(node.text));
        marks.set(key, node.change);
        parent.appendChild(mark);
        return;
      }
      let element: Element;
      try {
        element = xml.createElementNS(cdaNamespace, node.name);
      } catch {
        // A name the DOM refuses still keeps its text, as the allowlist does for unknown elements.
        element = xml.createElementNS(cdaNamespace, 'content');
      }
      for (const [name, value] of Object.entries(node.attributes ?? {}))
        if (typeof value === 'string') element.setAttribute(name, value);
      append(element, node.children, key);
      parent.appendChild(element);
    });
  };
  append(root, nodes, '');
  return { root, marks };
}

/** The visible and spoken form of a mark: struck through or underlined, and said in words. */
function markElement(kind: MarkKind, key: string, children: ReactNode): ReactElement {
  const label = kind === 'added' ? 'added: ' : 'removed: ';
  return createElement(
    kind === 'added' ? 'ins' : 'del',
    { key, className: `narrative-mark is-${kind}` },
    <span className="narrative-mark-label">{label}</span>,
    ...(Array.isArray(children) ? (children as ReactNode[]) : [children]),
  );
}

function withMarks(node: ReactNode, marks: ReadonlyMap<string, MarkKind>): ReactNode {
  if (Array.isArray(node)) return node.map((child: ReactNode) => withMarks(child, marks));
  if (!isValidElement<{ children?: ReactNode }>(node)) return node;
  const kind = node.key === null ? undefined : marks.get(node.key);
  if (kind !== undefined) return markElement(kind, node.key!, node.props.children);
  if (node.props.children === undefined) return node;
  // Children go back as separate arguments, as JSX gives them, so React sees no unkeyed list.
  const children = withMarks(node.props.children, marks);
  return Array.isArray(children)
    ? cloneElement(node, undefined, ...(children as ReactNode[]))
    : cloneElement(node, undefined, children);
}

/** React elements of one block, sanitised by the allowlist, with its changed words marked. */
export function narrativeBlock(
  nodes: readonly NarrativeNode[],
  options: NarrativeOptions,
): { elements: ReactNode; isTruncated: boolean } {
  const { root, marks } = buildDom(nodes);
  const converted = narrativeElements(root, options);
  return { elements: withMarks(converted.elements, marks), isTruncated: converted.isTruncated };
}
