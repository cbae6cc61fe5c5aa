/**
 * The narrative of one compared document as a list of sections: a CDA structuredBody's sections
 * (with what aligns them, from shared/compare/cda-body-nodes.ts), or one "Display form" section
 * for a nonXMLBody's text (a social welfare document's XHTML, or plain text).
 */
import { bodySections, sectionsOf, type SectionNode } from '../compare/cda-body-nodes';
import { firstChild } from '../compare/cda-facts';
import type { DocumentMetadata } from '../documents/model';
import type { XmlElement, XmlNode } from '../xml/tree';

/** One section's parts the narrative diff compares and shows. */
export interface NarrativeItem {
  readonly index: number;
  readonly templateKey: string;
  readonly codeKey: string;
  readonly title: string;
  readonly label: string;
  readonly titleNodes: readonly XmlNode[];
  readonly textNodes: readonly XmlNode[];
  readonly children: readonly NarrativeItem[];
}

/** Reads XHTML text into a tree, or undefined when it is not well-formed (the worker's safe parser). */
export type ParseMarkup = (text: string) => XmlElement | undefined;

/** A side's narrative, and a note when it could only be read in part. */
export interface SideNarrative {
  readonly items: readonly NarrativeItem[];
  readonly note?: string;
}

const displayFormKey = 'display-form';

function itemOf(node: SectionNode): NarrativeItem {
  return {
    index: node.index,
    templateKey: node.templateKey,
    codeKey: node.codeKey,
    title: node.title,
    label: node.label,
    titleNodes: firstChild(node.element, 'title')?.children ?? [],
    textNodes: firstChild(node.element, 'text')?.children ?? [],
    children: sectionsOf(node.element, node.path).map(itemOf),
  };
}

function displayForm(textNodes: readonly XmlNode[]): NarrativeItem {
  return {
    index: 0,
    templateKey: displayFormKey,
    codeKey: '',
    title: 'Display form',
    label: 'Display form',
    titleNodes: [{ kind: 'text', text: 'Display form' }],
    textNodes,
    children: [],
  };
}

/** The first element named `name` (any namespace) at or under `root`, breadth first. */
function findElement(root: XmlElement, name: string): XmlElement | undefined {
  const queue: XmlElement[] = [root];
  for (let at = 0; at < queue.length && at < 64; at++) {
    const element = queue[at]!;
    if (element.name.toLowerCase() === name) return element;
    for (const child of element.children) if (child.kind === 'element') queue.push(child);
  }
  return undefined;
}

/** The sections of one side. */
export function narrativeOf(
  tree: XmlElement,
  metadata: DocumentMetadata,
  parseMarkup: ParseMarkup,
): SideNarrative {
  const body = metadata.body;
  if (body.kind === 'nonXml') {
    const text = body.content.text;
    if (text === undefined) return { items: [] };
    const truncation = body.content.isTextTruncated
      ? 'The display form is longer than Archivist reads for display; only its start is compared.'
      : undefined;
    if (/html/i.test(body.content.mediaType ?? '')) {
      const markup = parseMarkup(text);
      if (markup) {
        const content = findElement(markup, 'body') ?? markup;
        return {
          items: [displayForm(content.children)],
          ...(truncation ? { note: truncation } : {}),
        };
      }
      return {
        items: [displayForm([{ kind: 'text', text }])],
        note: 'A display form is not well-formed XHTML, so it is compared as plain text (its tags are shown as text).',
      };
    }
    return {
      items: [displayForm([{ kind: 'text', text }])],
      ...(truncation ? { note: truncation } : {}),
    };
  }
  const found = bodySections(tree);
  return { items: found ? sectionsOf(found.parent, found.path).map(itemOf) : [] };
}
