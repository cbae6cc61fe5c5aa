/**
 * What the caller and an XML worker exchange. A worker serves one request at a time and can be
 * reused: request { id, mode, bytes, limits } → response { id, result }. Trees travel packed
 * (tree-transfer.ts). Requests are checked here, so a malformed message gets a typed error back
 * instead of crashing the thread.
 */
import type { XmlElement } from '../../../shared/xml/tree';
import { err, ok, type AppError, type Result } from '../../../shared/result';
import type { XmlLimits } from './xml-limits';
import { parseHeader, type XmlHeader } from './parse-header';
import { parseXml } from './parse-xml';
import { packTree, unpackTree, type PackedTree } from './tree-transfer';

/** Which reading the worker does: the whole document, or only its header. */
export type XmlWorkerMode = 'document' | 'header';

/** One parse request. */
export interface XmlWorkerRequest {
  readonly id: number;
  readonly mode: XmlWorkerMode;
  readonly bytes: Uint8Array;
  readonly limits: Partial<XmlLimits>;
}

/** The packed outcome of one request. */
export type PackedResult =
  | { readonly ok: true; readonly tree: PackedTree; readonly isPartial: boolean }
  | { readonly ok: false; readonly error: AppError };

/** The worker's answer to the request with the same id. */
export interface XmlWorkerResponse {
  readonly id: number;
  readonly result: PackedResult;
}

function isRequest(value: unknown): value is XmlWorkerRequest {
  if (typeof value !== 'object' || value === null) return false;
  const { id, mode, bytes, limits } = value as Record<string, unknown>;
  return (
    typeof id === 'number' &&
    (mode === 'document' || mode === 'header') &&
    bytes instanceof Uint8Array &&
    typeof limits === 'object' &&
    limits !== null
  );
}

/** Handles one request inside the worker; returns the response and the buffers to transfer. */
export function handleXmlWorkerRequest(request: unknown): {
  response: XmlWorkerResponse;
  transfer: ArrayBuffer[];
} {
  const id =
    typeof request === 'object' &&
    request !== null &&
    typeof (request as { id?: unknown }).id === 'number'
      ? (request as { id: number }).id
      : -1;
  if (!isRequest(request)) {
    return {
      response: {
        id,
        result: {
          ok: false,
          error: {
            code: 'xml-resources',
            message: 'The XML worker received a request it does not understand.',
          },
        },
      },
      transfer: [],
    };
  }
  const parsed =
    request.mode === 'header'
      ? parseHeader(request.bytes, request.limits)
      : parseXml(request.bytes, request.limits);
  if (!parsed.ok) return { response: { id, result: parsed }, transfer: [] };
  const { root, isPartial } =
    'root' in parsed.value ? parsed.value : { root: parsed.value, isPartial: false };
  const tree = packTree(root);
  return {
    response: { id, result: { ok: true, tree, isPartial } },
    transfer: [tree.ops.buffer as ArrayBuffer],
  };
}

/** The caller's side: a response for request `id` turned back into a Result of that mode. */
export function readXmlWorkerResponse(
  message: unknown,
  id: number,
  mode: XmlWorkerMode,
): Result<XmlElement | XmlHeader> | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const { id: answered, result } = message as {
    id?: unknown;
    result?: Partial<PackedResult> & { tree?: unknown };
  };
  if (answered !== id || typeof result !== 'object' || result === null) return undefined;
  if (result.ok === false) {
    const error = result.error as Partial<AppError> | undefined;
    return typeof error?.code === 'string' && typeof error.message === 'string'
      ? { ok: false, error: error as AppError }
      : undefined;
  }
  const tree = result.tree as PackedTree | undefined;
  if (
    result.ok !== true ||
    !(tree?.ops instanceof Int32Array) ||
    !Array.isArray(tree.names) ||
    typeof tree.text !== 'string'
  )
    return undefined;
  const root = unpackTree(tree);
  if (!root) return undefined;
  return mode === 'header' ? ok({ root, isPartial: result.isPartial === true }) : ok(root);
}

/** The error for an answer that could not be read. */
export function unreadableAnswer(): Result<never> {
  return err('xml-resources', 'The XML worker answered with something Archivist did not expect.');
}
