/**
 * The changes of a comparison as a report lists them (issue 8), which is also what the JSON
 * output holds (issue 7: the metadata changes with path, old and new value and labels, the
 * content hunks, the change list, and what the ignore profile hid). Values are strings, so every
 * format renders and redacts them alike; the optional fields keep the JSON as complete as the
 * comparison itself (right-side paths, word diffs, source lines, out-of-line payloads).
 */
import type { CompareResult } from '../compare/compare-result';
import type { JsonValue } from '../compare/metadata-diff';
import type { WordSegment } from '../compare/word-diff';
import type { MovedLines } from '../compare/content-moves';

export interface ReportMetadataChange {
  /** The left side's path for removed and changed, the right's for added. */
  readonly path: string;
  /** The right side's path, when its list indexes differ from `path`. */
  readonly rightPath?: string;
  readonly kind: 'added' | 'removed' | 'changed';
  /** The old value (text as is, anything else as compact JSON). */
  readonly left?: string;
  /** The new value. */
  readonly right?: string;
  readonly leftLabel?: string;
  readonly rightLabel?: string;
  /** A field the archive fills in, expected to differ between sent and stored. */
  readonly expected?: boolean;
}

export interface ReportChange {
  readonly group: string;
  readonly kind: string;
  readonly text: string;
  readonly path: string;
  /** Whether `path` is a canonical XML path or a model path. */
  readonly pathKind?: 'canonical' | 'model';
  readonly section?: string;
  readonly entry?: string;
  readonly field?: string;
  readonly left?: string;
  readonly right?: string;
  readonly leftLine?: number;
  readonly rightLine?: number;
}

/** One content hunk over the canonical lines (0-based, end exclusive). */
export interface ReportContentChange {
  readonly path: string;
  readonly leftStart: number;
  readonly leftEnd: number;
  readonly rightStart: number;
  readonly rightEnd: number;
  /** 1-based lines in the source files, when known. */
  readonly leftSourceLine?: number;
  readonly rightSourceLine?: number;
  readonly removed: readonly string[];
  readonly added: readonly string[];
  readonly omittedLines: number;
  /** Word diffs of removed[i] against added[i]; null where a pair was not word-diffed. */
  readonly words?: readonly (readonly WordSegment[] | null)[];
  /** Runs of these lines found unchanged on the other side: moved, not edited. */
  readonly moved?: readonly MovedLines[];
}

/** A signature or Base64 payload the canonical form took out of line: compared by hash and size. */
export interface ReportPayload {
  readonly kind: 'base64' | 'signature';
  readonly path: string;
  /** 0-based canonical line of its placeholder. */
  readonly line: number;
  readonly bytes: number;
  readonly sha256: string;
  readonly isValidBase64?: boolean;
}

/** A difference the ignore profile hid, with the rule that hid it. */
export interface ReportHiddenChange {
  readonly area: 'metadata' | 'content' | 'change list';
  readonly path: string;
  readonly left?: string;
  readonly right?: string;
  readonly rule: string;
}

/** Hidden changes listed in a report at most (the counts per rule are always complete). */
export const maxHiddenChanges = 5000;

/** A metadata value as one readable string: text as is, anything else as compact JSON. */
export function valueText(value: JsonValue | undefined): string | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** `{ key: value }`, or nothing when the value is undefined (the JSON leaves the key out). */
export function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

export function metadataChanges(result: CompareResult): ReportMetadataChange[] {
  return result.metadata.shown.map((change) => ({
    path: change.path,
    ...optional('rightPath', change.rightPath),
    kind: change.kind,
    ...optional('left', valueText(change.left)),
    ...optional('right', valueText(change.right)),
    ...optional('leftLabel', change.leftLabel),
    ...optional('rightLabel', change.rightLabel),
    ...(change.expected ? { expected: true } : {}),
  }));
}

export function changeListItems(result: CompareResult): ReportChange[] {
  return result.changeList.shown.map((item) => ({
    group: item.group,
    kind: item.kind,
    text: item.text,
    path: item.path,
    pathKind: item.pathKind,
    ...optional('section', item.section),
    ...optional('entry', item.entry),
    ...optional('field', item.field),
    ...optional('left', item.left),
    ...optional('right', item.right),
    ...optional('leftLine', item.leftLine),
    ...optional('rightLine', item.rightLine),
  }));
}

export function contentChanges(result: CompareResult): ReportContentChange[] {
  return result.content.shown.map((change) => ({
    path: change.path,
    leftStart: change.leftStart,
    leftEnd: change.leftEnd,
    rightStart: change.rightStart,
    rightEnd: change.rightEnd,
    ...optional('leftSourceLine', change.leftSourceLine),
    ...optional('rightSourceLine', change.rightSourceLine),
    removed: change.removed,
    added: change.added,
    omittedLines: change.omittedLines ?? 0,
    ...optional('words', change.words),
    ...optional('moved', change.moved),
  }));
}

export function payloads(result: CompareResult): {
  readonly left: ReportPayload[];
  readonly right: ReportPayload[];
} {
  const of = (list: CompareResult['content']['payloads']['left']): ReportPayload[] =>
    list.map((payload) => ({
      kind: payload.kind,
      path: payload.path,
      line: payload.line,
      bytes: payload.bytes,
      sha256: payload.sha256,
      ...optional('isValidBase64', payload.isValidBase64),
    }));
  return { left: of(result.content.payloads.left), right: of(result.content.payloads.right) };
}

export function hiddenChanges(result: CompareResult): ReportHiddenChange[] {
  const all: ReportHiddenChange[] = [
    ...result.metadata.hidden.map((change) => ({
      area: 'metadata' as const,
      path: change.path,
      ...optional('left', valueText(change.left)),
      ...optional('right', valueText(change.right)),
      rule: change.hiddenBy,
    })),
    ...result.content.hidden.map((change) => ({
      area: 'content' as const,
      path: change.path,
      left: change.removed.join('\n'),
      right: change.added.join('\n'),
      rule: change.hiddenBy,
    })),
    ...result.changeList.hidden.map((item) => ({
      area: 'change list' as const,
      path: item.path,
      ...optional('left', item.left),
      ...optional('right', item.right),
      rule: item.hiddenBy,
    })),
  ];
  return all.slice(0, maxHiddenChanges);
}
