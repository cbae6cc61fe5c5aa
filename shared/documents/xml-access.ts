/**
 * Small read helpers over the neutral XML tree (shared/xml/tree.ts). Elements are matched by
 * local name AND namespace URI, never by prefix: real documents use `hl7fi:`, `ns2:` and default
 * namespaces for the same elements (see corpus palveluyksikon_id_puuttuu.xml).
 */
import { Namespaces, type XmlElement } from '../xml/tree';

const V3 = Namespaces.hl7v3;

/** The child elements of `element`, in document order. */
export function childElements(element: XmlElement): readonly XmlElement[] {
  // Loops rather than filter callbacks here and below: these run for every node of a 20 MB body.
  const found: XmlElement[] = [];
  for (const node of element.children) if (node.kind === 'element') found.push(node);
  return found;
}

/** The first child element called `name` in `namespace` (default: CDA). */
export function child(
  element: XmlElement | undefined,
  name: string,
  namespace: string = V3,
): XmlElement | undefined {
  if (!element) return undefined;
  for (const node of element.children) {
    if (node.kind === 'element' && node.name === name && node.namespace === namespace) return node;
  }
  return undefined;
}

/** All child elements called `name` in `namespace` (default: CDA). */
export function children(
  element: XmlElement | undefined,
  name: string,
  namespace: string = V3,
): readonly XmlElement[] {
  if (!element) return [];
  const found: XmlElement[] = [];
  for (const node of element.children)
    if (node.kind === 'element' && node.name === name && node.namespace === namespace)
      found.push(node);
  return found;
}

/** Follows a chain of CDA child names: `path(root, 'recordTarget', 'patientRole')`. */
export function path(
  element: XmlElement | undefined,
  ...names: readonly string[]
): XmlElement | undefined {
  let current = element;
  for (const name of names) current = child(current, name);
  return current;
}

/** An unqualified attribute's value (CDA attributes carry no namespace). */
export function attr(
  element: XmlElement | undefined,
  name: string,
  namespace = '',
): string | undefined {
  if (!element) return undefined;
  for (const a of element.attributes)
    if (a.name === name && a.namespace === namespace) return a.value;
  return undefined;
}

/** All character data below `element`, concatenated in document order. */
export function textContent(element: XmlElement | undefined): string {
  if (!element) return '';
  const parts: string[] = [];
  // Iterative walk in document order: narrative can be deep, and the parser allows depth 512.
  const pending: (XmlElement | string)[] = [element];
  while (pending.length > 0) {
    const next = pending.pop()!;
    if (typeof next === 'string') {
      parts.push(next);
      continue;
    }
    for (let i = next.children.length - 1; i >= 0; i--) {
      const node = next.children[i]!;
      if (node.kind === 'text') pending.push(node.text);
      else if (node.kind === 'element') pending.push(node);
    }
  }
  return parts.join('');
}

/** Text content with surrounding whitespace removed and inner runs collapsed; undefined if empty. */
export function cleanText(element: XmlElement | undefined): string | undefined {
  const text = textContent(element).replace(/\s+/g, ' ').trim();
  return text === '' ? undefined : text;
}

/** Every element below `element` (not itself) that satisfies `predicate`, in document order. */
export function findDescendants(
  element: XmlElement,
  predicate: (candidate: XmlElement) => boolean,
): readonly XmlElement[] {
  const found: XmlElement[] = [];
  const pending: XmlElement[] = [];
  const pushChildren = (parent: XmlElement): void => {
    const kids = parent.children;
    for (let i = kids.length - 1; i >= 0; i--) {
      const kid = kids[i]!;
      if (kid.kind === 'element') pending.push(kid);
    }
  };
  pushChildren(element);
  while (pending.length > 0) {
    const next = pending.pop()!;
    if (predicate(next)) found.push(next);
    pushChildren(next);
  }
  return found;
}

/** Drops keys whose value is undefined, so JSON output and deep equality stay tidy. */
export function compact<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const field = (value as Record<string, unknown>)[key];
    if (field !== undefined) out[key] = field;
  }
  return out as T;
}
