/**
 * The one entry point for showing a document: detects what the input is (CDA ClinicalDocument,
 * HL7 V3 RCMR archive message, FHIR DocumentReference as XML tree or JSON) and reads it into
 * DocumentMetadata, identity-code scan included. Pure: parsing bytes is the caller's job (the
 * safe XML parser runs in a worker), so an RCMR message needs `parseEmbeddedXml` for the CDA it
 * carries, or the caller does the two steps itself (unwrapRcmr, parse, readRcmrDocument).
 */
import { assertNever, err, type Result } from '../result';
import { Namespaces, type XmlElement } from '../xml/tree';
import { readCdaDocument, type ReadOptions } from './cda';
import { readFhirDocumentReference } from './fhir';
import { isJsonObject } from './fhir-json';
import { fhirXmlToJson } from './fhir-xml';
import type { DocumentMetadata } from './model';
import { rcmrInteraction, readRcmrDocument, unwrapRcmr } from './rcmr';

/** What an input is, as far as the reader can tell from its root. */
export type DocumentKind = 'cda' | 'rcmr' | 'fhir-xml' | 'fhir-json' | 'unknown';

/** Options for readDocument. */
export interface ReadDocumentOptions extends ReadOptions {
  /** Parses the CDA bytes an RCMR message carries (the safe XML parser, synchronously). */
  readonly parseEmbeddedXml?: (bytes: Uint8Array) => Result<XmlElement>;
}

/** True for a value shaped like the parser's XmlElement (and not FHIR JSON). */
export function isXmlElement(input: unknown): input is XmlElement {
  if (!isJsonObject(input) || Object.hasOwn(input, 'resourceType')) return false;
  return (
    input.kind === 'element' &&
    typeof input.name === 'string' &&
    typeof input.namespace === 'string' &&
    Array.isArray(input.attributes) &&
    Array.isArray(input.children)
  );
}

/** Detects the kind of a parsed input without reading it. */
export function detectDocumentKind(input: unknown): DocumentKind {
  if (isXmlElement(input)) {
    if (input.name === 'ClinicalDocument' && input.namespace === Namespaces.hl7v3) return 'cda';
    if (rcmrInteraction(input)) return 'rcmr';
    if (input.namespace === Namespaces.fhir) return 'fhir-xml';
    return 'unknown';
  }
  return isJsonObject(input) && Object.hasOwn(input, 'resourceType') ? 'fhir-json' : 'unknown';
}

function readRcmr(root: XmlElement, options: ReadDocumentOptions): Result<DocumentMetadata> {
  const unwrapped = unwrapRcmr(root);
  if (!unwrapped.ok) return unwrapped;
  if (!options.parseEmbeddedXml) {
    return err(
      'rcmr-needs-parser',
      `This is an HL7 V3 ${root.name} message: the CDA inside it must be parsed before it can be shown.`,
    );
  }
  const cda = options.parseEmbeddedXml(unwrapped.value.cdaBytes);
  if (!cda.ok) {
    return err(
      cda.error.code,
      `The document inside the ${root.name} message: ${cda.error.message}`,
    );
  }
  return readRcmrDocument(root, unwrapped.value, cda.value, options);
}

function unknownInput(input: unknown): Result<DocumentMetadata> {
  const what = isXmlElement(input)
    ? `the root element is <${input.name}>${input.namespace === '' ? ' in no namespace' : ` in namespace ${input.namespace}`}`
    : 'it is neither an XML tree nor a FHIR resource';
  return err(
    'unknown-document',
    `Archivist cannot read this: ${what}. Expected a CDA ClinicalDocument, an HL7 V3 RCMR archive message or a FHIR DocumentReference.`,
  );
}

function dispatch(input: unknown, options: ReadDocumentOptions): Result<DocumentMetadata> {
  const kind = detectDocumentKind(input);
  switch (kind) {
    case 'cda':
      return readCdaDocument(input as XmlElement, options);
    case 'rcmr':
      return readRcmr(input as XmlElement, options);
    case 'fhir-xml': {
      const json = fhirXmlToJson(input as XmlElement);
      return json.ok ? readFhirDocumentReference(json.value, options.codec) : json;
    }
    case 'fhir-json':
      return readFhirDocumentReference(input, options.codec);
    case 'unknown':
      return unknownInput(input);
    default:
      return assertNever(kind);
  }
}

/** Reads a parsed document of any supported kind into the metadata model. */
export function readDocument(
  input: XmlElement | unknown,
  options: ReadDocumentOptions = {},
): Result<DocumentMetadata> {
  try {
    return dispatch(input, options);
  } catch (error) {
    // A safety net for inputs that are not what they claim to be (e.g. JSON mimicking a tree):
    // the tester gets a clear refusal, never a stack trace (issue 3, "Done when").
    const detail = error instanceof Error ? error.message : String(error);
    return err(
      'read-failed',
      `The document could not be read: its structure is not what it claims to be (${detail}).`,
    );
  }
}
