/**
 * What the caller and a compare worker exchange: request { id, left, right, profile, keepLines?,
 * narrative? } → response { id, result }. The worker parses, reads and compares both documents
 * and, when asked, returns both canonical forms' lines and the word diff of their rendered
 * narrative. Requests are checked, so a malformed message gets a typed error back instead of
 * crashing the thread. (The raw-text unified patch needs no parsing: the command line makes it
 * itself, electron/cli/commands/compare-unified.ts.)
 */
import { compareDocuments, type CompareResult } from '../../../shared/compare/compare-documents';
import type { ResolvedProfile } from '../../../shared/compare/ignore-profile';
import {
  diffNarratives,
  type NarrativeComparison,
} from '../../../shared/narrative-diff/narrative-diff';
import type { JoinedLines } from '../../../shared/ipc/compare-types';
import { err, ok, type Result } from '../../../shared/result';
import { nodePayloadCodec } from '../documents/node-payload-codec';
import { parseXml } from '../xml/parse-xml';
import { readForCompare } from './read-for-compare';

export interface CompareWorkerRequest {
  readonly id: number;
  readonly left: Uint8Array;
  readonly right: Uint8Array;
  readonly profile: ResolvedProfile;
  readonly workBudget?: number;
  /** Also return both canonical forms' lines (result.content.lines), so the caller need not build them. */
  readonly keepLines?: boolean;
  /** Also compare the rendered narrative word by word (shared/narrative-diff). */
  readonly narrative?: boolean;
}

export interface CompareOutput {
  readonly result: CompareResult;
  /** With keepLines: both sides' canonical lines, each joined with "\n" (result.content has none). */
  readonly lines?: JoinedLines;
  readonly narrative?: NarrativeComparison;
}

export interface CompareWorkerResponse {
  readonly id: number;
  readonly result: Result<CompareOutput>;
}

function isOptionalBoolean(value: unknown): boolean {
  return value === undefined || typeof value === 'boolean';
}

function isRequest(value: unknown): value is CompareWorkerRequest {
  if (typeof value !== 'object' || value === null) return false;
  const { id, left, right, profile } = value as Record<string, unknown>;
  return (
    typeof id === 'number' &&
    left instanceof Uint8Array &&
    right instanceof Uint8Array &&
    typeof profile === 'object' &&
    profile !== null &&
    Array.isArray((profile as { rules?: unknown }).rules) &&
    isOptionalBoolean((value as { keepLines?: unknown }).keepLines) &&
    isOptionalBoolean((value as { narrative?: unknown }).narrative)
  );
}

/** Handles one request inside the worker. */
export function handleCompareRequest(request: unknown): CompareWorkerResponse {
  const id =
    typeof (request as { id?: unknown } | null)?.id === 'number'
      ? (request as { id: number }).id
      : -1;
  if (!isRequest(request))
    return {
      id,
      result: err('compare-bad-request', 'The compare worker received a request it cannot read.'),
    };
  const left = readForCompare(request.left, 'left');
  if (!left.ok) return { id, result: left };
  const right = readForCompare(request.right, 'right');
  if (!right.ok) return { id, result: right };
  const compared = compareDocuments(left.value, right.value, {
    profile: request.profile,
    codec: nodePayloadCodec,
    ...(request.workBudget !== undefined ? { workBudget: request.workBudget } : {}),
    ...(request.keepLines === true ? { keepLines: true } : {}),
  });
  const narrative = request.narrative ? narrativeOf(left.value, right.value) : undefined;
  const { lines, ...content } = compared.content;
  const joined = lines ? joinLines(lines) : undefined;
  const result = { ...compared, content };
  const extras = { ...(narrative ? { narrative } : {}), ...(joined ? { lines: joined } : {}) };
  return { id, result: ok({ result, ...extras }) };
}

/** Each side's lines as one string; undefined (no lines sent) should a line ever hold a line break. */
function joinLines(lines: { readonly left: readonly string[]; readonly right: readonly string[] }) {
  const hasBreak = (side: readonly string[]) => side.some((line) => line.includes('\n'));
  if (hasBreak(lines.left) || hasBreak(lines.right)) return undefined;
  return { left: lines.left.join('\n'), right: lines.right.join('\n') };
}

/** A display form's XHTML through the same safe parser as the documents; undefined when unreadable. */
function parseMarkup(text: string) {
  const parsed = parseXml(text);
  return parsed.ok ? parsed.value : undefined;
}

/**
 * The narrative word diff. It is an extra view: should it fail, the comparison still stands and
 * the view says the narrative could not be compared (the message is not repeated: it might quote
 * a document).
 */
function narrativeOf(left: Parameters<typeof diffNarratives>[0], right: typeof left) {
  try {
    return diffNarratives(left, right, parseMarkup);
  } catch {
    return {
      rows: [],
      changedRows: 0,
      notes: ['The narrative could not be compared; the content diff has every difference.'],
    };
  }
}
