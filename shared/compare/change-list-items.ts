/**
 * The items of the CDA change list and the sink that collects them: how one difference is worded
 * ("section X, entry Y: field changed from A to B"), where it points (path, lines), and the cap
 * past which the list stops growing.
 */
import type { XmlElement } from '../xml/tree';
import type { NarrativeLine } from './cda-facts';

/** One difference, in the words a tester uses. */
export interface ChangeListItem {
  readonly group: 'header' | 'section' | 'entry' | 'metadata';
  readonly kind: 'added' | 'removed' | 'changed' | 'moved';
  /** The section chain, e.g. "Lääkemääräys › #1 › #1". */
  readonly section?: string;
  /** The entry's name (its statement's code display name, or its id). */
  readonly entry?: string;
  /** What changed inside the section or entry, e.g. "title", "Annososio ja jatko-osiot › text". */
  readonly field?: string;
  readonly left?: string;
  readonly right?: string;
  /** The sentence shown to the tester. */
  readonly text: string;
  /** Canonical XML path (without indexes) for body items, model path for header and metadata. */
  readonly path: string;
  readonly pathKind: 'canonical' | 'model';
  /** 1-based source lines on each side, when known. */
  readonly leftLine?: number;
  readonly rightLine?: number;
}

/** The change list stops growing here, with a note (a huge rewrite is not read item by item). */
export const maxChangeListItems = 5000;

/** A value as it appears in a sentence: quoted, long ones cut at 300 characters. */
function quote(value: string | undefined): string {
  if (value === undefined) return '(nothing)';
  return `"${value.length > 300 ? `${value.slice(0, 300)}…` : value}"`;
}

/** The element's source line as `{ leftLine }` or `{ rightLine }`, when the parser kept it. */
export function lineOf(
  side: 'leftLine' | 'rightLine',
  element: XmlElement | undefined,
): Record<string, number> {
  return element?.line !== undefined ? { [side]: element.line } : {};
}

/** Collects change list items up to maxChangeListItems, wording each one. */
export class ChangeListSink {
  readonly items: ChangeListItem[] = [];
  isTruncated = false;
  /** True when the comparison's time ran out: from then on changed sections are only named. */
  stoppedByFuse = false;

  constructor(private readonly isPastFuse: () => boolean = () => false) {}

  /** True once the list is full: later work would be thrown away, so it is not done. */
  get isFull(): boolean {
    return this.items.length >= maxChangeListItems;
  }

  /** Marks the list truncated when it is full or the time is up; true when the caller should stop. */
  protected stopWhenFull(): boolean {
    if (!this.isFull && !this.stoppedByFuse && !this.isPastFuse()) return false;
    if (!this.isFull) this.stoppedByFuse = true;
    this.isTruncated = true;
    return true;
  }

  /**
   * True once the comparison's time is up (issue 7's fuse): the caller then names a changed
   * section without reading its entries and fields, so the list falls back to a section-level
   * diff instead of stopping.
   */
  protected isOutOfTime(): boolean {
    if (!this.stoppedByFuse && !this.isPastFuse()) return false;
    this.stoppedByFuse = true;
    this.isTruncated = true;
    return true;
  }

  /** Adds one item, or marks the list truncated when it is full. */
  add(item: ChangeListItem): void {
    if (this.items.length >= maxChangeListItems) {
      this.isTruncated = true;
      return;
    }
    this.items.push(item);
  }

  /** One field of a section or entry that was added, removed or changed. */
  field(
    group: ChangeListItem['group'],
    section: string,
    entry: string | undefined,
    field: string,
    left: string | undefined,
    right: string | undefined,
    path: string,
    lEl?: XmlElement,
    rEl?: XmlElement,
  ): void {
    const where = `section ${section}${entry === undefined ? '' : `, entry ${entry}`}`;
    const kind = left === undefined ? 'added' : right === undefined ? 'removed' : 'changed';
    const text =
      kind === 'changed'
        ? `${where}: ${field} changed from ${quote(left)} to ${quote(right)}`
        : kind === 'added'
          ? `${where}: ${field} added: ${quote(right)}`
          : `${where}: ${field} removed: ${quote(left)}`;
    this.add({
      group,
      kind,
      section,
      ...(entry !== undefined ? { entry } : {}),
      field,
      ...(left !== undefined ? { left } : {}),
      ...(right !== undefined ? { right } : {}),
      text,
      path,
      pathKind: 'canonical',
      ...lineOf('leftLine', lEl),
      ...lineOf('rightLine', rEl),
    });
  }

  /**
   * An entry, or a part of one, added or removed as a whole: one item that names it (see
   * entry-subtree-words.ts). `shownEntry` is how the sentence names the entry (its id for a
   * whole entry, none when it has no id), `entry` how the list groups it.
   */
  entryPart(
    place: { readonly section: string; readonly entry: string; readonly shownEntry?: string },
    kind: 'added' | 'removed',
    words: { readonly statement?: string; readonly field: string; readonly summary: string },
    path: string,
    line: number | undefined,
  ): void {
    const where = `section ${place.section}${place.shownEntry === undefined ? '' : `, entry ${place.shownEntry}`}`;
    this.add({
      group: 'entry',
      kind,
      section: place.section,
      entry: place.entry,
      field: words.field,
      ...(kind === 'added' ? { right: words.summary } : { left: words.summary }),
      text:
        words.statement === undefined
          ? `${where}: ${words.field} ${kind}: ${quote(words.summary)}`
          : `${where}: ${words.summary} ${kind}`,
      path,
      pathKind: 'canonical',
      ...(line === undefined ? {} : { [kind === 'added' ? 'rightLine' : 'leftLine']: line }),
    });
  }

  /** A narrative line added, removed, changed, or (`moved`) moved unchanged. */
  narrativeLine(
    name: string,
    a: NarrativeLine | undefined,
    b: NarrativeLine | undefined,
    moved?: 'moved',
  ): void {
    const line = (b ?? a)!;
    this.add({
      group: 'section',
      kind: moved ?? (a === undefined ? 'added' : b === undefined ? 'removed' : 'changed'),
      section: name,
      field: 'narrative',
      ...(a ? { left: a.text } : {}),
      ...(b ? { right: b.text } : {}),
      text: moved
        ? `section ${name}: narrative moved: ${quote(line.text)}`
        : a && b
          ? `section ${name}: narrative changed from ${quote(a.text)} to ${quote(b.text)}`
          : a
            ? `section ${name}: narrative removed: ${quote(a.text)}`
            : `section ${name}: narrative added: ${quote(line.text)}`,
      path: line.path,
      pathKind: 'canonical',
      ...(a?.line !== undefined ? { leftLine: a.line } : {}),
      ...(b?.line !== undefined ? { rightLine: b.line } : {}),
    });
  }
}
