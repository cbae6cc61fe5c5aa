/**
 * The strict reader: one pass over decoded text, building the neutral tree directly. Iterative
 * (an explicit stack, no recursion), so depth can never overflow the call stack; every search is
 * a native `indexOf`, and every cap is checked before the work it bounds.
 */
import type { XmlElement, XmlNode } from '../../../shared/xml/tree';
import { keepShape } from '../../../shared/keep-shape';
import { defaultXmlLimits, type XmlLimits } from './xml-limits';
import { XmlReadFailure, quoteName } from './xml-errors';
import {
  checkTextLength,
  readBang,
  readDeclaration,
  readProcessingInstruction,
  startsWithDeclaration,
} from './markup';
import { NamespaceScope, type NamespaceUndo } from './namespaces';
import { ReaderContext } from './reader-context';
import {
  failCdataEndInText,
  failEndTagJunk,
  failMismatchedEndTag,
  failNoRoot,
  failOutsideText,
  failSecondRoot,
  failTooDeep,
  failUnclosed,
  failUnmatchedEndTag,
  resourcesFailure,
} from './reader-failures';
import { expandReferences } from './references';
import { noChildren, readName, readStartTag, type BuildingElement } from './start-tag';
import { isWhitespace, nameEnd } from './xml-chars';

/** Stops reading after this element's start tag (the header reader stops at the body). */
export type StopPredicate = (element: XmlElement) => boolean;

/** The tree, and whether reading stopped early at a stop element; or why it failed. */
export type ReadOutcome =
  | { readonly ok: true; readonly root: XmlElement; readonly isStopped: boolean }
  | { readonly ok: false; readonly failure: XmlReadFailure };

interface Frame {
  readonly qname: string;
  readonly element: BuildingElement;
  /** Where the element's children start in the reader's child stack. */
  readonly childStart: number;
  readonly undo: NamespaceUndo;
}

/** Reads a whole decoded document into its document element; never throws. */
export function readXmlTree(text: string, limits: XmlLimits, stopAt?: StopPredicate): ReadOutcome {
  const reader = new XmlReader(new ReaderContext(text, limits), stopAt);
  try {
    return { ok: true, ...reader.run() };
  } catch (error) {
    if (error instanceof XmlReadFailure) return { ok: false, failure: error };
    // A RangeError from the engine (say, a string too long) is still a refusal, not a crash.
    return { ok: false, failure: resourcesFailure() };
  }
}

class XmlReader {
  private readonly stack: Frame[] = [];
  /**
   * The children of every open element, innermost last; an element takes an exact-size copy of
   * its own when it closes. One array for all, instead of one growing array per element that
   * is then copied (a 20 MB document has hundreds of thousands of elements with children).
   * Its length is `childCount`: the slots past it are reused, never trimmed.
   */
  private readonly children: XmlNode[] = [];
  private childCount = 0;
  private readonly scope = new NamespaceScope();
  private root: XmlElement | undefined;
  private isStopped = false;

  constructor(
    private readonly context: ReaderContext,
    private readonly stopAt: StopPredicate | undefined,
  ) {}

  run(): { root: XmlElement; isStopped: boolean } {
    const { text, length } = this.context;
    let at = startsWithDeclaration(text) ? readDeclaration(this.context) : 0;
    while (at < length && !this.isStopped) {
      const lt = text.indexOf('<', at);
      const textEnd = lt === -1 ? length : lt;
      if (textEnd > at) this.readText(at, textEnd);
      if (lt === -1) break;
      at = this.readMarkup(lt);
    }
    if (this.isStopped) this.closeOpenElements();
    return { root: this.finish(), isStopped: this.isStopped };
  }

  /** Gives the elements still open when reading stopped early the children read so far. */
  private closeOpenElements(): void {
    for (let index = this.stack.length - 1; index >= 0; index -= 1)
      this.takeChildren(this.stack[index]!);
  }

  private pushChild(node: XmlNode): void {
    this.children[this.childCount++] = node;
  }

  private takeChildren(frame: Frame): void {
    const start = frame.childStart;
    frame.element.children =
      this.childCount === start ? noChildren : this.children.slice(start, this.childCount);
    this.childCount = start;
  }

  private finish(): XmlElement {
    const open = this.stack[this.stack.length - 1];
    if (open && !this.isStopped) failUnclosed(this.context, open.qname, open.element.line ?? 1);
    if (!this.root) failNoRoot(this.context);
    return this.root;
  }

  private readMarkup(lt: number): number {
    const { context } = this;
    const next = context.text.charCodeAt(lt + 1);
    if (next === 0x2f) return this.readEndTag(lt);
    if (next === 0x3f) return readProcessingInstruction(context, lt);
    if (next === 0x21) {
      const markup = readBang(context, lt, this.stack.length > 0);
      const frame = this.stack[this.stack.length - 1];
      if (frame && markup.kind === 'cdata') this.appendText(frame, markup.value, lt);
      if (frame && markup.kind === 'comment') {
        context.countNode(lt);
        this.pushChild({ kind: 'comment', text: markup.value, line: context.lineAt(lt) });
      }
      return markup.end;
    }
    if (Number.isNaN(next)) context.failTruncated('a tag', lt);
    return this.readStartTag(lt);
  }

