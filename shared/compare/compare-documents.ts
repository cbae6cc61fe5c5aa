/**
 * Compares two documents (issue 7): the metadata diff, the content diff of the canonical XML
 * forms and the CDA-aware change list, with an ignore profile applied. Pure and synchronous: the
 * app and the command line run it in a worker (electron/services/compare) so that no UI or main
 * thread ever waits on it. Its result and the shown/hidden split are in compare-result.ts.
 */
import type { DocumentMetadata } from '../documents/model';
import type { PayloadCodec } from '../documents/payload';
import type { XmlElement } from '../xml/tree';
import { canonicalizeXml, type CanonicalXml } from './canonical-xml';
import { diffCdaBody, nameWith, type UnchangedTest } from './cda-change-list';
import { countHidden, hideChangeListItem, split, type CompareResult } from './compare-result';
import { comparedDocument, withStatus } from './compared-document';
import { contentChanges } from './content-changes';
import { compileRules, noIgnoreProfile, type ResolvedProfile } from './ignore-profile';
import { diffIds, type ChangeBlock } from './line-diff';
import { LineInterner } from './line-interner';
import { metadataItems } from './metadata-items';
import { versionOrderNotes } from './version-order-note';
import { diffMetadata, type MetadataChange } from './metadata-diff';
import { diffStoredStatus, storedStatusNotes, type StoredStatuses } from './metadata-status';

/** One side of a comparison: its metadata and its parsed XML (the CDA itself for RCMR messages). */
export interface CompareSide {
  readonly metadata: DocumentMetadata;
  readonly tree: XmlElement;
}

export interface CompareOptions {
  readonly profile?: ResolvedProfile;
  /** Work budget of the content line diff (see LineDiffOptions). */
  readonly workBudget?: number;
  /** Base64 and SHA-256 for payloads taken out of line (the compare worker passes Node's). */
  readonly codec?: PayloadCodec;
  /**
   * Puts both canonical forms' lines into the result (content.lines), so that a caller that shows
   * them (the app's main process) need not canonicalise the documents a second time.
   */
  readonly keepLines?: boolean;
  /** When given, filled with the milliseconds each stage took (the benchmark's breakdown). */
  readonly timings?: CompareTimings;
  /** Told as each stage starts: the app shows what a long comparison is doing (issue 7). */
  readonly onStage?: (stage: CompareStage) => void;
  /**
   * Milliseconds after which the change list falls back to a section-level diff (default 2,000,
   * issue 7's fuse): changed, added, removed and moved sections are still named, but no longer
   * read entry by entry, with a note saying so. The rest of the result is whole (the metadata
   * diff, and the line diff of the content, which has its own work budget).
   */
  readonly fuseMs?: number;
  /** Each side's status as its environment stores it (metadata-status.ts); a local file has none. */
  readonly storedStatus?: StoredStatuses;
}

export const defaultFuseMs = 2000;

/** Milliseconds per stage of one compareDocuments call. */
export interface CompareTimings {
  metadata?: number;
  canonical?: number;
  lineDiff?: number;
  contentChanges?: number;
  changeList?: number;
}

/** The stages of one compareDocuments call, in order. */
export type CompareStage = keyof CompareTimings;

/**
 * Whether two sections, entries or narratives are equal, from their canonical line ranges: at
 * once when neither range holds a changed line and they face each other (prefix sums of changed
 * lines per side), else by comparing their interned line ids, which also finds a moved section
 * unchanged without walking it. Its `run` tells the same at once for a run of sibling sections
 * (from the first one's start to the last one's end), so the change list can pass over the
 * unchanged runs of a big document in halves instead of testing each section.
 */
function unchangedTest(
  left: CanonicalXml,
  right: CanonicalXml,
  blocks: readonly ChangeBlock[],
  ids: { readonly a: Int32Array; readonly b: Int32Array },
): UnchangedTest {
  // Binary searches in the blocks (in order on both sides), not prefix sums of changed lines:
  // those cost a pass over every line of both documents, even when three lines changed.
  /** Index of the first block that ends after `line` on the left. */
  const firstLeftEndingAfter = (line: number): number => {
    let low = 0;
    let high = blocks.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (blocks[middle]!.leftEnd <= line) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  /** True when right lines [b, bEnd) hold no changed line. */
  const isRightClean = (b: number, bEnd: number): boolean => {
    let low = 0;
    let high = blocks.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (blocks[middle]!.rightEnd <= b) low = middle + 1;
      else high = middle;
    }
    return low === blocks.length || blocks[low]!.rightStart >= bEnd;
  };
  /**
   * Lines [a, aEnd) and [b, bEnd) hold no changed line and face each other (an unchanged left
   * line lands on the right after every block that ends at or before it). A block that adds lines
   * only, inside the range, makes it false: then the right range holds added lines anyway.
   */
  const isInPlace = (a: number, aEnd: number, b: number, bEnd: number): boolean => {
    if (aEnd - a !== bEnd - b) return false;
    const next = firstLeftEndingAfter(a);
    if (next < blocks.length && blocks[next]!.leftStart < aEnd) return false;
    const before = blocks[next - 1];
    const mapped = before ? before.rightEnd + (a - before.leftEnd) : a;
    return mapped === b && isRightClean(b, bEnd);
  };
  const test = (l: XmlElement, r: XmlElement): boolean => {
    const a = left.ranges.get(l);
    const b = right.ranges.get(r);
    if (!a || !b || a[1] - a[0] !== b[1] - b[0]) return false;
    if (isInPlace(a[0], a[1], b[0], b[1])) return true;
    for (let i = a[0], j = b[0]; i < a[1]; i++, j++) if (ids.a[i] !== ids.b[j]) return false;
    return true;
  };
  const run = (lFirst: XmlElement, lLast: XmlElement, rFirst: XmlElement, rLast: XmlElement) => {
    const a = left.ranges.get(lFirst);
    const aLast = left.ranges.get(lLast);
    const b = right.ranges.get(rFirst);
    const bLast = right.ranges.get(rLast);
    // The last ones face each other too (the same lines cut into the same sections).
    return (
      !!a &&
      !!aLast &&
      !!b &&
      !!bLast &&
      isInPlace(a[0], aLast[1], b[0], bLast[1]) &&
      aLast[0] - a[0] === bLast[0] - b[0]
    );
  };
  return Object.assign(test, { run });
}

