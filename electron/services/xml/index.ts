/**
 * The safe XML layer (issue 3, "Safe XML"): strict, capped, DTD-free parsing into the neutral
 * tree of shared/xml/tree.ts. Main process and command line use the worker functions; the
 * synchronous ones are the core the worker runs, and parseHeader is bounded for the main thread.
 */
export { parseXml } from './parse-xml';
export { parseHeader, type XmlHeader } from './parse-header';
export {
  parseXmlInWorker,
  parseHeaderInWorker,
  prepareXmlWorker,
  defaultXmlTimeoutMs,
  defaultXmlWorkerMemoryMb,
  type XmlWorkerOptions,
} from './parse-xml-in-worker';
export { closeXmlWorkers } from './xml-worker-pool';
export { resolveXmlWorkerScript, type XmlWorkerScript } from './resolve-xml-worker';
export { defaultXmlLimits, resolveXmlLimits, type XmlLimits } from './xml-limits';
export type { XmlErrorCode, XmlError } from './xml-errors';
export type { XmlInput } from './prepare-text';
export { xmlNamespace, xmlnsNamespace } from './namespaces';
