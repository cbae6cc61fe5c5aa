/**
 * What the caller and a compare worker exchange: request { id, left, right, profile,
 * profileByDocumentType?, keepLines?, narrative?, storedStatus? } → response { id, result }. The worker parses, reads and compares both documents
 * and, when asked, returns both canonical forms' lines and the word diff of their rendered
 * narrative; before the answer it posts a stage message as each step starts
 * (compare-worker-stages.ts). Requests are checked, so a malformed message gets a typed error
 * back instead of crashing the thread. (The raw-text unified patch needs no parsing: the command
 * line makes it itself, electron/cli/commands/compare-unified.ts.)
 *
 * For large documents the right side is read in a second worker at the same time
 * (compare-worker-session.ts): the request's `right` is then 'read-elsewhere' and the packed side
 * follows in a RightSideMessage.
 */
import { compareDocuments, type CompareSide } from '../../../shared/compare/compare-documents';
import type { CompareResult } from '../../../shared/compare/compare-result';
import { profileForDocuments } from '../../../shared/compare/builtin-profiles';
import type { ResolvedProfile } from '../../../shared/compare/ignore-profile';
import { storedStatuses, type StoredStatuses } from '../../../shared/compare/metadata-status';
import {
  diffNarratives,
  type NarrativeComparison,
} from '../../../shared/narrative-diff/narrative-diff';
import type { JoinedLines } from '../../../shared/ipc/compare-types';
import { err, ok, type Result } from '../../../shared/result';
import { nodePayloadCodec } from '../documents/node-payload-codec';
import { parseXml } from '../xml/parse-xml';
import type { OnWorkerStage } from './compare-worker-stages';
import { readForCompare } from './read-for-compare';
import { reportLinesOf, type ReportLines } from './report-lines';
import type { PackedSide } from './side-transfer';

/** The request's `right` when another worker reads that side and a RightSideMessage brings it. */
export const readElsewhere = 'read-elsewhere';

export interface CompareWorkerRequest {
  readonly id: number;
  readonly left: Uint8Array;
  readonly right: Uint8Array | typeof readElsewhere;
  readonly profile: ResolvedProfile;
  /**
   * Use the documents' type's shipped profile instead (profileForDocuments), `profile` being the
   * fallback: the type is known only once both sides are read, which happens here.
   */
  readonly profileByDocumentType?: boolean;
  readonly workBudget?: number;
  /**
   * Also return both canonical forms' lines (result.content.lines), so the caller need not build
   * them; 'report': only the lines a report's side-by-side view shows (report-lines.ts).
   */
  readonly keepLines?: boolean | 'report';
  /** Also compare the rendered narrative word by word (shared/narrative-diff). */
  readonly narrative?: boolean;
  /** Each side's status as its environment stores it (the bytes do not say it). */
  readonly storedStatus?: StoredStatuses;
}

export interface CompareOutput {
  readonly result: CompareResult;
  /** With keepLines: both sides' canonical lines, each joined with "\n" (result.content has none). */
  readonly lines?: JoinedLines | ReportLines;
  readonly narrative?: NarrativeComparison;
}

export interface CompareWorkerResponse {
  readonly id: number;
  readonly result: Result<CompareOutput>;
}

/** Asks a worker to read one side and answer with it packed (a SideReadResponse). */
export interface SideReadRequest {
  readonly id: number;
  readonly kind: 'read-side';
  readonly bytes: Uint8Array;
  readonly side: 'left' | 'right';
}

export interface SideReadResponse {
  readonly id: number;
  readonly result: Result<PackedSide>;
}

/** The right side of request `id`, read elsewhere (or why it could not be read). */
export interface RightSideMessage {
  readonly id: number;
  readonly kind: 'right-side';
  readonly result: Result<PackedSide>;
}

function isOptionalBoolean(value: unknown): boolean {
  return value === undefined || typeof value === 'boolean';
}

function isOptionalStatus(value: unknown): boolean {
  return value === undefined || (storedStatuses as readonly unknown[]).includes(value);
}

