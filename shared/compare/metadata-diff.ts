/**
 * The metadata diff (issue 7, "Metadata diff"): field by field over the whole model (header,
 * local headers, signatures, message fields, identity codes, attachments), each change with its
 * path, both values and the labels of codes. Lists are aligned by content with the line diff (so
 * an author added in the middle is one addition, not a shifted list), and fields the archive
 * fills in are marked as expected to differ (model.ts ARCHIVE_FILLED_FIELDS). Identity codes are
 * compared by value (see identityCodes below).
 */
import { canonicalJson } from '../audit/canonical';
import { labelFor } from '../codes/labels';
import { ARCHIVE_FILLED_FIELDS, type DocumentMetadata } from '../documents/model';
import { diffLineArrays, type ChangeBlock } from './line-diff';

/** A JSON value as found in the model. */
export type JsonValue =
  string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** One field-level difference between two documents' metadata. */
export interface MetadataChange {
  /** Dotted path with [n] indexes: the left side's for removed and changed, the right's for added. */
  readonly path: string;
  /** The right side's path, when its list indexes differ from `path`. */
  readonly rightPath?: string;
  readonly kind: 'added' | 'removed' | 'changed';
  readonly left?: JsonValue;
  readonly right?: JsonValue;
  /** Labels of coded values from the Kanta code tables (or the document's displayName). */
  readonly leftLabel?: string;
  readonly rightLabel?: string;
  /** True for fields the archive fills in, which differ by design between sent and stored. */
  readonly expected?: true;
}

/** Parts of the model that are not metadata: the body is compared as content, warnings are the reader's. */
const notCompared = new Set(['body', 'warnings']);

type JsonObject = { readonly [key: string]: JsonValue };

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Coded values and instance ids change as a whole: "register changed from 1 to 3", not per key. */
function isAtomic(value: JsonObject): boolean {
  const keys = Object.keys(value);
  if (keys.includes('code') && keys.includes('codeSystem')) return true;
  return (
    keys.includes('root') &&
    keys.every((key) => key === 'root' || key === 'extension' || key === 'nullFlavor')
  );
}

function labelOf(value: JsonValue | undefined): string | undefined {
  if (!isObject(value) || typeof value.code !== 'string' || typeof value.codeSystem !== 'string')
    return undefined;
  const known = labelFor({ code: value.code, codeSystem: value.codeSystem });
  if (known !== undefined) return known;
  if (typeof value.label === 'string') return value.label;
  return typeof value.displayName === 'string' ? value.displayName : undefined;
}

/** True for a path (indexes dropped) at or under an archive-filled field. */
export function isArchiveFilled(path: string): boolean {
  const stripped = path.replace(/\[\d+\]/g, '');
  return ARCHIVE_FILLED_FIELDS.some(
    (field) => stripped === field || stripped.startsWith(`${field}.`),
  );
}

/** Orders two lists of keys: element by element, then the shorter first. */
function compareKeys(left: readonly string[], right: readonly string[]): number {
  for (let i = 0; i < left.length && i < right.length; i++)
    if (left[i] !== right[i]) return left[i]! < right[i]! ? -1 : 1;
  return left.length - right.length;
}

/**
 * The changed blocks of two lists, the same blocks mirrored whichever list comes first, so that
 * the metadata diff is symmetric (issue 7): a line diff is not (of [x, y] against [y, x] it
 * keeps x one way and y the other), so the lists are always diffed in one order of the two.
 */
function alignLists(left: readonly string[], right: readonly string[]): readonly ChangeBlock[] {
  if (compareKeys(left, right) <= 0) return diffLineArrays(left, right).blocks;
  return diffLineArrays(right, left).blocks.map((block) => ({
    leftStart: block.rightStart,
    leftEnd: block.rightEnd,
    rightStart: block.leftStart,
    rightEnd: block.leftEnd,
  }));
}

function asList(value: JsonValue | undefined): readonly JsonValue[] {
  return Array.isArray(value) ? value : [];
}

/** The code an identity-code finding holds (IdentityCodeFinding.value). */
function findingValue(finding: JsonValue): string {
  return isObject(finding) && typeof finding.value === 'string'
    ? finding.value
    : canonicalJson(finding);
}

