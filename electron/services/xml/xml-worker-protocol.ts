/**
 * What the caller and the XML worker exchange. The worker receives one request in `workerData`
 * and answers with one `Result` message; the request is checked here so that a worker started
 * with anything else answers with a typed error instead of crashing.
 */
import type { XmlElement } from '../../../shared/xml/tree';
import { err, type Result } from '../../../shared/result';
import type { XmlLimits } from './xml-limits';
import { parseHeader, type XmlHeader } from './parse-header';
import { parseXml } from './parse-xml';

/** Which reading the worker does: the whole document, or only its header. */
export type XmlWorkerMode = 'document' | 'header';

/** The one message a worker is started with. */
export interface XmlWorkerRequest {
  readonly mode: XmlWorkerMode;
  readonly bytes: Uint8Array;
  readonly limits: Partial<XmlLimits>;
}

/** The worker's answer for each mode. */
export type XmlWorkerResponse = Result<XmlElement> | Result<XmlHeader>;

function isRequest(value: unknown): value is XmlWorkerRequest {
  if (typeof value !== 'object' || value === null) return false;
  const { mode, bytes, limits } = value as Record<string, unknown>;
  return (
    (mode === 'document' || mode === 'header') &&
    bytes instanceof Uint8Array &&
    typeof limits === 'object' &&
    limits !== null
  );
}

/** Runs one request inside the worker (or anywhere: it is a plain function). */
export function runXmlWorkerRequest(request: unknown): XmlWorkerResponse {
  if (!isRequest(request))
    return err<XmlElement>('xml-resources', 'The XML worker was started without a valid request.');
  if (request.mode === 'header') return parseHeader(request.bytes, request.limits);
  return parseXml(request.bytes, request.limits);
}
