/**
 * The facts about one certificate that the client, the error classifier and the certificate
 * doctor talk about (who, issued by whom, valid when, for what), read with `node:crypto`'s
 * X509Certificate and kept as plain JSON so they can cross IPC and go into messages.
 */
import { X509Certificate } from 'node:crypto';

/** Extended key usage OIDs (RFC 5280 §4.2.1.12). */
export const extendedKeyUsageOids = {
  serverAuth: '1.3.6.1.5.5.7.3.1',
  clientAuth: '1.3.6.1.5.5.7.3.2',
  any: '2.5.29.37.0',
} as const;

export interface CertificateFacts {
  /** The subject's common name, else the whole subject, one line. */
  readonly subject: string;
  readonly issuer: string;
  /** ISO instants. */
  readonly validFrom: string;
  readonly validTo: string;
  /** Extended key usage OIDs; absent when the certificate does not limit its use. */
  readonly extendedKeyUsage?: readonly string[];
  readonly isCa: boolean;
  readonly isSelfSigned: boolean;
  readonly fingerprint256: string;
}

function nameOf(distinguishedName: string): string {
  const commonName = /(?:^|\n)CN=([^\n]*)/.exec(distinguishedName)?.[1];
  return commonName ?? distinguishedName.split('\n').join(', ');
}

/** The facts of a parsed certificate. */
export function factsOf(certificate: X509Certificate): CertificateFacts {
  // Node calls the extended key usage `keyUsage` (undefined when the extension is absent).
  const extendedKeyUsage = certificate.keyUsage as string[] | undefined;
  return {
    subject: nameOf(certificate.subject),
    issuer: nameOf(certificate.issuer),
    validFrom: new Date(certificate.validFrom).toISOString(),
    validTo: new Date(certificate.validTo).toISOString(),
    ...(extendedKeyUsage ? { extendedKeyUsage } : {}),
    isCa: certificate.ca,
    isSelfSigned: certificate.checkIssued(certificate) && certificate.verify(certificate.publicKey),
    fingerprint256: certificate.fingerprint256,
  };
}

/** True when the certificate may be used as a TLS client certificate. */
export function allowsClientAuth(facts: CertificateFacts): boolean {
  const usages = facts.extendedKeyUsage;
  return (
    usages === undefined ||
    usages.includes(extendedKeyUsageOids.clientAuth) ||
    usages.includes(extendedKeyUsageOids.any)
  );
}

/** Every certificate in a PEM text, in order; text that is not a certificate is skipped. */
export function certificatesInPem(pem: string): X509Certificate[] {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  return blocks.flatMap((block) => {
    try {
      return [new X509Certificate(block)];
    } catch {
      return [];
    }
  });
}

/** A date as testers read it in messages: `2026-11-28`. */
export function dayOf(isoInstant: string): string {
  return isoInstant.slice(0, 10);
}
