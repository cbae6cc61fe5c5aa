/**
 * The structure the change list aligns: the sections of a structuredBody (or of a section) with
 * their alignment keys (templateId, code, title) and the entries of a section (id, code).
 */
import type { XmlElement } from '../xml/tree';
import { attribute, describeLeaf, firstChild, statementLabel } from './cda-facts';
import { collapseWhitespace } from './canonical-xml';

/** One section with what aligns it to its counterpart. */
export interface SectionNode {
  readonly element: XmlElement;
  readonly path: string;
  readonly templateKey: string;
  readonly codeKey: string;
  readonly title: string;
  readonly label: string;
  readonly index: number;
}

/** What sections are aligned by (the change list's and the narrative diff's sections). */
export type SectionKeyFields = Pick<SectionNode, 'templateKey' | 'codeKey' | 'title'>;

/** Section alignment passes, strictest first: templateId + code + title, down to order. */
export const sectionKeys: readonly ((s: SectionKeyFields) => string | undefined)[] = [
  (s) => `${s.templateKey}|${s.codeKey}|${s.title}`,
  (s) => (s.templateKey || s.codeKey ? `${s.templateKey}|${s.codeKey}` : undefined),
  (s) => (s.templateKey ? s.templateKey : undefined),
  (s) => (s.title ? s.title : undefined),
  (s) => (!s.templateKey && !s.codeKey && !s.title ? '' : undefined),
];

/** The structuredBody of a ClinicalDocument and its canonical path, if it has one. */
export function bodySections(root: XmlElement): { parent: XmlElement; path: string } | undefined {
  const component = firstChild(root, 'component');
  const body = firstChild(component, 'structuredBody');
  return body ? { parent: body, path: `/${root.name}/component/structuredBody` } : undefined;
}

/** `root^extension` of every templateId child, appended to `out` (loops: run per section). */
function templateIdsOf(element: XmlElement, out: string[]): void {
  const children = element.children;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.kind === 'element' && child.name === 'templateId')
      out.push(`${attribute(child, 'root') ?? ''}^${attribute(child, 'extension') ?? ''}`);
  }
}

/** The sections directly under `parent` (through its components). */
export function sectionsOf(parent: XmlElement, parentPath: string): SectionNode[] {
  const nodes: SectionNode[] = [];
  const path = `${parentPath}/component/section`;
  const children = parent.children;
  for (let i = 0; i < children.length; i++) {
    const component = children[i]!;
    if (component.kind !== 'element' || component.name !== 'component') continue;
    const section = firstChild(component, 'section');
    if (!section) continue;
    const templateIds: string[] = [];
    templateIdsOf(component, templateIds);
    templateIdsOf(section, templateIds);
    const code = firstChild(section, 'code');
    const titleElement = firstChild(section, 'title');
    const title = titleElement ? collapseWhitespace(describeLeaf(titleElement)) : '';
    const index = nodes.length;
    nodes.push({
      element: section,
      path,
      templateKey: templateIds.join(' '),
      codeKey: code
        ? `${attribute(code, 'code') ?? ''}@${attribute(code, 'codeSystem') ?? ''}`
        : '',
      title,
      label:
        title ||
        (code && (attribute(code, 'displayName') ?? attribute(code, 'code'))) ||
        `#${index + 1}`,
      index,
    });
  }
  return nodes;
}

/** One entry of a section with what aligns it to its counterpart. */
export interface EntryNode {
  readonly element: XmlElement;
  readonly id: string | undefined;
  readonly code: string | undefined;
  readonly label: string;
  readonly index: number;
}

/** The entries of a section. */
export function entriesOf(section: XmlElement): EntryNode[] {
  const nodes: EntryNode[] = [];
  const children = section.children;
  for (let i = 0; i < children.length; i++) {
    const entry = children[i]!;
    if (entry.kind !== 'element' || entry.name !== 'entry') continue;
    const statement = statementOf(entry);
    const id = firstChild(statement, 'id');
    const code = firstChild(statement, 'code');
    const root = id && attribute(id, 'root');
    const extension = root ? attribute(id, 'extension') : undefined;
    const idText = root ? (extension ? `${root}^${extension}` : root) : undefined;
    const index = nodes.length;
    nodes.push({
      element: entry,
      id: idText,
      code: code
        ? `${attribute(code, 'code') ?? ''}@${attribute(code, 'codeSystem') ?? ''}`
        : undefined,
      label: (statement && statementLabel(statement)) ?? idText ?? `#${index + 1}`,
      index,
    });
  }
  return nodes;
}

/** The clinical statement of an entry: its first element child that is not a templateId. */
function statementOf(entry: XmlElement): XmlElement | undefined {
  const children = entry.children;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.kind === 'element' && child.name !== 'templateId') return child;
  }
  return undefined;
}