/** Node and browsers both have a global `performance`; shared/ is typed without either's library. */
const clock = (globalThis as unknown as { performance: { now(): number } }).performance;

/** Compares two documents. */
export function compareDocuments(
  left: CompareSide,
  right: CompareSide,
  options: CompareOptions = {},
): CompareResult {
  const profile = options.profile ?? noIgnoreProfile;
  const rules = compileRules(profile);
  const timings = options.timings;
  const fuseAt = clock.now() + (options.fuseMs ?? defaultFuseMs);
  let started = timings ? clock.now() : 0;
  const lap = (stage: keyof CompareTimings): void => {
    if (!timings) return;
    const now = clock.now();
    timings[stage] = now - started;
    started = now;
  };
  const begin = (stage: CompareStage): void => options.onStage?.(stage);

  begin('metadata');

  // The stored status first: an invalidated side is what a tester must not miss.
  const allMetadata = [
    ...diffStoredStatus(options.storedStatus),
    ...diffMetadata(left.metadata, right.metadata),
  ];
  const metadataChanges = allMetadata.map((change) => {
    const rule =
      rules.model(change.path) ?? (change.rightPath ? rules.model(change.rightPath) : undefined);
    return rule ? { ...change, hiddenBy: rule.id } : change;
  });
  const metadata = split<MetadataChange & { hiddenBy?: string }>(metadataChanges);
  lap('metadata');

  begin('canonical');
  // Lines are interned once, as they are written: the ids serve the line diff and the unchanged
  // test, and both sides share one instance of each distinct line.
  const interner = new LineInterner();
  const leftCanonical = canonicalizeXml(left.tree, options.codec, interner);
  const rightCanonical = canonicalizeXml(right.tree, options.codec, interner);
  lap('canonical');
  const ids = { a: leftCanonical.lineIds!, b: rightCanonical.lineIds! };
  begin('lineDiff');
  const lineDiff = diffIds(ids.a, ids.b, interner.size, {
    ...(options.workBudget !== undefined ? { workBudget: options.workBudget } : {}),
  });
  lap('lineDiff');
  begin('contentChanges');
  const content = split(contentChanges(leftCanonical, rightCanonical, lineDiff.blocks, rules));
  lap('contentChanges');
  begin('changeList');

  const body = diffCdaBody(
    left.tree,
    right.tree,
    { left: nameWith(leftCanonical.prefixes), right: nameWith(rightCanonical.prefixes) },
    unchangedTest(leftCanonical, rightCanonical, lineDiff.blocks, ids),
    () => clock.now() > fuseAt,
  );
  const changeList = split(
    [...metadataItems(metadataChanges), ...body.items].map((item) =>
      hideChangeListItem(item, rules),
    ),
  );
  lap('changeList');

  const notes = [
    ...versionOrderNotes(left.metadata, right.metadata),
    ...storedStatusNotes(options.storedStatus),
    ...lineDiff.notes,
  ];
  if (body.stoppedByFuse)
    notes.push(
      `The comparison ran past its ${(options.fuseMs ?? defaultFuseMs) / 1000} s budget, so from there on the change list names changed sections without reading their entries and fields (a section-level diff); the metadata and content diffs have everything.`,
    );
  else if (body.isTruncated)
    notes.push(
      `The change list stops at ${body.items.length} items; the content diff has everything.`,
    );
  return {
    left: withStatus(comparedDocument(left.metadata), options.storedStatus?.left),
    right: withStatus(comparedDocument(right.metadata), options.storedStatus?.right),
    identical: metadataChanges.length === 0 && lineDiff.blocks.length === 0,
    shownDifferences: metadata.shown.length + content.shown.length,
    profile: { id: profile.id, title: profile.title, sha256: profile.sha256 },
    metadata,
    content: {
      ...content,
      leftLines: leftCanonical.lines.length,
      rightLines: rightCanonical.lines.length,
      isCoarse: lineDiff.isCoarse,
      payloads: { left: leftCanonical.payloads, right: rightCanonical.payloads },
      ...(options.keepLines
        ? { lines: { left: leftCanonical.lines, right: rightCanonical.lines } }
        : {}),
    },
    changeList: { ...changeList, isTruncated: body.isTruncated },
    hiddenByRule: countHidden(profile, metadata, content, changeList),
    notes,
  };
}
