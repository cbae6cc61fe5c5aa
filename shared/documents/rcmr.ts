/**
 * HL7 V3 archive messages of the Patient Data Repository (DOMAIN.md §2): RCMR_IN100002FI01
 * (store), RCMR_IN100016FI01 (store a new version) and RCMR_IN200002FI01 (social welfare). The
 * CDA travels Base64-encoded in a MIME part inside `clinicalDocument/text`; its bytes must go
 * through the safe XML parser again, so reading is two steps: `unwrapRcmr` gives the message
 * fields and the CDA bytes, the caller parses the bytes, then `readRcmrDocument` (or
 * `readCdaDocument` + `withMessage`) builds the metadata with `format: 'rcmr'`.
 */
import { CodeSystems } from '../codes/code-tables';
import { dedupe, scanIdentityCodes } from '../identity/scan';
import { err, ok, type Result } from '../result';
import { Namespaces, type XmlElement } from '../xml/tree';
import { readCdaDocument, type ReadOptions } from './cda';
import { readCode, readId } from './datatypes';
import { extractMimePart } from './mime';
import type { DocumentMetadata, MessageMetadata, RcmrInteraction } from './model';
import { attr, child, compact, findDescendants, path, textContent } from './xml-access';

const INTERACTIONS: readonly RcmrInteraction[] = [
  'RCMR_IN100002FI01',
  'RCMR_IN100016FI01',
  'RCMR_IN200002FI01',
];

/** The message fields and the still-unparsed CDA bytes of an archive message. */
export interface RcmrUnwrapped {
  readonly message: MessageMetadata;
  readonly cdaBytes: Uint8Array;
}

/** The interaction when `root` is an RCMR archive message, else undefined. */
export function rcmrInteraction(root: XmlElement): RcmrInteraction | undefined {
  if (root.namespace !== Namespaces.hl7v3) return undefined;
  return INTERACTIONS.find((interaction) => interaction === root.name);
}

function descendant(root: XmlElement, name: string, skip?: XmlElement): XmlElement | undefined {
  return findDescendants(
    root,
    (e) => e.name === name && e.namespace === Namespaces.hl7v3 && e !== skip,
  )[0];
}

/** Finds the replacement reason by its code system: the element that holds it is not verified. */
function replacementReason(clinicalDocument: XmlElement) {
  const coded = findDescendants(
    clinicalDocument,
    (e) => attr(e, 'codeSystem') === CodeSystems.replacementReason,
  );
  return readCode(coded[0]);
}

function messageFields(
  root: XmlElement,
  interaction: RcmrInteraction,
  clinicalDocument: XmlElement,
) {
  const idOf = (element: XmlElement | undefined) => (element ? readId(element) : undefined);
  return compact({
    interaction,
    messageId: idOf(child(root, 'id')),
    creationTime: attr(child(root, 'creationTime'), 'value'),
    senderId: idOf(path(root, 'sender', 'device', 'id')),
    receiverId: idOf(path(root, 'receiver', 'device', 'id')),
    serviceRequest: readCode(path(root, 'controlActProcess', 'reasonCode')),
    completionCode: readCode(descendant(clinicalDocument, 'completionCode')),
    storageCode: readCode(descendant(clinicalDocument, 'storageCode')),
    replacementReason: replacementReason(clinicalDocument),
    documentId: idOf(child(clinicalDocument, 'id')),
    replacedDocumentId: idOf(
      path(clinicalDocument, 'replacementOf', 'priorClinicalDocument', 'id'),
    ),
  });
}

/** Reads the message fields and extracts the CDA bytes from the MIME part. */
export function unwrapRcmr(root: XmlElement): Result<RcmrUnwrapped> {
  const interaction = rcmrInteraction(root);
  if (!interaction) {
    return err(
      'rcmr-not-message',
      `<${root.name}> is not an HL7 V3 archive message (${INTERACTIONS.join(', ')}).`,
    );
  }
  const controlAct = child(root, 'controlActProcess');
  const clinicalDocument = controlAct && descendant(controlAct, 'clinicalDocument');
  const text = child(clinicalDocument, 'text');
  if (!clinicalDocument || !text) {
    return err(
      'rcmr-no-document',
      `The ${interaction} message has no controlActProcess/…/clinicalDocument/text holding a document.`,
    );
  }
  const extracted = extractMimePart(textContent(text));
  if (!extracted.ok) return extracted;
  const { bytes, notes, ...mime } = extracted.value;
  const declared = attr(child(root, 'interactionId'), 'extension');
  const mismatch =
    declared !== undefined && declared !== interaction ? [`interactionId says ${declared}.`] : [];
  const message: MessageMetadata = {
    ...messageFields(root, interaction, clinicalDocument),
    mime: { ...mime, notes: [...notes, ...mismatch] },
  };
  return ok({ message, cdaBytes: bytes });
}

/** Puts the message fields beside a CDA's metadata; `messageRoot` adds the message's identity codes. */
export function withMessage(
  meta: DocumentMetadata,
  message: MessageMetadata,
  messageRoot?: XmlElement,
): DocumentMetadata {
  const messageCodes = messageRoot ? scanIdentityCodes(messageRoot, 'message/') : [];
  const warnings = [...meta.warnings];
  if (
    message.documentId &&
    (message.documentId.root !== meta.id.root || message.documentId.extension !== meta.id.extension)
  ) {
    warnings.push({
      code: 'rcmr-id-mismatch',
      message: 'The message and the document it carries have different document ids.',
    });
  }
  return {
    ...meta,
    format: 'rcmr',
    message,
    identityCodes: dedupe([...meta.identityCodes, ...messageCodes]),
    warnings,
  };
}

/** Step two: the CDA parsed from `unwrapRcmr(...).cdaBytes`, merged with the message fields. */
export function readRcmrDocument(
  messageRoot: XmlElement,
  unwrapped: RcmrUnwrapped,
  cdaRoot: XmlElement,
  options: ReadOptions = {},
): Result<DocumentMetadata> {
  const meta = readCdaDocument(cdaRoot, options);
  if (!meta.ok) {
    return err(
      meta.error.code,
      `The document inside the ${unwrapped.message.interaction} message: ${meta.error.message}`,
    );
  }
  return ok(withMessage(meta.value, unwrapped.message, messageRoot));
}
