/**
 * The one way the app and the command line turn a document's bytes into what they show: the
 * metadata model plus the decoded text for a content view. XML is parsed in the XML worker (caps,
 * deadline, heap limit) and mapped with shared/documents readDocument; an HL7 V3 RCMR archive
 * message takes two steps (the message, then the CDA it carries, both through the worker); FHIR
 * JSON is parsed with JSON.parse under the same byte cap. The result is plain JSON, so it can cross
 * IPC. Never throws and never rejects: every failure is a Result with a stable code (the parser's
 * `xml-*`, the readers' codes such as `not-cda` or `rcmr-*`, and `document-*` from here).
 * Payloads are decoded and hashed with Node's native Base64 and SHA-256 (node-payload-codec.ts).
 */
import type { DocumentMetadata } from '../../../shared/documents/model';
import { unwrapRcmr, readRcmrDocument, withMessage } from '../../../shared/documents/rcmr';
import { detectDocumentKind, readDocument } from '../../../shared/documents/read-document';
import { readCdaDocument } from '../../../shared/documents/cda';
import { err, ok, type Result } from '../../../shared/result';
import type { XmlElement } from '../../../shared/xml/tree';
import { decodeXmlBytes, tooLarge } from '../xml/decode-xml-bytes';
import {
  parseHeaderInWorker,
  parseXmlInWorker,
  type XmlWorkerOptions,
} from '../xml/parse-xml-in-worker';
import { defaultXmlLimits } from '../xml/xml-limits';
import { decodeJsonText, looksLikeJson, parseJsonText } from './fhir-json-input';
import { nodePayloadCodec as codec } from './node-payload-codec';

/** A document read for showing; plain JSON (no tree, no bytes) so it can cross IPC. */
export interface LoadedDocument {
  readonly metadata: DocumentMetadata;
  /**
   * The decoded text a content view shows: the CDA (for an RCMR message, the CDA it carries),
   * a FHIR DocumentReference as written. Despite the name it is JSON when `contentKind` is 'json'.
   */
  readonly xml: string;
  readonly contentKind: 'xml' | 'json';
  /** The RCMR wrapper message's text, when the input was an archive message. */
  readonly messageXml?: string;
  /** Where the bytes came from (a file name, an environment reference), as the caller said. */
  readonly source?: string;
  /** Size of the input in bytes. */
  readonly byteSize: number;
}

/** A document's header metadata, read without its body (see loadHeader). */
export interface LoadedHeader {
  /** Header fields only: `body` is `{ kind: 'none' }` and attachments are not listed. */
  readonly metadata: DocumentMetadata;
  readonly source?: string;
}

/** How one load is bounded. `worker` and `timeoutMs` are for tests and benchmarks. */
export interface LoadOptions {
  readonly source?: string;
  /** Byte cap for the input (default 50 MB, the XML reader's cap). */
  readonly maxBytes?: number;
  /**
   * Cancels the load: the promise then resolves at once with `document-cancelled`, and a parse
   * still running in the XML worker is stopped (the worker is terminated).
   */
  readonly signal?: AbortSignal;
  readonly worker?: XmlWorkerOptions['worker'];
  readonly timeoutMs?: number;
}

function cancelled(): Result<never> {
  return err('document-cancelled', 'Reading the document was cancelled.');
}

/** Resolves with the work's result, or with `document-cancelled` as soon as the signal aborts. */
function untilAborted<T>(work: () => Promise<Result<T>>, signal?: AbortSignal): Promise<Result<T>> {
  if (!signal) return work();
  if (signal.aborted) return Promise.resolve(cancelled());
  return new Promise((resolve) => {
    const onAbort = (): void => resolve(cancelled());
    signal.addEventListener('abort', onAbort, { once: true });
    void work().then((result) => {
      signal.removeEventListener('abort', onAbort);
      resolve(result);
    });
  });
}

function workerOptions(options: LoadOptions): XmlWorkerOptions {
  return {
    limits: { maxBytes: maxBytesOf(options) },
    ...(options.worker ? { worker: options.worker } : {}),
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    ...(options.signal ? { signal: options.signal } : {}),
  };
}

function maxBytesOf(options: LoadOptions): number {
  const wanted = options.maxBytes;
  return typeof wanted === 'number' && Number.isSafeInteger(wanted) && wanted > 0
    ? wanted
    : defaultXmlLimits.maxBytes;
}

function checkSize(bytes: Uint8Array, options: LoadOptions): Result<void> {
  const max = maxBytesOf(options);
  if (bytes.byteLength <= max) return ok(undefined);
  return err('document-too-large', tooLarge(bytes.byteLength, max).message);
}

/** The text a content view shows; the worker has already accepted these bytes. */
function displayText(bytes: Uint8Array): Result<string> {
  const decoded = decodeXmlBytes(bytes);
  return decoded.ok ? ok(decoded.value.text) : decoded;
}

