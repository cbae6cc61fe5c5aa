import { createHash, createPrivateKey, createPublicKey, sign } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { err, type Result } from '../../../shared/result';
import { findResource } from '../../services/resources';

import type { XmlElementSpec } from './canonical-xml';
import { el, serialize } from './canonical-xml';

/** The XMLDSig namespace. */
export const DSIG_NS = 'http://www.w3.org/2000/09/xmldsig#';
const EXC_C14N = 'http://www.w3.org/2001/10/xml-exc-c14n#';

/**
 * The committed TEST-ONLY key's path (resources/sandbox), or `sandbox-key-missing` naming it and
 * where it was looked for when Archivist was installed without it.
 */
export function findSigningKey(): Result<string> {
  const found = findResource('sandbox/test-signing-key.pem', "The sandbox's test signing key");
  return found.ok ? found : err('sandbox-key-missing', found.error.message);
}

let cachedKey: KeyObject | undefined;

/** Loads the test signing key once; startSandbox checks with findSigningKey that it exists. */
export function signingKey(): KeyObject {
  if (cachedKey) return cachedKey;
  const file = findSigningKey();
  if (!file.ok) throw new Error(file.error.message);
  cachedKey = createPrivateKey(readFileSync(file.value, 'utf8'));
  return cachedKey;
}

/** The public half of the test key, for verifying seed signatures. */
export function signingPublicKey(): KeyObject {
  return createPublicKey(signingKey());
}

/** Base64 SHA-256 of UTF-8 text. */
export function sha256Base64(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('base64');
}

/** The canonical SignedInfo for one reference; the redundant xmlns makes its bytes canonical. */
export function signedInfo(referenceId: string, digest: string): XmlElementSpec {
  return el(
    'SignedInfo',
    { xmlns: DSIG_NS },
    el('CanonicalizationMethod', { Algorithm: EXC_C14N }),
    el('SignatureMethod', { Algorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256' }),
    el(
      'Reference',
      { URI: `#${referenceId}` },
      el('Transforms', {}, el('Transform', { Algorithm: EXC_C14N })),
      el('DigestMethod', { Algorithm: 'http://www.w3.org/2001/04/xmlenc#sha256' }),
      el('DigestValue', {}, digest),
    ),
  );
}

/** What a signature needs before the RSA step: the SignedInfo and its canonical bytes. */
interface SignatureDraft {
  readonly info: XmlElementSpec;
  readonly infoBytes: Buffer;
}

function draftSignature(referenceId: string, signedBytes: string, tamper: boolean): SignatureDraft {
  const digest = sha256Base64(tamper ? `${signedBytes} ` : signedBytes);
  const info = signedInfo(referenceId, digest);
  return { info, infoBytes: Buffer.from(serialize(info), 'utf8') };
}

function signatureElement(
  referenceId: string,
  signingTime: string,
  info: XmlElementSpec,
  value: string,
): XmlElementSpec {
  return el(
    'hl7fi:signature',
    { ID: `sig-${referenceId}` },
    el('hl7fi:signatureDescription', { code: '1', codeSystem: '1.2.246.537.5.40127.2006' }),
    el('hl7fi:signatureTimestamp', {}, signingTime),
    el(
      'Signature',
      { xmlns: DSIG_NS, Id: `Signature-${referenceId}` },
      info,
      el('SignatureValue', {}, value),
      el('KeyInfo', {}, el('KeyName', {}, 'Archivist sandbox TEST-ONLY key')),
    ),
  );
}

/**
 * An `hl7fi:signature` over the element whose canonical bytes are `signedBytes`. With `tamper` the
 * digest is taken over different bytes (a planted problem) while SignatureValue stays valid.
 */
export function buildSignature(
  referenceId: string,
  signedBytes: string,
  signingTime: string,
  tamper: boolean,
): XmlElementSpec {
  const { info, infoBytes } = draftSignature(referenceId, signedBytes, tamper);
  const value = sign('sha256', infoBytes, signingKey()).toString('base64');
  return signatureElement(referenceId, signingTime, info, value);
}

/**
 * The same signature as buildSignature, with the RSA step on libuv's thread pool: the RSA-2048
 * signature is about two thirds of the time a seed document takes to write, and off the main
 * thread it runs on another core while the server keeps answering.
 */
export function buildSignatureAsync(
  referenceId: string,
  signedBytes: string,
  signingTime: string,
  tamper: boolean,
): Promise<XmlElementSpec> {
  const { info, infoBytes } = draftSignature(referenceId, signedBytes, tamper);
  return new Promise((resolve, reject) =>
    sign('sha256', infoBytes, signingKey(), (error, value) =>
      error
        ? reject(error)
        : resolve(signatureElement(referenceId, signingTime, info, value.toString('base64'))),
    ),
  );
}
