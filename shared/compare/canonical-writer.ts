/**
 * The canonical writer's recursion (canonical-xml.ts builds the form with it): each element
 * becomes its lines, children one level deeper, through the Builder's caches. This is the hot
 * path of a comparison (every element of both documents passes here once), so what it does per
 * node stays in these few functions: see the notes on loops and reused tables below.
 */
import type { XmlElement } from '../xml/tree';
import type { Builder } from './canonical-builder';
import { indentOf, siblingSegments, startTag, TagLine, type Tag } from './canonical-tag';
import { canonicalText, collapseWhitespace, hasContent } from './canonical-text';
import { base64Line, isOutOfLineBase64, isSignature, signatureLine } from './out-of-line-payloads';

/** Writes an element's lines (element id `id`, at `depth`) and notes its line range. */
export function writeElement(
  builder: Builder,
  element: XmlElement,
  tag: Tag,
  id: number,
  depth: number,
): void {
  const firstLine = builder.lines.length;
  // Most elements have no attributes, so no declarations: the scope is left alone for them.
  const hasAttributes = element.attributes.length > 0;
  const scope = hasAttributes ? builder.scope.enter(element.attributes) : 0;
  writeElementLines(builder, element, tag, id, depth);
  if (hasAttributes) builder.scope.leave(scope);
  if (tag.hasRange && builder.capture === undefined)
    builder.ranges.set(element, [firstLine, builder.lines.length]);
}

function writeElementLines(
  builder: Builder,
  element: XmlElement,
  tag: Tag,
  id: number,
  depth: number,
): void {
  const hasAttributes = element.attributes.length > 0;
  // One pass over the children instead of filtered copies: what is significant, and of what kind.
  const children = element.children;
  let significant = 0;
  let elements = 0;
  let texts = 0;
  let raw = '';
  for (let i = 0; i < children.length; i++) {
    const node = children[i]!;
    if (node.kind === 'element') elements++;
    else if (node.kind === 'text') {
      if (!hasContent(node.text)) continue;
      texts++;
      raw += node.text;
    }
    significant++;
  }
  const indent = indentOf(depth);
  if (significant === 0) {
    if (!hasAttributes) builder.emitTag(tag, TagLine.empty, depth, id);
    else builder.emitStart(tag, element, depth, true, id);
    return;
  }
  const isMain = builder.capture === undefined;
  if (texts === significant) {
    if (isMain && isOutOfLineBase64(element, raw)) {
      if (hasAttributes) builder.emitStart(tag, element, depth, false, id);
      else builder.emitTag(tag, TagLine.start, depth, id);
      builder.emit(
        `${indent}  ${base64Line(builder, raw, builder.path(id), builder.lines.length)}`,
        id,
      );
      builder.emitTag(tag, TagLine.end, depth, id);
      return;
    }
    // The commonest line of all: `<td>text</td>`.
    if (!hasAttributes) builder.emitText(tag, depth, raw, id);
    else
      builder.emit(
        indent + startTag(builder, tag, element) + '>' + canonicalText(raw) + tag.close,
        id,
      );
    return;
  }
  if (hasAttributes) builder.emitStart(tag, element, depth, false, id);
  else builder.emitTag(tag, TagLine.start, depth, id);
  // Tags and segments per nesting level, reused: the children below write into deeper levels'.
  const level = builder.nesting++;
  const tags = builder.tagsAt(level);
  const segments = builder.segmentsAt(level);
  siblingSegments(builder, children, elements, tags, segments);
  const inner = indentOf(depth + 1);
  let elementIndex = 0;
  for (let i = 0; i < children.length; i++) {
    const node = children[i]!;
    if (node.kind === 'text') {
      // Usually every text here is the whitespace between elements (texts === 0): not rescanned.
      if (texts > 0 && hasContent(node.text)) {
        if (node.line !== undefined && builder.capture === undefined)
          builder.ownSourceLines.set(builder.lines.length, node.line);
        builder.emit(inner + canonicalText(node.text), id);
      }
    } else if (node.kind === 'comment') {
      // Not while a signature is measured: its lines are not the form's.
      if (node.line && builder.capture === undefined)
        builder.ownSourceLines.set(builder.lines.length, node.line);
      builder.emit(`${inner}<!--${collapseWhitespace(node.text)}-->`, id);
    } else {
      const childTag = tags[elementIndex]!;
      const childId = builder.register(segments[elementIndex++]!, id, node.line);
      if (isMain && isSignature(node)) writeSignature(builder, node, childTag, childId, depth + 1);
      else writeElement(builder, node, childTag, childId, depth + 1);
    }
  }
  builder.nesting = level;
  builder.emitTag(tag, TagLine.end, depth, id);
}

/** A signature becomes one line: its canonical text's size and hash. */
function writeSignature(
  builder: Builder,
  element: XmlElement,
  tag: Tag,
  id: number,
  depth: number,
): void {
  const parts: string[] = [];
  builder.capture = parts;
  writeElement(builder, element, tag, id, 0);
  builder.capture = undefined;
  const path = builder.path(id);
  const line = signatureLine(builder, element, tag.name, parts, path, builder.lines.length);
  builder.emit(`${indentOf(depth)}${line}`, id);
}
