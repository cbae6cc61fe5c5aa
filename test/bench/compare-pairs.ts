/**
 * The compare benchmark's generated pairs (issue 7): sizes (by lines, as the 1k to
 * 300k-line pairs, or by bytes, as its in-process targets), a variant of a synthetic CDA (few
 * edits, 1% or 10% of text lines edited, a moved block of sections, an unrelated document) and the
 * parsed side compareDocuments takes. Shared by compare.bench.ts and profiling scripts, so that a profile
 * looks at exactly the pairs the benchmark measures.
 */
import type { CompareSide } from '../../shared/compare/compare-documents';
import { readDocument } from '../../shared/documents/read-document';
import { compareMaxNodes } from '../../electron/services/compare/read-for-compare';
import { nodePayloadCodec as codec } from '../../electron/services/documents/node-payload-codec';
import { parseXml } from '../../electron/services/xml/parse-xml';
import { syntheticCda, syntheticCdaLines } from './synthetic-cda';
import { seededRandom as random } from '../../shared/seeded-random';

export type Variant = 'few edits' | '1% edits' | '10% edits' | 'moved block' | 'unrelated';
export const variants: readonly Variant[] = [
  'few edits',
  '1% edits',
  '10% edits',
  'moved block',
  'unrelated',
];

/** A pair's size: in lines (the pairs) or in bytes (its in-process targets). */
export type PairSize = { readonly lines: number } | { readonly bytes: number };

/** The compare benchmark's sizes, smallest first: 2 MB is about 35k lines, 20 MB about 350k. */
export const pairSizes: readonly PairSize[] = [
  { lines: 1_000 },
  { lines: 10_000 },
  { bytes: 2_000_000 },
  { lines: 100_000 },
  { lines: 300_000 },
  { bytes: 20_000_000 },
];

/** '10k lines' or '2 MB'. */
export function pairLabel(size: PairSize): string {
  return 'lines' in size ? `${size.lines / 1000}k lines` : `${size.bytes / 1_000_000} MB`;
}

/** The in-process limits, stated for 2 MB and 20 MB pairs only (none for line-sized ones). */
export function inProcessLimits(
  size: PairSize,
  variant: Variant,
): { lineDiff: number; whole: number } | undefined {
  if (!('bytes' in size)) return undefined;
  if (size.bytes > 5_000_000) return { lineDiff: 1000, whole: 1000 };
  // The "2 MB pair with 1% edits <= 40 ms warm"; a pair with fewer edits is held to it too.
  if (variant === '1% edits') return { lineDiff: 40, whole: 40 };
  return { lineDiff: variant === 'few edits' ? 40 : 150, whole: 150 };
}

/** The left-hand document of a pair (seed 1). */
export function pairBase(size: PairSize): string {
  return 'lines' in size
    ? syntheticCdaLines(size.lines, 1)
    : syntheticCda(size.bytes, 'structured', 1);
}

/** A text line (a value or narrative between tags): editing it keeps the XML well-formed. */
const textLine = />([^<]+)</;

function edited(line: string, next: () => number): string {
  return line.replace(
    textLine,
    (_, inner: string) => `>${inner} muutettu ${Math.floor(next() * 1e6)}<`,
  );
}

/** Edits about `share` of the lines, text lines only (values and narrative). */
function editLines(text: string, share: number, seed: number): string {
  const next = random(seed);
  return text
    .split('\n')
    .map((line) => (next() < share ? edited(line, next) : line))
    .join('\n');
}

/**
 * Edits exactly `count` text lines, spread over the document: a share of lines (as editLines)
 * left a 10k-line pair with no change at all and others with two or three.
 */
function editSomeLines(text: string, count: number, seed: number): string {
  const next = random(seed);
  const lines = text.split('\n');
  const editable = lines.flatMap((line, index) => (textLine.test(line) ? [index] : []));
  for (let k = 0; k < count; k++) {
    const at = editable[Math.floor(((k + next()) / count) * editable.length)]!;
    lines[at] = edited(lines[at]!, next);
  }
  return lines.join('\n');
}

/** Moves one block of whole sections (about 10% of the body) towards the end. */
function moveBlock(text: string): string {
  // Top-level sections: synthetic-cda.ts writes `    <component>` (4 spaces) for each.
  const starts = [...text.matchAll(/\n {4}<component>\n/g)].map((match) => match.index);
  if (starts.length < 12) throw new Error('the generated document has too few sections to move');
  const from = starts[Math.floor(starts.length * 0.2)]!;
  const to = starts[Math.floor(starts.length * 0.3)]!;
  const at = starts[Math.floor(starts.length * 0.9)]!;
  return text.slice(0, from) + text.slice(to, at) + text.slice(from, to) + text.slice(at);
}

/**
 * The right-hand document of a pair whose left is `base` (pairBase(size), or syntheticCda of
 * `size` bytes, seed 1). Few edits: 7 text lines at any size.
 */
export function variantOf(base: string, size: number | PairSize, variant: Variant): string {
  const pair: PairSize = typeof size === 'number' ? { bytes: size } : size;
  if (variant === 'few edits') return editSomeLines(base, 7, 2);
  if (variant === '1% edits') return editLines(base, 0.01, 4);
  if (variant === '10% edits') return editLines(base, 0.1, 3);
  if (variant === 'moved block') return moveBlock(base);
  return 'lines' in pair
    ? syntheticCdaLines(pair.lines, 99)
    : syntheticCda(pair.bytes, 'structured', 99);
}

/** The compare worker's cap (the reader's default, 1,000,000, refuses 20 MB structured documents). */
const benchLimits = { maxNodes: compareMaxNodes };

/** A parsed side, as the compare worker makes it (its node cap and Node's payload codec). */
export function side(text: string): CompareSide {
  const tree = parseXml(text, benchLimits);
  if (!tree.ok) throw new Error(tree.error.message);
  const metadata = readDocument(tree.value, { codec });
  if (!metadata.ok) throw new Error(metadata.error.message);
  return { tree: tree.value, metadata: metadata.value };
}
