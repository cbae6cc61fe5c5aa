/**
 * The word-level diff of two documents' rendered narrative (issue 7): sections aligned as the
 * change list aligns them (templateId + code, title as fallback, then order; shared/compare/
 * align.ts), and inside each aligned pair the title and text diffed by tokens, with the changed
 * words marked. Pure and synchronous; the compare worker runs it, never a UI thread. A block too
 * large to diff word by word is shown as changed as a whole, with a note.
 */
import { align, movedOf, type Pair } from '../compare/align';
import { sectionKeys } from '../compare/cda-body-nodes';
import { collapseWhitespace } from '../compare/canonical-text';
import type { DocumentMetadata } from '../documents/model';
import type { XmlElement, XmlNode } from '../xml/tree';
import { markBlock, readBlock, type NarrativeNode } from './narrative-tree';
import { narrativeOf, type NarrativeItem, type ParseMarkup } from './narrative-sections';
import { bridgeSpaces, changedFlags, diffTokens } from './tokens';

export type RowKind = 'same' | 'changed' | 'added' | 'removed';

/** One side of a section row. */
export interface NarrativeSideView {
  /** 1-based place among its sibling sections on this side. */
  readonly position: number;
  readonly title: readonly NarrativeNode[];
  /** Absent when the comparison's size cap left the text out. */
  readonly text?: readonly NarrativeNode[];
}

/** One section, in the order the right document has them (removed ones where they stood). */
export interface NarrativeRow {
  readonly depth: number;
  readonly kind: RowKind;
  readonly label: string;
  /** True when an aligned section sits at another place among its siblings. */
  readonly isMoved: boolean;
  readonly left?: NarrativeSideView;
  readonly right?: NarrativeSideView;
  /** Why the changed words are not marked, when they are not. */
  readonly note?: string;
  /**
   * True when the left text is exactly the right one (same nodes): it is then sent once, as
   * `right.text`, and `left.text` is left out. Most sections of a long document are unchanged.
   */
  readonly isTextShared?: boolean;
}

export interface NarrativeComparison {
  readonly rows: readonly NarrativeRow[];
  /** Rows that are not `same`, moved ones included. */
  readonly changedRows: number;
  readonly notes: readonly string[];
}

/** One compared side: its metadata and its parsed XML (the CDA itself for RCMR messages). */
export interface NarrativeInput {
  readonly metadata: DocumentMetadata;
  readonly tree: XmlElement;
}

/** Text sent to the view, both sides together; past it rows come without their text. */
export const maxNarrativeChars = 2_000_000;

/** Plain text of XML nodes with white space collapsed: what decides "same" for any size. */
function plainText(nodes: readonly XmlNode[]): string {
  const parts: string[] = [];
  const walk = (list: readonly XmlNode[]): void => {
    for (const node of list)
      if (node.kind === 'text') parts.push(node.text);
      else if (node.kind === 'element') walk(node.children);
  };
  walk(nodes);
  return collapseWhitespace(parts.join(' '));
}

interface DiffedBlock {
  readonly left: NarrativeNode[];
  readonly right: NarrativeNode[];
  readonly isSame: boolean;
  readonly note?: string;
}

/** Diffs one block pair by tokens, or shows it changed as a whole when it is out of bounds. */
function diffBlock(left: readonly XmlNode[], right: readonly XmlNode[]): DiffedBlock {
  const a = readBlock(left);
  const b = readBlock(right);
  if (plainText(left) === plainText(right)) return { left: a.nodes, right: b.nodes, isSame: true };
  if (a.isTruncated || b.isTruncated)
    return {
      left: a.nodes,
      right: b.nodes,
      isSame: false,
      note: 'This text is too large to compare word by word; it is shown as changed as a whole, and only its start is shown.',
    };
  const diff = diffTokens(a.tokens, b.tokens);
  if (diff.kind === 'too-large')
    return { left: a.nodes, right: b.nodes, isSame: false, note: diff.note };
  const flags = changedFlags(diff.blocks, a.tokens.length, b.tokens.length);
  return {
    left: markBlock(a.nodes, bridgeSpaces(flags.left, a.tokens), 'removed'),
    right: markBlock(b.nodes, bridgeSpaces(flags.right, b.tokens), 'added'),
    isSame: false,
  };
}