class Collector {
  readonly changes: MetadataChange[] = [];

  add(
    kind: MetadataChange['kind'],
    path: string,
    rightPath: string,
    left?: JsonValue,
    right?: JsonValue,
  ): void {
    const leftLabel = labelOf(left);
    const rightLabel = labelOf(right);
    this.changes.push({
      path: kind === 'added' ? rightPath : path,
      ...(kind === 'changed' && rightPath !== path ? { rightPath } : {}),
      kind,
      ...(left !== undefined ? { left } : {}),
      ...(right !== undefined ? { right } : {}),
      ...(leftLabel !== undefined ? { leftLabel } : {}),
      ...(rightLabel !== undefined ? { rightLabel } : {}),
      ...(isArchiveFilled(path) || isArchiveFilled(rightPath) ? { expected: true as const } : {}),
    });
  }

  value(
    path: string,
    rightPath: string,
    left: JsonValue | undefined,
    right: JsonValue | undefined,
  ): void {
    if (left === undefined && right === undefined) return;
    if (left === undefined) return this.add('added', path, rightPath, undefined, right);
    if (right === undefined) return this.add('removed', path, rightPath, left, undefined);
    if (Array.isArray(left) && Array.isArray(right)) return this.list(path, rightPath, left, right);
    if (isObject(left) && isObject(right) && !isAtomic(left) && !isAtomic(right))
      return this.object(path, rightPath, left, right);
    if (canonicalJson(left) !== canonicalJson(right))
      this.add('changed', path, rightPath, left, right);
  }

  object(path: string, rightPath: string, left: JsonObject, right: JsonObject): void {
    const keys = [...new Set([...Object.keys(left), ...Object.keys(right)])];
    for (const key of keys) {
      if (path === '' && notCompared.has(key)) continue;
      if (path === '' && key === 'identityCodes') {
        this.identityCodes(asList(left[key]), asList(right[key]));
        continue;
      }
      const join = (base: string) => (base === '' ? key : `${base}.${key}`);
      this.value(join(path), join(rightPath), left[key], right[key]);
    }
  }

  /**
   * Identity codes by value: a finding's `where` names the section title it sits under, so
   * compared as a list, every renamed section repeated itself as a changed identity code (review
   * of issue 7). A tester asks which codes the document holds: a finding is reported, with where
   * it is, only when the other side holds no code of its value; moving it is not a change.
   */
  identityCodes(left: readonly JsonValue[], right: readonly JsonValue[]): void {
    const leftValues = new Set(left.map(findingValue));
    const rightValues = new Set(right.map(findingValue));
    left.forEach((finding, i) => {
      if (!rightValues.has(findingValue(finding)))
        this.add('removed', `identityCodes[${i}]`, `identityCodes[${i}]`, finding, undefined);
    });
    right.forEach((finding, j) => {
      if (!leftValues.has(findingValue(finding)))
        this.add('added', `identityCodes[${j}]`, `identityCodes[${j}]`, undefined, finding);
    });
  }

  list(
    path: string,
    rightPath: string,
    left: readonly JsonValue[],
    right: readonly JsonValue[],
  ): void {
    for (const block of alignLists(left.map(canonicalJson), right.map(canonicalJson))) {
      const paired = Math.min(block.leftEnd - block.leftStart, block.rightEnd - block.rightStart);
      for (let k = 0; k < paired; k++) {
        const i = block.leftStart + k;
        const j = block.rightStart + k;
        this.value(`${path}[${i}]`, `${rightPath}[${j}]`, left[i], right[j]);
      }
      for (let i = block.leftStart + paired; i < block.leftEnd; i++)
        this.add('removed', `${path}[${i}]`, `${rightPath}[${i}]`, left[i], undefined);
      for (let j = block.rightStart + paired; j < block.rightEnd; j++)
        this.add('added', `${path}[${j}]`, `${rightPath}[${j}]`, undefined, right[j]);
    }
  }
}

/** Field-by-field differences of two documents' metadata, in model order. */
export function diffMetadata(left: DocumentMetadata, right: DocumentMetadata): MetadataChange[] {
  const collector = new Collector();
  collector.object('', '', left as unknown as JsonObject, right as unknown as JsonObject);
  return collector.changes;
}