function isOptionalStatuses(value: unknown): boolean {
  if (value === undefined) return true;
  if (typeof value !== 'object' || value === null) return false;
  const { left, right } = value as Record<string, unknown>;
  return isOptionalStatus(left) && isOptionalStatus(right);
}

/** True for a well-formed compare request (`right` may be 'read-elsewhere'). */
export function isCompareRequest(value: unknown): value is CompareWorkerRequest {
  if (typeof value !== 'object' || value === null) return false;
  const { id, left, right, profile } = value as Record<string, unknown>;
  return (
    typeof id === 'number' &&
    left instanceof Uint8Array &&
    (right instanceof Uint8Array || right === readElsewhere) &&
    typeof profile === 'object' &&
    profile !== null &&
    Array.isArray((profile as { rules?: unknown }).rules) &&
    (isOptionalBoolean((value as { keepLines?: unknown }).keepLines) ||
      (value as { keepLines?: unknown }).keepLines === 'report') &&
    isOptionalBoolean((value as { narrative?: unknown }).narrative) &&
    isOptionalBoolean((value as { profileByDocumentType?: unknown }).profileByDocumentType) &&
    isOptionalStatuses((value as { storedStatus?: unknown }).storedStatus)
  );
}

/** The id of a message, or -1. */
export function idOf(message: unknown): number {
  const id = (message as { id?: unknown } | null)?.id;
  return typeof id === 'number' ? id : -1;
}

export function badRequest(id: number): CompareWorkerResponse {
  return {
    id,
    result: err('compare-bad-request', 'The compare worker received a request it cannot read.'),
  };
}

const ignoreStage: OnWorkerStage = () => undefined;

/** Reads one side, telling `onStage` when reading it starts and ends. */
export function readSide(bytes: Uint8Array, side: 'left' | 'right', onStage: OnWorkerStage) {
  onStage(side === 'left' ? 'reading-left' : 'reading-right');
  const read = readForCompare(bytes, side);
  onStage(side === 'left' ? 'left-read' : 'right-read');
  return read;
}

/** Handles one request inside the worker, reading both sides itself. */
export function handleCompareRequest(
  request: unknown,
  onStage: OnWorkerStage = ignoreStage,
): CompareWorkerResponse {
  const id = idOf(request);
  if (!isCompareRequest(request) || request.right === readElsewhere) return badRequest(id);
  const left = readSide(request.left, 'left', onStage);
  if (!left.ok) return { id, result: left };
  const right = readSide(request.right, 'right', onStage);
  if (!right.ok) return { id, result: right };
  return compareSides(request, left.value, right.value, onStage);
}

/** Compares two sides already read, as `request` asks. */
export function compareSides(
  request: CompareWorkerRequest,
  left: CompareSide,
  right: CompareSide,
  onStage: OnWorkerStage = ignoreStage,
): CompareWorkerResponse {
  const id = request.id;
  const compared = compareDocuments(left, right, {
    profile: profileOf(request, left, right),
    codec: nodePayloadCodec,
    onStage,
    ...(request.workBudget !== undefined ? { workBudget: request.workBudget } : {}),
    ...(request.keepLines === true || request.keepLines === 'report' ? { keepLines: true } : {}),
    ...(request.storedStatus ? { storedStatus: request.storedStatus } : {}),
  });
  if (request.narrative) onStage('narrative');
  const narrative = request.narrative ? narrativeOf(left, right) : undefined;
  const { lines, ...content } = compared.content;
  const joined = !lines
    ? undefined
    : request.keepLines === 'report'
      ? reportLinesOf(content.shown, lines)
      : joinLines(lines);
  const result = { ...compared, content };
  const extras = { ...(narrative ? { narrative } : {}), ...(joined ? { lines: joined } : {}) };
  return { id, result: ok({ result, ...extras }) };
}

/** The request's profile, or with profileByDocumentType the one for both sides' document type. */
function profileOf(request: CompareWorkerRequest, left: CompareSide, right: CompareSide) {
  if (!request.profileByDocumentType) return request.profile;
  const chosen = profileForDocuments(left.metadata.register, right.metadata.register);
  return chosen.ok ? chosen.value : request.profile;
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
