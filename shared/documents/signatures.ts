/**
 * Signatures as metadata (DOMAIN.md §2): `hl7fi:signatureCollection/hl7fi:signature`, each with
 * a Kanta signature type, a timestamp and an XMLDSig `ds:Signature`. Nothing is verified here;
 * the point is to show who signed what and how, and to keep signatures out of content diffs.
 */
import { Namespaces, type XmlElement } from '../xml/tree';
import { readCode } from './datatypes';
import type { SignatureInfo } from './model-header';
import { attr, child, children, cleanText, compact, findDescendants } from './xml-access';

const FI = Namespaces.hl7fi;
const DS = Namespaces.xmldsig;

function algorithm(element: XmlElement | undefined): string | undefined {
  return attr(element, 'Algorithm');
}

function readSignature(signature: XmlElement): SignatureInfo {
  const dsSignature = child(signature, 'Signature', DS);
  const signedInfo = child(dsSignature, 'SignedInfo', DS);
  const references = children(signedInfo, 'Reference', DS);
  const timestamp = child(signature, 'signatureTimestamp', FI);
  const keyInfo = child(dsSignature, 'KeyInfo', DS);
  const inKeyInfo = (name: string): XmlElement | undefined =>
    keyInfo && findDescendants(keyInfo, (e) => e.name === name && e.namespace === DS)[0];
  const refs = children(child(signature, 'multipleDocumentSignature', FI), 'Ref', FI);
  return compact({
    id: attr(signature, 'ID'),
    type: readCode(child(signature, 'signatureDescription', FI)),
    time: cleanText(timestamp),
    timestampId: attr(timestamp, 'ID'),
    referenceIds: references.map((reference) => attr(reference, 'URI') ?? ''),
    canonicalizationMethod: algorithm(child(signedInfo, 'CanonicalizationMethod', DS)),
    signatureMethod: algorithm(child(signedInfo, 'SignatureMethod', DS)),
    digestMethods: references.flatMap((reference) => {
      const method = algorithm(child(reference, 'DigestMethod', DS));
      return method === undefined ? [] : [method];
    }),
    signerSubject: cleanText(inKeyInfo('X509SubjectName')),
    signerIssuer: cleanText(inKeyInfo('X509IssuerName')),
    multipleDocumentRefs: refs.map((ref) =>
      compact({ oid: attr(ref, 'OID'), hash: attr(ref, 'hash') }),
    ),
  });
}

/** Every `hl7fi:signature` in the header extension's signatureCollection. */
export function readSignatures(header: XmlElement | undefined): readonly SignatureInfo[] {
  return children(child(header, 'signatureCollection', FI), 'signature', FI).map(readSignature);
}