  private readStartTag(lt: number): number {
    const { context, stack } = this;
    if (stack.length >= context.limits.maxDepth) failTooDeep(context, lt);
    if (stack.length === 0 && this.root) failSecondRoot(context, lt);
    context.countNode(lt);
    const tag = readStartTag(context, this.scope, lt);
    const parent = stack[stack.length - 1];
    if (parent) this.pushChild(tag.element);
    else this.root = tag.element;
    if (this.stopAt?.(tag.element)) this.isStopped = true;
    else if (tag.isEmpty) this.scope.restore(tag.undo);
    else
      stack.push({
        qname: tag.qname,
        element: tag.element,
        childStart: this.childCount,
        undo: tag.undo,
      });
    return tag.end;
  }

  private readEndTag(lt: number): number {
    const { context, stack } = this;
    const { text } = context;
    const open = stack[stack.length - 1];
    // Well-formed input closes the open element, so its name is matched in place: slicing and
    // interning a name per end tag was a tenth of reading a 20 MB document. Anything else is
    // read as a name, which gives the same errors as before.
    const qname =
      open !== undefined && isNameAt(text, lt + 2, open.qname)
        ? open.qname
        : readName(context, lt + 2, lt, 'element');
    let at = lt + 2 + qname.length;
    while (isWhitespace(text.charCodeAt(at))) at += 1;
    if (at >= text.length) context.failTruncated(`the end tag ${quoteName(qname)}`, lt);
    if (text.charCodeAt(at) !== 0x3e) failEndTagJunk(context, qname, lt);
    const frame = stack.pop();
    if (!frame) return failUnmatchedEndTag(context, qname, lt);
    if (frame.qname !== qname)
      failMismatchedEndTag(context, qname, frame.qname, frame.element.line ?? 1, lt);
    this.scope.restore(frame.undo);
    this.takeChildren(frame);
    return at + 1;
  }

  private readText(start: number, end: number): void {
    const { context } = this;
    const frame = this.stack[this.stack.length - 1];
    if (!frame) {
      this.checkOutsideText(start, end);
      return;
    }
    checkTextLength(context, end - start, start, 'A text');
    if (context.next(']]>', start) < end) failCdataEndInText(context, context.next(']]>', start));
    const hasReference = context.next('&', start) < end;
    // Indentation between elements repeats endlessly and is shared (found in place, or sliced
    // and interned); values mostly do not, and looking each one up cost more than it saved (a
    // text starting with a space may be either).
    const indentation = hasReference ? undefined : context.indentation(start, end);
    const raw =
      hasReference || indentation !== undefined ? undefined : context.text.slice(start, end);
    this.appendText(
      frame,
      indentation ??
        (raw === undefined
          ? expandReferences(context.text, start, end, false)
          : context.text.charCodeAt(start) <= 0x20
            ? context.intern(raw)
            : raw),
      start,
      indentation !== undefined,
    );
  }

  private checkOutsideText(start: number, end: number): void {
    const { text } = this.context;
    let at = start;
    while (at < end && isWhitespace(text.charCodeAt(at))) at += 1;
    if (at === end) return;
    const where = this.root ? 'after the document element' : 'before the document element';
    failOutsideText(this.context, where, at);
  }

  /**
   * Appends text, merging with a text just before it (CDATA next to text reads as one text).
   * `isBlank`: the caller knows the value is white space only (indentation, most of a document's
   * texts), which has no line of its own until content joins it.
   */
  private appendText(frame: Frame, value: string, position: number, isBlank = false): void {
    if (value === '') return;
    const last =
      this.childCount > frame.childStart ? this.children[this.childCount - 1] : undefined;
    if (last?.kind === 'text') {
      checkTextLength(this.context, last.text.length + value.length, position, 'A text');
      const text = last.text + value;
      // Content after white space (a CDATA section after a line break) gives the text its line.
      const line =
        last.line ?? (isBlank || !isBlankText(last.text) ? 0 : this.ownLine(frame, position));
      this.children[this.childCount - 1] =
        line === 0 ? { kind: 'text', text } : { kind: 'text', text, line };
      return;
    }
    this.context.countNode(position);
    const line = isBlank ? 0 : this.ownLine(frame, position);
    this.pushChild(
      line === 0 ? { kind: 'text', text: value } : { kind: 'text', text: value, line },
    );
  }

  /**
   * The source line where text from `position` has its first non-whitespace character, or 0
   * when it has none before the next markup or starts on its element's line (see XmlText.line).
   */
  private ownLine(frame: Frame, position: number): number {
    const { context } = this;
    const { text } = context;
    // The commonest text of all, `<td>text</td>`: right after its element's start tag.
    if (this.childCount === frame.childStart && !isWhitespace(text.charCodeAt(position))) return 0;
    let at = position;
    while (isWhitespace(text.charCodeAt(at))) at += 1;
    // Whitespace up to a tag (indentation) is no content; a CDATA section starts at its `<`.
    if (at >= text.length || (text.charCodeAt(at) === 0x3c && !text.startsWith('<![CDATA[', at)))
      return 0;
    const line = context.lineAt(at);
    return line === frame.element.line ? 0 : line;
  }
}

// The reader's shapes (its context, scope and caches) outlive every document (see keepShape):
// without it, each document read after a full garbage collection took about twice as long.
keepShape(new XmlReader(new ReaderContext('', defaultXmlLimits), undefined));

/** True for white space only. */
function isBlankText(text: string): boolean {
  for (let at = 0; at < text.length; at++) if (!isWhitespace(text.charCodeAt(at))) return false;
  return true;
}

/** True when `name` is at `start` as a whole name (the character after it cannot continue one). */
function isNameAt(text: string, start: number, name: string): boolean {
  const end = start + name.length;
  return text.startsWith(name, start) && nameEnd(text, end, 0) === end;
}