function sameNodes(a: readonly NarrativeNode[], b: readonly NarrativeNode[]): boolean {
  return a.length === b.length && JSON.stringify(a) === JSON.stringify(b);
}

class RowBuilder {
  readonly rows: NarrativeRow[] = [];
  private chars = 0;
  isOverSize = false;

  /** The text, unless the size cap is reached. */
  private sized(nodes: readonly NarrativeNode[]): readonly NarrativeNode[] | undefined {
    if (this.isOverSize) return undefined;
    this.chars += JSON.stringify(nodes).length;
    if (this.chars <= maxNarrativeChars) return nodes;
    this.isOverSize = true;
    return undefined;
  }

  private side(position: number, title: readonly NarrativeNode[], text: readonly NarrativeNode[]) {
    const sized = this.sized(text);
    return { position, title, ...(sized ? { text: sized } : {}) };
  }

  /** A section only one side has, and its nested sections. */
  oneSided(item: NarrativeItem, kind: 'added' | 'removed', depth: number): void {
    const view = this.side(
      item.index + 1,
      readBlock(item.titleNodes).nodes,
      readBlock(item.textNodes).nodes,
    );
    this.rows.push({
      depth,
      kind,
      label: item.label,
      isMoved: false,
      ...(kind === 'added' ? { right: view } : { left: view }),
    });
    for (const child of item.children) this.oneSided(child, kind, depth + 1);
  }

  pair([l, r]: Pair<NarrativeItem>, isMoved: boolean, depth: number): void {
    const title = diffBlock(l.titleNodes, r.titleNodes);
    const text = diffBlock(l.textNodes, r.textNodes);
    const note = text.note ?? title.note;
    const right = this.side(r.index + 1, title.right, text.right);
    const isTextShared =
      text.isSame && right.text !== undefined && sameNodes(text.left, text.right);
    this.rows.push({
      depth,
      kind: title.isSame && text.isSame ? 'same' : 'changed',
      label: r.label,
      isMoved,
      left: isTextShared
        ? { position: l.index + 1, title: title.left }
        : this.side(l.index + 1, title.left, text.left),
      right,
      ...(note ? { note } : {}),
      ...(isTextShared ? { isTextShared } : {}),
    });
    this.sections(l.children, r.children, depth + 1);
  }

  /** Aligned pairs and added sections in the right's order; each removed one before the next pair after it. */
  sections(left: readonly NarrativeItem[], right: readonly NarrativeItem[], depth: number): void {
    const { pairs, removed } = align(left, right, sectionKeys);
    const moved = movedOf(pairs);
    const pairOfRight = new Map(pairs.map((pair) => [pair[1], pair]));
    const waiting = [...removed].sort((x, y) => x.index - y.index);
    for (const item of right) {
      const pair = pairOfRight.get(item);
      if (!pair) {
        this.oneSided(item, 'added', depth);
        continue;
      }
      while (waiting.length > 0 && waiting[0]!.index < pair[0].index)
        this.oneSided(waiting.shift()!, 'removed', depth);
      this.pair(pair, moved.has(pair), depth);
    }
    for (const item of waiting) this.oneSided(item, 'removed', depth);
  }
}

/** Compares the rendered narrative of two documents. */
export function diffNarratives(
  left: NarrativeInput,
  right: NarrativeInput,
  parseMarkup: ParseMarkup,
): NarrativeComparison {
  const a = narrativeOf(left.tree, left.metadata, parseMarkup);
  const b = narrativeOf(right.tree, right.metadata, parseMarkup);
  const builder = new RowBuilder();
  builder.sections(a.items, b.items, 0);
  const notes = [...new Set([a.note, b.note].filter((note) => note !== undefined))];
  if (builder.isOverSize)
    notes.push(
      `The narrative is over ${(maxNarrativeChars / 1_000_000).toLocaleString('en')} million characters; later sections are listed without their text (the content diff has everything).`,
    );
  if (a.items.length === 0 && b.items.length === 0)
    notes.push('Neither document has a narrative body to compare.');
  return {
    rows: builder.rows,
    changedRows: builder.rows.filter((row) => row.kind !== 'same' || row.isMoved).length,
    notes,
  };
}