function loadJson(bytes: Uint8Array, source: string | undefined): Result<LoadedDocument> {
  const text = decodeJsonText(bytes);
  if (!text.ok) return text;
  const json = parseJsonText(text.value);
  if (!json.ok) return json;
  const metadata = readDocument(json.value, { codec });
  if (!metadata.ok) return metadata;
  return ok({
    metadata: metadata.value,
    xml: text.value,
    contentKind: 'json',
    ...(source === undefined ? {} : { source }),
    byteSize: bytes.byteLength,
  });
}

async function loadRcmr(
  bytes: Uint8Array,
  message: XmlElement,
  options: LoadOptions,
): Promise<Result<LoadedDocument>> {
  const unwrapped = unwrapRcmr(message);
  if (!unwrapped.ok) return unwrapped;
  const inner = await parseXmlInWorker(unwrapped.value.cdaBytes, workerOptions(options));
  if (!inner.ok) {
    const where = `The document inside the ${message.name} message`;
    return err(inner.error.code, `${where}: ${inner.error.message}`);
  }
  const metadata = readRcmrDocument(message, unwrapped.value, inner.value, { codec });
  if (!metadata.ok) return metadata;
  const [cdaText, messageText] = [displayText(unwrapped.value.cdaBytes), displayText(bytes)];
  if (!cdaText.ok) return cdaText;
  if (!messageText.ok) return messageText;
  return ok({
    metadata: metadata.value,
    xml: cdaText.value,
    contentKind: 'xml',
    messageXml: messageText.value,
    ...(options.source === undefined ? {} : { source: options.source }),
    byteSize: bytes.byteLength,
  });
}

async function load(bytes: Uint8Array, options: LoadOptions): Promise<Result<LoadedDocument>> {
  const size = checkSize(bytes, options);
  if (!size.ok) return size;
  if (looksLikeJson(bytes)) return loadJson(bytes, options.source);
  const tree = await parseXmlInWorker(bytes, workerOptions(options));
  if (!tree.ok) return tree;
  if (detectDocumentKind(tree.value) === 'rcmr') return loadRcmr(bytes, tree.value, options);
  const metadata = readDocument(tree.value, { codec });
  if (!metadata.ok) return metadata;
  const text = displayText(bytes);
  if (!text.ok) return text;
  return ok({
    metadata: metadata.value,
    xml: text.value,
    contentKind: 'xml',
    ...(options.source === undefined ? {} : { source: options.source }),
    byteSize: bytes.byteLength,
  });
}

/**
 * Reads a document of any supported kind (CDA, RCMR archive message, FHIR DocumentReference as
 * XML or JSON) from its bytes. Never rejects.
 */
export function loadDocument(
  bytes: Uint8Array,
  options: LoadOptions = {},
): Promise<Result<LoadedDocument>> {
  return untilAborted(() => load(bytes, options).catch(unexpected), options.signal);
}

/** The message of an unexpected failure is not repeated: it might quote the document. */
function unexpected(): Result<never> {
  return err('document-failed', 'Reading the document failed unexpectedly; nothing is shown.');
}

async function headerOfMessage(
  message: XmlElement,
  options: LoadOptions,
): Promise<Result<DocumentMetadata>> {
  const unwrapped = unwrapRcmr(message);
  if (!unwrapped.ok) return unwrapped;
  const inner = await parseHeaderInWorker(unwrapped.value.cdaBytes, workerOptions(options));
  if (!inner.ok) {
    return err(
      inner.error.code,
      `The document inside the ${message.name} message: ${inner.error.message}`,
    );
  }
  const metadata = readCdaDocument(inner.value.root, { body: false });
  return metadata.ok ? ok(withMessage(metadata.value, unwrapped.value.message, message)) : metadata;
}

async function header(bytes: Uint8Array, options: LoadOptions): Promise<Result<LoadedHeader>> {
  const size = checkSize(bytes, options);
  if (!size.ok) return size;
  const source = options.source === undefined ? {} : { source: options.source };
  if (looksLikeJson(bytes)) {
    const loaded = loadJson(bytes, options.source);
    return loaded.ok ? ok({ metadata: loaded.value.metadata, ...source }) : loaded;
  }
  let read = await parseHeaderInWorker(bytes, workerOptions(options));
  // An archive message has no CDA body of its own (its CDA is Base64 text), so a large one is
  // past the header reader's window: it must be read whole to reach the CDA it carries.
  if (!read.ok && read.error.code === 'xml-header-too-large') {
    const whole = await parseXmlInWorker(bytes, workerOptions(options));
    read = whole.ok ? ok({ root: whole.value, isPartial: false }) : whole;
  }
  if (!read.ok) return read;
  const root = read.value.root;
  const metadata =
    detectDocumentKind(root) === 'rcmr'
      ? await headerOfMessage(root, options)
      : readDocument(root, { body: false });
  return metadata.ok ? ok({ metadata: metadata.value, ...source }) : metadata;
}

/**
 * The fast path for lists and the first paint of a document view: the header metadata read
 * without waiting for the body (the XML worker stops at the CDA body). Never rejects.
 */
export function loadHeader(
  bytes: Uint8Array,
  options: LoadOptions = {},
): Promise<Result<LoadedHeader>> {
  return untilAborted(() => header(bytes, options).catch(unexpected), options.signal);
}
